import type { IssueScript, SimIssue } from './issue-script';

const DAY = 86_400_000;

const INTUNE_ADVISORY: IssueScript = {
  prefix: 'IT',
  service: 'Microsoft Intune',
  feature: 'Microsoft Intune',
  featureGroup: 'Microsoft Intune',
  classification: 'advisory',
  title: 'Some device compliance reports may show outdated data',
  impactDescription: 'Admins may see device compliance reports that are several hours old.',
  posts: [
    {
      minutes: 30,
      status: 'investigating',
      text: "We're reviewing a delay in compliance report processing.",
    },
    {
      minutes: 6 * 60,
      status: 'serviceDegradation',
      text: 'A reporting pipeline is processing data slower than expected; we are adding capacity.',
    },
  ],
};

const SHAREPOINT_RESOLVED: IssueScript = {
  prefix: 'SP',
  service: 'SharePoint Online',
  feature: 'Search and Delve',
  featureGroup: 'Search',
  classification: 'incident',
  title: 'Users may not see recent documents in SharePoint Online search results',
  impactDescription: 'Users may not see recently added or edited documents in search results.',
  posts: [
    { minutes: 20, status: 'investigating', text: "We're investigating delays in search indexing." },
    {
      minutes: 90,
      status: 'serviceDegradation',
      text: 'An indexing component is behind; we are increasing throughput.',
    },
    {
      minutes: 15,
      afterEnd: true,
      status: 'serviceRestored',
      text: 'Indexing has caught up.',
      resolves: true,
    },
  ],
};

const EXCHANGE_RESOLVED: IssueScript = {
  prefix: 'EX',
  service: 'Exchange Online',
  feature: 'Management and Provisioning',
  featureGroup: 'Administration',
  classification: 'advisory',
  title: 'Admins may see delays when changing mailbox permissions',
  impactDescription: 'Admins may see mailbox permission changes take longer than usual to apply.',
  posts: [
    { minutes: 45, status: 'investigating', text: "We're investigating slow permission changes." },
    {
      minutes: 20,
      afterEnd: true,
      status: 'serviceRestored',
      text: 'Permission changes apply normally again.',
      resolves: true,
    },
  ],
};

/**
 * The tenant's service health history when the simulator starts (`anchor`, floored to the hour): a resolved
 * SharePoint incident 3 days ago, a resolved Exchange advisory 9 days ago, and an Intune advisory open for a day.
 */
export function historyIssues(anchorMs: number): SimIssue[] {
  const hour = Math.floor(anchorMs / 3_600_000) * 3_600_000;
  return [
    {
      id: 'SP681204',
      script: SHAREPOINT_RESOLVED,
      startsAt: hour - 3 * DAY,
      endsAt: hour - 3 * DAY + 5 * 3_600_000,
    },
    {
      id: 'EX673915',
      script: EXCHANGE_RESOLVED,
      startsAt: hour - 9 * DAY,
      endsAt: hour - 9 * DAY + 3 * 3_600_000,
    },
    { id: 'IT684410', script: INTUNE_ADVISORY, startsAt: hour - DAY, endsAt: hour + 30 * DAY },
  ];
}
