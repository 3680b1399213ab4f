import type { Cell, View } from './view';

/** One RFC 4180 field: quoted (quotes doubled) when it holds a comma, quote, CR or LF; null is empty. */
export function csvField(value: Cell): string {
  const text = value === null ? '' : typeof value === 'object' ? value.join('; ') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV: a header of column keys, every data column, CRLF line breaks, ending with CRLF. */
export function renderCsv(view: View): string {
  const data = view.columns.filter((c) => !c.tableOnly);
  const lines = [
    data.map((c) => csvField(c.key)),
    ...view.rows.map((r) => data.map((c) => csvField(r[c.key] ?? null))),
  ];
  return lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}
