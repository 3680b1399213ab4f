import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';

/** Source files keyed by repo-relative posix path ('src/cards/x.ts'), with their text. */
export type SourceFiles = ReadonlyMap<string, string>;

/** Each file's resolved relative imports (repo-relative posix paths of other source files). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** Every .ts file under `dir` (recursively), read from disk, keyed relative to `root`. */
export function readSourceFiles(root: string, dir = 'src'): SourceFiles {
  const files = new Map<string, string>();
  const walk = (abs: string): void => {
    for (const name of readdirSync(abs)) {
      const path = join(abs, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts'))
        files.set(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8'));
    }
  };
  if (existsSync(join(root, dir))) walk(join(root, dir));
  return files;
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** The module specifiers a file names in import/export-from statements, dynamic imports and requires. */
export function specifiersOf(text: string): string[] {
  return [...text.matchAll(SPECIFIER)].map((m) => m[1]);
}

/** Resolves relative specifiers to files of `files` ('./x' → x.ts or x/index.ts); packages and JSON are skipped. */
export function buildImportGraph(files: SourceFiles): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const [file, text] of files) {
    const targets = new Set<string>();
    for (const spec of specifiersOf(text)) {
      if (!spec.startsWith('.')) continue;
      const base = posix.normalize(posix.join(posix.dirname(file), spec));
      const hit = [`${base}.ts`, `${base}/index.ts`, base].find((c) => files.has(c));
      if (hit && hit !== file) targets.add(hit);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** Imports from a file under one of `from` (folder prefixes) into `into` other than the `allowed` files. */
export function forbiddenImports(
  graph: ImportGraph,
  from: readonly string[],
  into: string,
  allowed: readonly string[],
): string[] {
  const out: string[] = [];
  for (const [file, targets] of graph) {
    if (!from.some((f) => file.startsWith(f))) continue;
    for (const t of targets) if (t.startsWith(into) && !allowed.includes(t)) out.push(`${file} -> ${t}`);
  }
  return out;
}

/**
 * The import cycles of `graph`, one per strongly connected component of more than one file (Tarjan), each given as
 * a closed path through that component ('a.ts -> b.ts -> a.ts') so a failure names the files to untangle.
 */
export function findCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return components.map((c) => cyclePath(graph, new Set(c)));
}

/** A shortest closed path through `component`, starting at its first file in sort order. */
function cyclePath(graph: ImportGraph, component: ReadonlySet<string>): string[] {
  const start = [...component].sort()[0];
  const parent = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u: string | undefined = v; u !== undefined && u !== start; u = parent.get(u))
          path.splice(1, 0, u);
        return [...path, start];
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

/** Files whose text mentions `word` outside the folder prefixes `allowedUnder`. */
export function filesMentioning(files: SourceFiles, word: string, allowedUnder: readonly string[]): string[] {
  return [...files]
    .filter(([file, text]) => text.includes(word) && !allowedUnder.some((a) => file.startsWith(a)))
    .map(([file]) => file)
    .sort();
}

/** The repository root, from this file's compiled location (dist/test/architecture) or its source. */
export function repoRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir))
    if (existsSync(join(dir, 'tsconfig.json')) && existsSync(join(dir, 'src'))) return dir;
  return process.cwd();
}
