const DAY = 86_400_000;

interface MessageTemplate {
  services: readonly string[];
  category: 'preventOrFixIssue' | 'planForChange' | 'stayInformed';
  title: string;
  tags: readonly string[];
}

const TEMPLATES: readonly MessageTemplate[] = [
  {
    services: ['Exchange Online'],
    category: 'planForChange',
    title: 'Retirement of Basic authentication for SMTP AUTH',
    tags: ['Retirement', 'Admin impact'],
  },
  {
    services: ['Microsoft Teams'],
    category: 'stayInformed',
    title: 'New meeting recap experience in Microsoft Teams',
    tags: ['New feature', 'User impact'],
  },
  {
    services: ['SharePoint Online', 'OneDrive for Business'],
    category: 'planForChange',
    title: 'Updated sharing link defaults for new sites',
    tags: ['Feature update', 'Admin impact'],
  },
  {
    services: ['Microsoft Entra', 'Identity Service'],
    category: 'preventOrFixIssue',
    title: 'Action required: update legacy MFA policies',
    tags: ['Admin impact', 'Updated message'],
  },
  {
    services: ['Office for the web'],
    category: 'stayInformed',
    title: 'Co-authoring improvements in Excel for the web',
    tags: ['Feature update'],
  },
  {
    services: ['Microsoft 365 Apps'],
    category: 'planForChange',
    title: 'Microsoft 365 Apps: end of support for an older channel build',
    tags: ['Retirement'],
  },
  {
    services: ['Microsoft Intune'],
    category: 'stayInformed',
    title: 'Intune service release: new compliance settings',
    tags: ['New feature', 'Admin impact'],
  },
  {
    services: ['Microsoft 365 suite'],
    category: 'planForChange',
    title: 'Changes to the Microsoft 365 admin center navigation',
    tags: ['User impact'],
  },
];

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * 130 Message center posts over the 130 days before `anchorMs` (more than a 100-item page), newest first: every 7th
 * is a major change with an act-by date 30 days after it was posted. `delegated` adds the user's `viewPoint`.
 */
export function simulatedMessages(anchorMs: number, delegated: boolean): Record<string, unknown>[] {
  const day = Math.floor(anchorMs / DAY) * DAY;
  return Array.from({ length: 130 }, (_, i) => {
    const t = TEMPLATES[i % TEMPLATES.length];
    const start = day - i * DAY + 9 * 3_600_000;
    const major = i % 7 === 0;
    const modified = start + (i % 3) * 3_600_000;
    const id = `MC${900000 - i * 137}`;
    return {
      startDateTime: isoSeconds(start),
      endDateTime: isoSeconds(start + 60 * DAY),
      lastModifiedDateTime: isoSeconds(Math.min(modified, anchorMs)),
      title: `${t.title}${i >= TEMPLATES.length ? ` (update ${Math.floor(i / TEMPLATES.length)})` : ''}`,
      id,
      category: t.category,
      severity: major ? 'high' : 'normal',
      tags: [...t.tags],
      isMajorChange: major,
      actionRequiredByDateTime: major ? isoSeconds(start + 30 * DAY) : null,
      services: [...t.services],
      expiryDateTime: null,
      hasAttachments: false,
      viewPoint: delegated ? { isRead: i % 2 === 0, isArchived: false, isFavorited: false } : null,
      details: [
        { name: 'ExternalLink', value: `https://learn.microsoft.com/microsoft-365/${id.toLowerCase()}` },
      ],
      body: {
        contentType: 'html',
        content:
          `<p>${t.title}.</p><p><b>When this will happen:</b> rollout begins ${new Date(start + 7 * DAY).toDateString()}.</p>` +
          `<p><b>How this will affect your organization:</b> see the linked documentation &amp; plan accordingly.</p>`,
      },
    };
  });
}
