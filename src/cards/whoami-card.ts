import type { AdaptiveCard } from './adaptive-card';

export interface WhoamiView {
  name: string;
  tenantId: string;
  signInMode: 'sso' | 'demo' | 'none';
  groups: { service: string; permission: string; granted: boolean }[];
}

/** Who the user is signed in as and which service groups their token can read. */
export function buildWhoamiCard(view: WhoamiView): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: `Signed in as ${view.name}`, size: 'Medium', weight: 'Bolder', wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'Tenant', value: view.tenantId },
          {
            title: 'Sign-in',
            value: view.signInMode === 'demo' ? 'Demo identity (simulated tenant)' : 'Teams single sign-on',
          },
        ],
      },
      {
        type: 'TextBlock',
        text: 'What your sign-in can read',
        weight: 'Bolder',
        wrap: true,
        spacing: 'Medium',
      },
      {
        type: 'FactSet',
        facts: view.groups.map((g) => ({
          title: g.service,
          value: g.granted ? `✅ ${g.permission}` : `❌ needs ${g.permission} (ask an admin to consent)`,
        })),
      },
      {
        type: 'TextBlock',
        text: 'Graph also checks your admin role on every call: Entra metrics need Global Reader, Reports Reader or a Security role.',
        isSubtle: true,
        size: 'Small',
        wrap: true,
      },
    ],
    actions: [
      { type: 'Action.Submit', title: 'Sign out', data: { msteams: { type: 'imBack', value: 'signout' } } },
    ],
  };
}
