import { fail, type ParseResult } from '../command-types';
import type { RuleRef } from '../../alerts/rule-order';

const LEAD = new Set(['rule', 'number', 'no', 'nr', 'the']);
const INDEX = /^#?(\d{1,4})$/;
const ID = /^(default|custom):[a-z0-9][a-z0-9.:%-]*$/;

/** `#2`, `2`, `rule 2`, `default:mail-delivery`, `custom:teams-udp:below:85` as a rule reference; else undefined. */
export function readRuleRef(words: readonly string[]): RuleRef | undefined {
  const rest = [...words];
  while (rest.length > 1 && LEAD.has(rest[0])) rest.shift();
  if (rest.length === 2 && rest[0] === '#') rest.shift();
  if (rest.length !== 1) return undefined;
  const index = INDEX.exec(rest[0]);
  if (index) return { by: 'index', n: Number(index[1]) };
  return ID.test(rest[0]) ? { by: 'id', id: rest[0] } : undefined;
}

/** `#0`: rule numbers start at 1. */
export function badIndex(name: string): ParseResult {
  return fail('bad-rule', `Rule numbers start at 1: \`rules\` lists them. Example: \`${name} #1\`.`, {
    suggestion: 'rules',
    example: `${name} #1`,
  });
}
