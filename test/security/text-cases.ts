import { MAX_BODY_BYTES } from '../../src/server/json-body';
import type { SecurityCase } from './security-case';

/** A chat text row: what a user (or a forged activity) pastes, at the size of the largest accepted body. */
export interface TextCase extends SecurityCase {
  text: () => string;
  /** The parser's answer; by default "too long". */
  answer?: RegExp;
}

/** What a text over the raw limit gets. */
export const TOO_LONG = /too long for a command \(more than 4000 characters\)/;

/** Room the rest of an activity takes in the body (ids, conversation, channelData...). */
const ENVELOPE_BYTES = 2048;

/** `fragment` repeated (then cut) until the text, as JSON in a body, fills the body limit. */
export function atBodyLimit(fragment: string, prefix = ''): string {
  const budget = MAX_BODY_BYTES - ENVELOPE_BYTES;
  const perFragment = Buffer.byteLength(JSON.stringify(fragment)) - 2;
  const count = Math.floor((budget - Buffer.byteLength(JSON.stringify(prefix))) / Math.max(1, perFragment));
  return prefix + fragment.repeat(count);
}

/**
 * Pathological texts for the mention stripper, the sign-in check and the parser: long runs of markup openers,
 * nesting, entities, unicode, whitespace and '@'. Each must be answered (too long) in a few milliseconds.
 */
export const TEXT_CASES: TextCase[] = [
  { id: 'TXT-01', name: "a run of '<'", text: () => atBodyLimit('<') },
  { id: 'TXT-02', name: "'<at>' openers never closed", text: () => atBodyLimit('<at>') },
  { id: 'TXT-03', name: "'<at ' with attributes never closed", text: () => atBodyLimit('a', '<at ') },
  { id: 'TXT-04', name: 'nested tags', text: () => atBodyLimit('<b><i><at>') },
  { id: 'TXT-05', name: 'a tag opened and never closed', text: () => atBodyLimit('x', '<') },
  { id: 'TXT-06', name: "closers without openers '</at>'", text: () => atBodyLimit('</at>') },
  { id: 'TXT-07', name: 'HTML entities', text: () => atBodyLimit('&lt;&amp;&nbsp;') },
  { id: 'TXT-08', name: "a run of '@'", text: () => atBodyLimit('@') },
  {
    id: 'TXT-09',
    name: 'mixed whitespace (space, NBSP, zero-width space, tab, newline)',
    text: () => atBodyLimit(' \u00a0\u200b\t\n'),
    // Only whitespace: the SDK trims it away, so it is an empty message.
    answer: /Send `help` to see what I can do/,
  },
  { id: 'TXT-10', name: 'emoji (surrogate pairs)', text: () => atBodyLimit('😀') },
  { id: 'TXT-11', name: 'combining marks', text: () => atBodyLimit('e\u0301\u0302\u0303') },
  { id: 'TXT-12', name: 'right-to-left and joiners', text: () => atBodyLimit('\u202e\u200d\u05d0') },
  { id: 'TXT-13', name: 'a command followed by a paste', text: () => atBodyLimit('<', 'status ') },
  {
    id: 'TXT-14',
    name: 'a mention followed by a run of openers',
    text: () => atBodyLimit('<', '<at>M365 Pulse</at> show '),
    // With a mention entity the SDK removes the mention from the bounded text, which leaves just under the limit.
    answer: /too long for a command \((more than )?\d+ characters\)/,
  },
  { id: 'TXT-15', name: 'clock ranges and dashes', text: () => atBodyLimit('08:00-12:00 – ') },
  { id: 'TXT-16', name: 'quotes and brackets', text: () => atBodyLimit('"([{«') },
];

/** A deterministic generator (mulberry32), so a failing random input can be replayed from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '<',
  '>',
  '<at>',
  '</at>',
  '<at ',
  '&lt;',
  '&amp;',
  '@',
  ' ',
  '\u00a0',
  '\u200b',
  '😀',
  'a',
  '-',
  '/',
];

/** A random text at the body limit made of runs of the pieces above (runs are what make patterns backtrack). */
export function randomText(rand: () => number): string {
  const parts: string[] = [];
  let bytes = 0;
  const budget = MAX_BODY_BYTES - ENVELOPE_BYTES;
  while (bytes < budget) {
    const piece = PIECES[Math.floor(rand() * PIECES.length)];
    const run = piece.repeat(1 + Math.floor(rand() * 2000));
    parts.push(run);
    bytes += Buffer.byteLength(JSON.stringify(run)) - 2;
  }
  const text = parts.join('');
  return text.slice(0, Math.floor(text.length * (budget / bytes)));
}
