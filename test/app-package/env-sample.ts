/** One env/.env.<name> sample: assigned values, and every key it documents (assigned or as a `# KEY=` comment). */
export interface EnvSample {
  values: Record<string, string>;
  documented: Set<string>;
}

const ASSIGNMENT = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;
const DOCUMENTED = /^\s*#\s*([A-Za-z_][A-Za-z0-9_]*)=/;

/** Parses a dotenv file the way the toolkit's dotenv does for these samples: KEY=value, optional quotes, # comments. */
export function parseEnvSample(text: string): EnvSample {
  const values: Record<string, string> = {};
  const documented = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const assignment = ASSIGNMENT.exec(line);
    if (assignment) {
      values[assignment[1]] = unquote(assignment[2].trim());
      documented.add(assignment[1]);
      continue;
    }
    const comment = DOCUMENTED.exec(line);
    if (comment) documented.add(comment[1]);
  }
  return { values, documented };
}

function unquote(raw: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(raw);
  if (quoted) return quoted[2];
  return raw.replace(/\s+#.*$/, '');
}
