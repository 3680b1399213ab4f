import type { Cell, Column, Row, View } from './view';

/** Default table text: null shows as `-`, lists are comma-joined. */
export function cellText(value: Cell): string {
  if (value === null) return '-';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return value.join(', ');
}

function shown(view: View): Column[] {
  return view.columns.filter(
    (c) =>
      c.inTable !== false &&
      !(
        c.hideWhenEmpty &&
        view.rows.every((r) => r[c.key] === null || r[c.key] === undefined || r[c.key] === '')
      ),
  );
}

/** An aligned plain-text table: title lines, upper-case headings, two spaces between columns, no trailing spaces. */
export function renderTable(view: View): string {
  const columns = shown(view);
  const text = (c: Column, r: Row) => {
    const v = r[c.key] ?? null;
    return (c.text ? c.text(v, r) : cellText(v)).replace(/\s*[\r\n]+\s*/g, ' ');
  };
  const grid = [
    columns.map((c) => c.header.toUpperCase()),
    ...view.rows.map((r) => columns.map((c) => text(c, r))),
  ];
  const widths = columns.map((_, i) => Math.max(...grid.map((line) => line[i].length)));
  const lines = grid.map((line) =>
    line
      .map((cell, i) => (columns[i].align === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
  return [...(view.title ?? []), ...(view.title?.length ? [''] : []), ...lines].join('\n') + '\n';
}
