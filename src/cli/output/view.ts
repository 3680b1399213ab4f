/** One value of a row: text, number, missing (`null`), or a list (aliases). */
export type Cell = string | number | null | readonly string[];

export type Row = Readonly<Record<string, Cell>>;

/** A column: `key` is the JSON/CSV name, `header` the table heading. */
export interface Column {
  key: string;
  header: string;
  align?: 'left' | 'right';
  /** Default true. JSON and CSV always carry every column; the table only these. */
  inTable?: boolean;
  /** Only in the table (a short form of another column); JSON and CSV leave it out. */
  tableOnly?: boolean;
  /** Leave the column out of the table when no row has a value in it. */
  hideWhenEmpty?: boolean;
  /** Table text of a cell; default: text as is, numbers as given, null as `-`, lists joined by `, `. */
  text?: (value: Cell, row: Row) => string;
}

/** What a command prints, before choosing the format. `title` lines head the table only. */
export interface View {
  title?: readonly string[];
  columns: readonly Column[];
  rows: readonly Row[];
}

export type OutputFormat = 'table' | 'json' | 'csv';
