import { buildHelpCard } from '../../src/cards/help-card';
import { buildNoticeCard } from '../../src/cards/notice-card';
import { buildWelcomeCard } from '../../src/cards/welcome-card';
import { buildWhoamiCard } from '../../src/cards/whoami-card';
import { COMMANDS, commandSpec } from '../../src/commands/grammar';
import { assertGolden } from './golden';

describe('cards: help, welcome, whoami and notice (golden)', () => {
  it('help lists every command', () => {
    assertGolden('help', buildHelpCard(COMMANDS));
  });

  it('help for one command shows its examples as buttons', () => {
    assertGolden('help-show', buildHelpCard(COMMANDS, commandSpec('show')));
  });

  it('welcome in a personal chat and in a team', () => {
    assertGolden('welcome-personal', buildWelcomeCard('personal'));
    assertGolden('welcome-channel', buildWelcomeCard('channel', 'IT Operations'));
  });

  it('whoami names the sign-in and what it can read', () => {
    assertGolden(
      'whoami',
      buildWhoamiCard({
        name: 'Adele Vance',
        tenantId: '11111111-2222-3333-4444-555555555555',
        signInMode: 'sso',
        groups: [
          { service: 'Exchange Online', permission: 'ServiceActivity-Exchange.Read.All', granted: true },
          { service: 'Microsoft Teams', permission: 'ServiceActivity-Teams.Read.All', granted: false },
        ],
      }),
    );
  });

  it('a notice with a next step', () => {
    assertGolden(
      'notice-warning',
      buildNoticeCard({
        tone: 'warning',
        title: 'This button no longer works',
        message:
          'This card comes from an older version of M365 Pulse. Send the command again for a fresh card.',
        reference: 'c0ffee',
        actions: [{ title: 'help', value: 'help' }],
      }),
    );
  });
});
