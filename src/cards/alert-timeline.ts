import type { Incident, IncidentHistoryEntry } from '../monitor/incident';
import type { Fact } from './alert-values';
import { formatLocalTime } from './format';

/** History entries on an alert card (the newest); the details card shows up to `DETAILS_HISTORY`. */
export const TIMELINE_ENTRIES = 4;
export const DETAILS_HISTORY = 40;

/** An entry with the metric it belongs to (grouped cards merge the same step across metrics). */
export interface TimelineEntry {
  entry: IncidentHistoryEntry;
  metrics: string[];
}

const SNOOZE_NOTE = /^until (\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z)$/;

/** What happened, in a few words: `Acknowledged by Adele`, `Snoozed until 18:05 by Adele`, `Resolved`. */
export function entryPhrase(e: IncidentHistoryEntry, now: Date, timeZone: string, locale: string): string {
  const by = e.by ? ` by ${e.by.name}` : '';
  switch (e.action) {
    case 'opened':
      return 'Opened';
    case 'acknowledged':
      return `Acknowledged${by}`;
    case 'snoozed': {
      const until = SNOOZE_NOTE.exec(e.note)?.[1];
      return `Snoozed${until ? ` until ${formatLocalTime(Date.parse(until), now, timeZone, locale)}` : ''}${by}`;
    }
    case 'unsnoozed':
      return `Snooze cancelled${by}`;
    case 'snooze-ended':
      return 'Snooze ended, firing again';
    case 'muted':
      return `Rule muted${by}`;
    case 'unmuted':
      return `Rule unmuted${by}`;
    case 'resolved':
      return e.by ? `Resolved${by}` : 'Resolved: back to normal';
  }
}

/** The note worth showing beside the phrase (not the snooze's own `until …`). */
function noteOf(e: IncidentHistoryEntry): string {
  return SNOOZE_NOTE.test(e.note) ? '' : e.note.trim();
}

/**
 * History of the incidents, oldest first; the same step taken at the same instant by the same person on several
 * metrics (a grouped acknowledge) becomes one entry naming them.
 */
export function mergedHistory(incidents: readonly { incident: Incident; name: string }[]): TimelineEntry[] {
  const merged = new Map<string, TimelineEntry>();
  for (const { incident, name } of incidents) {
    for (const entry of incident.history) {
      const id = `${entry.at}|${entry.action}|${entry.by?.id ?? ''}|${noteOf(entry)}`;
      const found = merged.get(id);
      if (found) {
        if (!found.metrics.includes(name)) found.metrics.push(name);
      } else merged.set(id, { entry, metrics: [name] });
    }
  }
  return [...merged.values()].sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at));
}

/**
 * The newest `limit` entries as facts (local time, phrase), oldest first; metric names are added when `named`,
 * notes when `withNotes`. A first fact says how many earlier entries are left out.
 */
export function timelineFacts(
  entries: readonly TimelineEntry[],
  o: { now: Date; timeZone: string; locale: string; limit: number; named: boolean; withNotes: boolean },
): Fact[] {
  const shown = entries.slice(-o.limit);
  const facts = shown.map(({ entry, metrics }) => {
    const note = o.withNotes ? noteOf(entry) : '';
    const names = o.named ? ` (${metrics.join(', ')})` : '';
    return {
      title: formatLocalTime(Date.parse(entry.at), o.now, o.timeZone, o.locale),
      value: `${entryPhrase(entry, o.now, o.timeZone, o.locale)}${names}${note ? `: ${note}` : ''}`,
    };
  });
  const earlier = entries.length - shown.length;
  if (earlier > 0)
    facts.unshift({ title: '…', value: `${earlier} earlier entr${earlier === 1 ? 'y' : 'ies'}` });
  return facts;
}
