import type { MetricDef } from './catalog-types';
import { DROP_HALF, RISE_DOUBLE } from './catalog-rules';

/** Least-privileged Entra roles for the Entra Health serviceActivity APIs (Graph RBAC include, newest version). */
export const ENTRA_ROLES = [
  'Global Reader',
  'Reports Reader',
  'Security Reader',
  'Security Administrator',
  'Security Operator',
] as const;

const base = { service: 'entra', unit: 'count', permission: 'Reports.Read.All', roles: ENTRA_ROLES } as const;

/** Microsoft Entra sign-in health signals (E1–E6), all `serviceActivityValueMetric`. */
export const ENTRA_METRICS: readonly MetricDef[] = [
  {
    ...base,
    id: 'mfa-success',
    fn: 'getMetricsForMfaSignInSuccess',
    name: 'MFA sign-in successes',
    description:
      'Interactive sign-ins where users completed multifactor authentication with the Entra MFA service.',
    higherIsBetter: true,
    aliases: ['mfa success', 'mfa successes', 'mfa sign-ins', 'mfa signins', 'multifactor', 'successful mfa'],
    defaultRule: DROP_HALF,
    typical: 40,
  },
  {
    ...base,
    id: 'mfa-failure',
    fn: 'getMetricsForMfaSignInFailure',
    name: 'MFA sign-in failures',
    description:
      'Interactive sign-ins where users did not complete multifactor authentication (failed or abandoned).',
    higherIsBetter: false,
    aliases: ['mfa failures', 'mfa failure', 'failed mfa', 'mfa errors', 'mfa fail'],
    defaultRule: RISE_DOUBLE,
    typical: 3,
  },
  {
    ...base,
    id: 'ca-managed-devices',
    fn: 'getMetricsForConditionalAccessManagedDevicesSignInSuccess',
    name: 'Managed-device sign-ins',
    description:
      'Sign-ins that satisfied a Conditional Access policy requiring a managed (domain or hybrid joined) device.',
    higherIsBetter: true,
    aliases: ['managed devices', 'managed device sign-ins', 'ca managed', 'hybrid joined', 'managed device'],
    defaultRule: DROP_HALF,
    typical: 150,
  },
  {
    ...base,
    id: 'ca-compliant-devices',
    fn: 'getMetricsForConditionalAccessCompliantDevicesSignInSuccess',
    name: 'Compliant-device sign-ins',
    description: 'Sign-ins that satisfied a Conditional Access policy requiring an Intune-compliant device.',
    higherIsBetter: true,
    aliases: [
      'compliant devices',
      'compliant device sign-ins',
      'ca compliant',
      'intune compliant',
      'compliant device',
    ],
    defaultRule: DROP_HALF,
    typical: 200,
  },
  {
    ...base,
    id: 'saml-success',
    fn: 'getMetricsForSamlSignInSuccess',
    name: 'SAML sign-ins',
    description:
      'SAML 2.0 sign-ins processed successfully by Entra (WS-Fed and SAML 1.1 apps are not counted).',
    higherIsBetter: true,
    aliases: ['saml', 'saml sign-ins', 'saml signins', 'saml success', 'sso', 'federated apps'],
    defaultRule: DROP_HALF,
    typical: 80,
  },
  {
    ...base,
    id: 'ca-blocked',
    fn: 'getMetricsForConditionalAccessBlockedSignIn',
    name: 'Conditional Access blocked sign-ins',
    description: 'Sign-in attempts that a Conditional Access policy blocked.',
    higherIsBetter: false,
    aliases: ['blocked sign-ins', 'blocked signins', 'ca blocked', 'conditional access blocks', 'ca blocks'],
    defaultRule: RISE_DOUBLE,
    typical: 5,
  },
];
