import { cardBytes, MAX_CARD_BYTES } from '../../src/cards/card-size';

// The package's ESM entry (lib/) does not load in Node; its UMD bundle does, without a DOM until render().
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/** Teams renders Adaptive Cards up to this version. */
export const TEAMS_MAX_VERSION = 1.5;

/**
 * Property names a button's data must not use. `key` and `ref` are given a meaning by React, which the Teams web
 * clients and the Agents Playground are built on: a clicked Action.Execute whose data has `key` throws "Cannot
 * assign to read only property 'key'" in the Playground and sends nothing. `msteams` is Teams' own (imBack,
 * messageBack, signin) and belongs only in Action.Submit data. `__proto__`, `constructor` and `prototype` break
 * plain-object handling anywhere.
 */
export const RESERVED_DATA_NAMES = [
  'key',
  'ref',
  'msteams',
  '__proto__',
  'constructor',
  'prototype',
] as const;

/** Properties whose JSON the library parses itself into child objects (not in its property schemas). */
const CHILD_COLLECTIONS = new Set(['body', 'actions', 'items', 'columns', 'card', 'rows', 'cells']);

/** Teams' extension on any element or card: `msteams` (width, mentions). */
const TEAMS_PROPERTIES = new Set(['msteams']);

type Serializable = InstanceType<typeof AC.SerializableObject>;

/**
 * What the adaptivecards library finds wrong with a card: parse events (unknown element or action types, bad
 * values), validateProperties failures (inputs without ids, duplicate ids, empty collections) and properties the
 * library does not know (a misspelt `wrapp` would otherwise be dropped silently). Teams' extensions are allowed:
 * `Chart.*` elements and `msteams` properties.
 */
export function schemaProblems(card: object): string[] {
  AC.GlobalSettings.enableFullJsonRoundTrip = true;
  const context = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    if (e.event === AC.ValidationEvent.UnknownElementType && /"Chart\.[A-Za-z.]+"/.test(e.message)) continue;
    problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents)
    problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  problems.push(...unknownProperties(parsed));
  return problems;
}

/** Properties present in the JSON but absent from the library's schema of that element, action or card. */
function unknownProperties(root: Serializable): string[] {
  const out: string[] = [];
  const seen = new Set<object>();
  const visit = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (node instanceof AC.SerializableObject) {
      const schema = node.getSchema();
      const known = new Set(['type']);
      for (let i = 0; i < schema.getCount(); i++) known.add(schema.getItemAt(i).name);
      const raw = (node as unknown as { _rawProperties?: Record<string, unknown> })._rawProperties ?? {};
      const name = (node as { getJsonTypeName?: () => string }).getJsonTypeName?.() ?? node.constructor.name;
      for (const k of Object.keys(raw))
        if (!known.has(k) && !CHILD_COLLECTIONS.has(k) && !TEAMS_PROPERTIES.has(k))
          out.push(`UnknownProperty: "${k}" on ${name} (${path})`);
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === '_parent' || k === '_rawProperties' || k === 'maxVersion' || /^_?rendered/i.test(k)) continue;
      if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}.${k}[${i}]`));
      else visit(v, `${path}.${k}`);
    }
  };
  visit(root, '$');
  return out;
}

/**
 * Teams' rules for a card the bot sends: version at most 1.5, at most 28 KB of JSON, no reserved names in any
 * button's data (Action.Submit may carry Teams' own `msteams` object), and an `id` on every input.
 */
export function teamsRuleProblems(card: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const version = Number(card.version);
  if (!(version > 0 && version <= TEAMS_MAX_VERSION))
    problems.push(`version ${String(card.version)} is above ${TEAMS_MAX_VERSION} (or missing)`);
  const bytes = cardBytes(card);
  if (bytes > MAX_CARD_BYTES) problems.push(`${bytes} bytes, above ${MAX_CARD_BYTES}`);
  walk(card, '$', (node, path) => {
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && typeof node.id !== 'string')
      problems.push(`${node.type} without an id at ${path}`);
    if (typeof node.type === 'string' && node.type.startsWith('Action.') && node.data !== undefined) {
      walk({ data: node.data }, `${path}`, (d, dataPath) => {
        for (const name of RESERVED_DATA_NAMES) {
          if (!Object.prototype.hasOwnProperty.call(d, name)) continue;
          const teamsOwn = name === 'msteams' && node.type === 'Action.Submit' && d === node.data;
          if (!teamsOwn) problems.push(`${node.type} data uses the reserved name "${name}" at ${dataPath}`);
        }
      });
    }
  });
  return problems;
}

function walk(node: unknown, path: string, visit: (n: Record<string, unknown>, path: string) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${path}[${i}]`, visit));
  const n = node as Record<string, unknown>;
  visit(n, path);
  for (const [k, v] of Object.entries(n)) walk(v, `${path}.${k}`, visit);
}
