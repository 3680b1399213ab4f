import type { Effect } from './series/effects';

/** A named incident the simulator can play: effects on catalog metrics (by id) for a default duration. */
export interface ScenarioDef {
  name: string;
  description: string;
  durationMinutes: number;
  effects: readonly Effect[];
}

const scale = (metric: string, factor: number): Effect => ({ metric, scale: factor });

/** Every scenario, by name. Levels are illustrative, chosen to trip (or, for `mfa-noise`, not trip) default rules. */
export const SCENARIOS: readonly ScenarioDef[] = [
  {
    name: 'mail-delivery-drop',
    description: 'Exchange mail delivery falls 60 % (messages stuck in transport).',
    durationMinutes: 45,
    effects: [scale('mail-delivery', 0.4)],
  },
  {
    name: 'mail-flow-outage',
    description: 'Exchange mail transport stops: delivered mail falls 95 % (a severe outage).',
    durationMinutes: 45,
    effects: [scale('mail-delivery', 0.05)],
  },
  {
    name: 'meeting-join-drop',
    description: 'Teams meeting joins fall 70 % (join service failing).',
    durationMinutes: 60,
    effects: [scale('meeting-joins', 0.3)],
  },
  {
    name: 'connectivity-dip',
    description: 'Exchange connectivity drops to about 92 % (network path or proxy trouble).',
    durationMinutes: 45,
    effects: [{ metric: 'exchange-connectivity', percent: 92 }],
  },
  {
    name: 'teams-outage',
    description: 'Teams degraded at once: chat, launches and joins fall, QoE and UDP shares drop.',
    durationMinutes: 60,
    effects: [
      scale('teams-chat', 0.25),
      scale('teams-launch', 0.3),
      scale('meeting-joins', 0.2),
      { metric: 'teams-qoe', percent: 80 },
      { metric: 'teams-udp', percent: 75 },
    ],
  },
  {
    name: 'exchange-outage',
    description:
      'Exchange Online degraded: every client reads less mail, delivery slows, connectivity falls.',
    durationMinutes: 60,
    effects: [
      ...[
        'desktop-mail',
        'outlook-mobile',
        'owa-read',
        'outlook-mac',
        'native-mail',
        'owa-launch',
        'modern-auth',
      ].map((id) => scale(id, 0.35)),
      scale('mail-delivery', 0.3),
      { metric: 'exchange-connectivity', percent: 90 },
    ],
  },
  {
    name: 'udp-blocked',
    description: 'A firewall change blocks Teams media UDP ports: audio falls back to TCP.',
    durationMinutes: 90,
    effects: [{ metric: 'teams-udp', percent: 60 }],
  },
  {
    name: 'qoe-telemetry-blocked',
    description: 'A proxy blocks the Teams telemetry URLs: QoE reports stop arriving.',
    durationMinutes: 90,
    effects: [{ metric: 'teams-qoe', percent: 70 }],
  },
  {
    name: 'mfa-failure-spike',
    description: 'MFA failures rise sixfold and successes fall (MFA provider or phone network trouble).',
    durationMinutes: 45,
    effects: [scale('mfa-failure', 6), scale('mfa-success', 0.6)],
  },
  {
    name: 'ca-block-spike',
    description: 'A new Conditional Access policy blocks eight times the usual sign-ins.',
    durationMinutes: 60,
    effects: [scale('ca-blocked', 8), scale('ca-compliant-devices', 0.7)],
  },
  {
    name: 'web-apps-drop',
    description: 'Microsoft 365 web apps fail to open documents: active users fall 65 %.',
    durationMinutes: 45,
    effects: ['excel-web', 'onenote-web', 'powerpoint-web', 'visio-web', 'word-web'].map((id) =>
      scale(id, 0.35),
    ),
  },
  {
    name: 'gsa-tunnel-down',
    description: 'Two remote-network branches lose their IPsec tunnel and BGP session.',
    durationMinutes: 40,
    effects: [
      { metric: 'gsa-tunnel-disconnected', gauge: 2 },
      { metric: 'gsa-bgp-disconnected', gauge: 2 },
      scale('gsa-private-allowed-users', 0.7),
    ],
  },
  {
    name: 'teams-advisory',
    description:
      'No telemetry change: Microsoft posts a Teams advisory (delayed presence) that only opted-in conversations hear about.',
    durationMinutes: 60,
    effects: [],
  },
  {
    name: 'mfa-noise',
    description:
      'A small, short wobble in MFA failures that a good rule should ignore (+40 % for 10 minutes).',
    durationMinutes: 10,
    effects: [scale('mfa-failure', 1.4)],
  },
];

/** The scenario definition for a name, or undefined. */
export function scenarioByName(name: string): ScenarioDef | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
