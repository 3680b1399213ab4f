import type { MetricDef } from './catalog-types';
import { belowPercent, DROP_HALF } from './catalog-rules';

const base = { service: 'exchange', permission: 'ServiceActivity-Exchange.Read.All', roles: [] } as const;
const activeUsers = { ...base, unit: 'count', higherIsBetter: true, defaultRule: DROP_HALF } as const;

/** Exchange Online monitoring signals (X1–X9); connectivity is the only percentage. */
export const EXCHANGE_METRICS: readonly MetricDef[] = [
  {
    ...activeUsers,
    id: 'desktop-mail',
    fn: 'getActiveUserMetricsForDesktopMailByReadEmail',
    name: 'Desktop mail readers',
    description: 'Users who successfully read email in desktop mail apps such as Outlook for Windows.',
    aliases: ['desktop mail', 'outlook desktop', 'desktop outlook', 'outlook for windows', 'mail readers'],
    typical: 350,
  },
  {
    ...activeUsers,
    id: 'outlook-mobile',
    fn: 'getActiveUserMetricsForOutlookMobileByReadEmail',
    name: 'Outlook mobile readers',
    description: 'Users who successfully read email in the Outlook app for iOS or Android.',
    aliases: ['outlook mobile', 'mobile outlook', 'outlook ios', 'outlook android', 'mobile mail'],
    typical: 120,
  },
  {
    ...activeUsers,
    id: 'owa-read',
    fn: 'getActiveUserMetricsForOutlookWebByReadEmail',
    name: 'Outlook on the web readers',
    description: 'Users who successfully read email in Outlook on the web.',
    aliases: ['owa', 'outlook web', 'outlook on the web', 'web mail', 'webmail', 'owa read'],
    typical: 150,
  },
  {
    ...activeUsers,
    id: 'outlook-mac',
    fn: 'getActiveUserMetricsForOutlookMacByReadEmail',
    name: 'Outlook for Mac readers',
    description: 'Users who successfully read email in Outlook for Mac.',
    aliases: ['outlook mac', 'outlook for mac', 'mac mail', 'mac outlook'],
    typical: 25,
  },
  {
    ...activeUsers,
    id: 'native-mail',
    fn: 'getActiveUserMetricsForiOSOrAndroidMailByReadEmail',
    name: 'Native iOS/Android mail readers',
    description: 'Users who successfully read email in the built-in mail apps of iOS and Android.',
    aliases: ['native mail', 'ios mail', 'android mail', 'iphone mail', 'native mail apps'],
    typical: 8,
  },
  {
    ...activeUsers,
    id: 'owa-launch',
    fn: 'getActiveUserMetricsForOutlookWebByAppOpening',
    name: 'Outlook on the web launches',
    description: 'Users who signed in and opened Outlook on the web.',
    aliases: ['owa launch', 'owa opens', 'owa open', 'outlook web launch', 'open outlook web'],
    typical: 15,
  },
  {
    ...activeUsers,
    id: 'modern-auth',
    fn: 'getActiveUserMetricsForEmailByModernAuthentication',
    name: 'Modern authentication mail users',
    description: 'Users who signed in to any email app with modern authentication.',
    aliases: ['modern auth', 'modern authentication', 'oauth mail', 'mail sign-ins', 'email sign-ins'],
    typical: 600,
  },
  {
    ...activeUsers,
    id: 'mail-delivery',
    fn: 'getMessageVolumeMetricsForEmailDelivery',
    name: 'Mail delivery',
    description: 'Messages Exchange delivered successfully, meaning within 15 minutes of receiving them.',
    aliases: [
      'mail flow',
      'email delivery',
      'mail delivery',
      'message delivery',
      'delivered mail',
      'mailflow',
    ],
    typical: 2500,
  },
  {
    ...base,
    id: 'exchange-connectivity',
    fn: 'getConnectivityMetricsForExchange',
    name: 'Exchange connectivity',
    description:
      'Estimated share of synthetic connections from your devices to Exchange Online that succeeded.',
    unit: 'percent',
    higherIsBetter: true,
    aliases: ['connectivity', 'exchange connectivity', 'app connectivity', 'mail connectivity'],
    defaultRule: belowPercent(95),
    typical: 99.9,
  },
];
