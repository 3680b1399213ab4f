/** A Markdown table padded the way Prettier aligns it, so generated docs stay stable under `prettier --check`. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const width = (s: string): number => [...s].length;
  const widths = header.map((h, i) => Math.max(3, width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
