import { renderCsv } from './csv';
import { renderJson } from './json';
import { renderTable } from './table';
import type { OutputFormat, View } from './view';

/** The text a command prints on stdout in the chosen format. */
export function render(view: View, format: OutputFormat): string {
  if (format === 'json') return renderJson(view);
  if (format === 'csv') return renderCsv(view);
  return renderTable(view);
}
