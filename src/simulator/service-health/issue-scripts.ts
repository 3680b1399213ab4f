import type { IssueScript, ScriptedPost } from './issue-script';

/** The usual incident arc: investigating, degradation confirmed, fix rolling out, restored after impact ends. */
function incidentArc(found: string, cause: string, fix: string, restored: string): ScriptedPost[] {
  return [
    { minutes: 8, status: 'investigating', postType: 'quick', text: found },
    { minutes: 20, status: 'serviceDegradation', text: cause },
    { minutes: -10, afterEnd: true, status: 'restoringService', text: fix },
    { minutes: 12, afterEnd: true, status: 'serviceRestored', text: restored, resolves: true },
  ];
}

/** Microsoft's side of the scenarios that are Microsoft's fault; tenant-side scenarios have none. */
export const ISSUE_SCRIPTS: Readonly<Record<string, IssueScript>> = {
  'mail-delivery-drop': {
    prefix: 'EX',
    service: 'Exchange Online',
    feature: 'Mail flow',
    featureGroup: 'E-Mail timely delivery',
    classification: 'incident',
    title: 'Users may experience delays when sending or receiving email messages',
    impactDescription: 'Users may experience delays when sending or receiving email messages.',
    posts: incidentArc(
      "We're investigating reports of delayed mail delivery and reviewing transport telemetry.",
      'A recent configuration change to a portion of mail transport infrastructure is causing messages to queue.',
      "We've reverted the change and queued messages are being delivered.",
      "We've confirmed that queued messages were delivered and mail flow is healthy.",
    ),
  },
  'mail-flow-outage': {
    prefix: 'EX',
    service: 'Exchange Online',
    feature: 'Mail flow',
    featureGroup: 'E-Mail timely delivery',
    classification: 'incident',
    title: "Users can't send or receive email messages",
    impactDescription:
      'Users may be unable to send or receive email messages; messages are queued for delivery.',
    posts: incidentArc(
      "We're investigating reports that email messages aren't being delivered.",
      'A component of mail transport infrastructure stopped processing messages after a service update.',
      "We've rolled back the update and queued messages are being delivered.",
      "We've confirmed that all queued messages were delivered and mail flow is healthy.",
    ),
  },
  'exchange-outage': {
    prefix: 'EX',
    service: 'Exchange Online',
    feature: 'E-Mail and calendar access',
    featureGroup: 'E-Mail and calendar access',
    classification: 'incident',
    title: "Users can't access their mailbox using any connection method",
    impactDescription: 'Users may be unable to access their mailbox using Outlook, OWA or mobile clients.',
    posts: incidentArc(
      "We're investigating an issue where users can't access their mailboxes.",
      'A subset of mailbox servers is not processing requests as expected; we are routing traffic to healthy servers.',
      'Traffic has been rebalanced and service is recovering for affected users.',
      "We've confirmed from telemetry that mailbox access is restored.",
    ),
  },
  'meeting-join-drop': {
    prefix: 'TM',
    service: 'Microsoft Teams',
    feature: 'Teams Components',
    featureGroup: 'Meetings',
    classification: 'incident',
    title: 'Users may be unable to join Microsoft Teams meetings',
    impactDescription:
      'Users may be unable to join Microsoft Teams meetings or may experience delays when joining.',
    posts: incidentArc(
      "We're investigating reports of users failing to join Teams meetings.",
      'A component of the meeting join service is failing requests in some regions.',
      "We've deployed a fix and join success rates are improving.",
      "We've confirmed that meeting joins are succeeding at normal rates.",
    ),
  },
  'teams-outage': {
    prefix: 'TM',
    service: 'Microsoft Teams',
    feature: 'Teams Components',
    featureGroup: 'Chat',
    classification: 'incident',
    title: 'Users may be unable to use multiple Microsoft Teams features',
    impactDescription: 'Users may be unable to send chat messages, launch the client or join meetings.',
    posts: incidentArc(
      "We're investigating an issue affecting multiple Microsoft Teams features.",
      'A networking configuration change is impacting Teams infrastructure; we are rolling it back.',
      'The rollback is progressing and most users should see recovery.',
      "We've confirmed that Microsoft Teams features are working as expected.",
    ),
  },
  'web-apps-drop': {
    prefix: 'OF',
    service: 'Office for the web',
    feature: 'Office for the web',
    featureGroup: 'Office for the web',
    classification: 'incident',
    title: 'Users may be unable to open documents in Office for the web',
    impactDescription: 'Users may be unable to open Word, Excel or PowerPoint documents in the browser.',
    posts: incidentArc(
      "We're investigating reports that users can't open documents in Office for the web.",
      'A recent update to the document rendering service introduced a code issue.',
      "We've reverted the update and are monitoring recovery.",
      "We've confirmed that documents open as expected.",
    ),
  },
  'teams-advisory': {
    prefix: 'TM',
    service: 'Microsoft Teams',
    feature: 'Teams Components',
    featureGroup: 'Presence',
    classification: 'advisory',
    title: 'Presence may be delayed for some Microsoft Teams users',
    impactDescription: 'Some users may see presence updates with a delay of several minutes.',
    posts: [
      {
        minutes: 5,
        status: 'investigating',
        postType: 'quick',
        text: "We're reviewing reports of delayed presence updates.",
      },
      {
        minutes: 25,
        status: 'serviceDegradation',
        text: 'We identified a backlog in a presence processing component.',
      },
      {
        minutes: 5,
        afterEnd: true,
        status: 'serviceRestored',
        text: 'The backlog has cleared and presence is current.',
        resolves: true,
      },
    ],
  },
};
