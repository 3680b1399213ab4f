import type { Cell, View } from './view';

/** A JSON array with one object per row, every data column in column order, missing values as null. */
export function renderJson(view: View): string {
  const data = view.columns.filter((c) => !c.tableOnly);
  const rows = view.rows.map((r) =>
    Object.fromEntries(data.map((c): [string, Cell] => [c.key, r[c.key] ?? null])),
  );
  return `${JSON.stringify(rows, null, 2)}\n`;
}
