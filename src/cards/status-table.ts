import { executeAction, text } from './adaptive-card';
import { consentText, eligibilityText, rolesText } from './guidance-text';
import { STATE_LOOK } from './metric-state';
import { countsLine, type StatusGroup, type StatusRow } from './status-rows';

function cell(value: string, props: Record<string, unknown> = {}): object {
  return { type: 'TableCell', items: [{ type: 'TextBlock', text: value, ...props }] };
}

function row(r: StatusRow, withTrend: boolean): object {
  const bad = r.state.kind === 'degraded' ? { color: 'Attention' } : {};
  const cells = [
    // The state word follows the coloured dot: a screen reader says "red circle", and not everyone tells colours apart.
    cell(`${STATE_LOOK[r.state.kind].icon} ${r.metric.name} · ${STATE_LOOK[r.state.kind].label}`, {
      wrap: true,
    }),
    cell(r.value, r.status.ok && r.status.latest ? bad : { isSubtle: true }),
    cell(r.change, bad),
  ];
  if (withTrend) cells.push(cell(r.spark ?? '', { fontType: 'Monospace', ...bad }));
  return { type: 'TableRow', cells };
}

function table(rows: StatusRow[], withTrend: boolean): object {
  const right = { horizontalCellContentAlignment: 'Right' };
  const columns = [{ width: 4 }, { width: 2, ...right }, { width: 2, ...right }];
  const header = ['Metric', 'Latest', 'vs last week'];
  if (withTrend) {
    columns.push({ width: 3 });
    header.push('Trend');
  }
  // The first row is the header by default; the property is spelt firstRowAsHeader in the schema and
  // firstRowAsHeaders in the JavaScript renderer, so the card leaves it to the default rather than pick one.
  return {
    type: 'Table',
    spacing: 'Small',
    showGridLines: false,
    columns,
    rows: [
      { type: 'TableRow', cells: header.map((h) => cell(h, { wrap: true })) },
      ...rows.map((r) => row(r, withTrend)),
    ],
  };
}

const NOTED = new Set(['failed', 'notPermitted', 'notAvailable']);

/** Notes under a table for rows that failed or are locked, one per distinct reason, naming the metrics. */
function rowNotes(rows: StatusRow[]): object[] {
  const byReason = new Map<string, StatusRow[]>();
  for (const r of rows.filter((x) => NOTED.has(x.state.kind))) {
    const key = `${STATE_LOOK[r.state.kind].icon} ${r.state.reason}`;
    byReason.set(key, [...(byReason.get(key) ?? []), r]);
  }
  return [...byReason].map(([reason, rs]) =>
    text(`${reason} (${rs.map((r) => r.metric.name).join(', ')})`, {
      size: 'Small',
      isSubtle: true,
      spacing: 'None',
    }),
  );
}

/** What replaces the numbers when no metric of the group could be read for one reason. */
function wholeGroupNote(group: StatusGroup): object | undefined {
  const kinds = new Set(group.rows.map((r) => r.state.kind));
  if (kinds.size !== 1) return undefined;
  const first = group.rows[0];
  if (kinds.has('notPermitted')) {
    const error = first.status.ok ? undefined : first.status.error;
    const permission =
      (error && 'permission' in error && (error.permission as string | undefined)) ||
      group.service.permission;
    const roles = rolesText(first.metric.roles);
    return text(`🔒 ${consentText(permission)}${roles ? ` ${roles}` : ''}`, { color: 'Warning' });
  }
  if (kinds.has('notAvailable')) {
    return text(`🚫 Not available for this tenant. ${eligibilityText(group.service.id)}`);
  }
  const reasons = new Set(group.rows.map((r) => r.state.reason));
  if (kinds.has('failed') && reasons.size === 1)
    return text(`⚠️ ${first.state.reason}`, { color: 'Warning' });
  return undefined;
}

/** A service group: name, state counts and a Details button, then the compact table (or why there is none). */
export function groupSection(group: StatusGroup, withTrend: boolean): object {
  const header = {
    type: 'ColumnSet',
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        items: [
          text(group.service.name, { weight: 'Bolder' }),
          text(countsLine(group.counts), { size: 'Small', isSubtle: true, spacing: 'None' }),
        ],
      },
      {
        type: 'Column',
        width: 'auto',
        verticalContentAlignment: 'Center',
        items: [
          {
            type: 'ActionSet',
            actions: [executeAction('Details', 'status.details', { service: group.service.id })],
          },
        ],
      },
    ],
  };
  const whole = wholeGroupNote(group);
  const body = whole ? [whole] : [table(group.rows, withTrend), ...rowNotes(group.rows)];
  return { type: 'Container', separator: true, spacing: 'Medium', items: [header, ...body] };
}
