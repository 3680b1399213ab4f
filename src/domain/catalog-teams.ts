import type { MetricDef } from './catalog-types';
import { belowPercent, DROP_HALF } from './catalog-rules';

const base = { service: 'teams', permission: 'ServiceActivity-Teams.Read.All', roles: [] } as const;
const counts = { ...base, unit: 'count', higherIsBetter: true, defaultRule: DROP_HALF } as const;
const ratio = { ...base, unit: 'percent', higherIsBetter: true } as const;

/** Microsoft Teams monitoring signals (T1–T5); QoE and UDP are percentages (note `QoE` and `Udp` casing). */
export const TEAMS_METRICS: readonly MetricDef[] = [
  {
    ...counts,
    id: 'teams-chat',
    fn: 'getMessageVolumeMetricsForTeamsChat',
    name: 'Teams chat messages',
    description: 'Chat messages that were sent and delivered successfully.',
    aliases: ['teams chat', 'chat', 'chats', 'chat messages', 'teams messages', 'messaging'],
    typical: 1500,
  },
  {
    ...counts,
    id: 'teams-launch',
    fn: 'getUsageMetricsForTeamsByLaunch',
    name: 'Teams app launches',
    description: 'Times users opened the Teams app without an error.',
    aliases: ['teams launch', 'teams launches', 'app launch', 'teams app launch', 'teams opens'],
    typical: 60,
  },
  {
    ...counts,
    id: 'meeting-joins',
    fn: 'getUsageMetricsForTeamsByMeetingsJoined',
    name: 'Meeting joins',
    description: 'Times users joined a Teams meeting without an error.',
    aliases: [
      'meetings',
      'meeting joins',
      'meeting join',
      'join meeting',
      'teams meetings',
      'meetings joined',
    ],
    typical: 120,
  },
  {
    ...ratio,
    id: 'teams-qoe',
    fn: 'getAudioStreamQoEMetricsForTeams',
    name: 'Audio QoE telemetry',
    description:
      'Share of audio streams whose quality-of-experience telemetry arrived; a fall suggests blocked telemetry URLs.',
    aliases: ['qoe', 'audio quality', 'call quality', 'audio qoe', 'quality of experience', 'teams qoe'],
    defaultRule: belowPercent(90),
    typical: 97,
  },
  {
    ...ratio,
    id: 'teams-udp',
    fn: 'getAudioStreamsOverUdpMetricsForTeams',
    name: 'Audio over UDP',
    description:
      'Share of audio streams established over UDP; a fall suggests blocked media ports or protocols.',
    aliases: ['udp', 'audio udp', 'udp streams', 'media ports', 'teams udp', 'audio streams'],
    defaultRule: belowPercent(85),
    typical: 95,
  },
];
