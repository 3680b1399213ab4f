import assert from 'node:assert/strict';
import {
  buildImportGraph,
  filesMentioning,
  findCycles,
  forbiddenImports,
  readSourceFiles,
  repoRoot,
  specifiersOf,
} from './import-graph';

/** The folders that reach Graph only through the reader interface. */
const GRAPH_CLIENTS = ['src/cards/', 'src/monitor/', 'src/alerts/', 'src/commands/', 'src/cycle/'];

/** The graph/ modules those folders may import (named in docs/architecture.md). */
export const GRAPH_INTERFACE = ['src/graph/metrics-reader.ts', 'src/graph/errors.ts'];

describe('architecture: import boundaries of src/', () => {
  const files = readSourceFiles(repoRoot());
  const graph = buildImportGraph(files);

  it('reads the source tree', () => {
    assert.ok(files.size > 100, `only ${files.size} files found under src/`);
  });

  it('cards, monitor, alerts and commands import nothing of graph/ but the reader interface', () => {
    const bad = forbiddenImports(graph, GRAPH_CLIENTS, 'src/graph/', GRAPH_INTERFACE);
    assert.deepEqual(bad, [], `imports past the reader interface:\n${bad.join('\n')}`);
  });

  it('keeps domain/ free of every other folder of src/', () => {
    const domain = [...files.keys()].filter((f) => f.startsWith('src/domain/'));
    const bad = forbiddenImports(graph, ['src/domain/'], 'src/', domain);
    assert.deepEqual(bad, [], `domain/ imports outside itself:\n${bad.join('\n')}`);
  });

  it('keeps monitor/ pure detection: it imports domain/ and nothing else of src/', () => {
    const allowed = [...files.keys()].filter(
      (f) => f.startsWith('src/domain/') || f.startsWith('src/monitor/'),
    );
    const bad = forbiddenImports(graph, ['src/monitor/'], 'src/', allowed);
    assert.deepEqual(bad, [], `monitor/ imports outside domain/:\n${bad.join('\n')}`);
  });

  it('lets alerts/ use monitor/ but not the cycle that drives both', () => {
    const bad = forbiddenImports(graph, ['src/alerts/', 'src/monitor/'], 'src/cycle/', []);
    assert.deepEqual(bad, [], `imports of the cycle from alerts/ or monitor/:\n${bad.join('\n')}`);
  });

  it('has no import cycle', () => {
    const cycles = findCycles(graph);
    assert.deepEqual(cycles, [], `import cycles:\n${cycles.map((c) => c.join(' -> ')).join('\n')}`);
  });

  it('uses AsyncLocalStorage only under auth/', () => {
    const bad = filesMentioning(files, 'AsyncLocalStorage', ['src/auth/']);
    assert.deepEqual(bad, [], `AsyncLocalStorage outside src/auth/: ${bad.join(', ')}`);
  });
});

describe('architecture: the import-graph checker', () => {
  const tiny = (entries: Record<string, string>) => buildImportGraph(new Map(Object.entries(entries)));

  it('finds static, type-only, re-export, side-effect, dynamic and require specifiers', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export * from './c';",
      "import './d';",
      "const e = await import('./e');",
      "const f = require('./f');",
      'import {',
      '  g,',
      "} from './g';",
    ].join('\n');
    assert.deepEqual(specifiersOf(text), ['./a', '../b', './c', './d', './e', './f', './g']);
  });

  it('resolves relative imports to files and folder indexes, and skips packages', () => {
    const graph = tiny({
      'src/a/x.ts': "import { y } from './y';\nimport { z } from '../z';\nimport pino from 'pino';",
      'src/a/y.ts': '',
      'src/z/index.ts': '',
    });
    assert.deepEqual(graph.get('src/a/x.ts'), ['src/a/y.ts', 'src/z/index.ts']);
  });

  it('reports an import into graph/ other than the allowed modules, and only from the guarded folders', () => {
    const graph = tiny({
      'src/cards/c.ts': "import { r } from '../graph/metrics-reader';\nimport { k } from '../graph/cache';",
      'src/teams/t.ts': "import { k } from '../graph/cache';",
      'src/graph/metrics-reader.ts': '',
      'src/graph/cache.ts': '',
    });
    assert.deepEqual(forbiddenImports(graph, GRAPH_CLIENTS, 'src/graph/', GRAPH_INTERFACE), [
      'src/cards/c.ts -> src/graph/cache.ts',
    ]);
  });

  it('reports each cycle as a closed path, and none for a tree', () => {
    const cyclic = tiny({
      'src/a.ts': "import './b';",
      'src/b.ts': "import './c';",
      'src/c.ts': "import './a';\nimport './d';",
      'src/d.ts': '',
      'src/e.ts': "import './f';",
      'src/f.ts': "import './e';",
    });
    assert.deepEqual(findCycles(cyclic), [
      ['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/a.ts'],
      ['src/e.ts', 'src/f.ts', 'src/e.ts'],
    ]);
    assert.deepEqual(findCycles(tiny({ 'src/a.ts': "import './b';", 'src/b.ts': '' })), []);
  });

  it('reports AsyncLocalStorage outside the allowed folder', () => {
    const files = new Map([
      ['src/auth/p.ts', 'new AsyncLocalStorage()'],
      ['src/graph/c.ts', 'new AsyncLocalStorage()'],
    ]);
    assert.deepEqual(filesMentioning(files, 'AsyncLocalStorage', ['src/auth/']), ['src/graph/c.ts']);
  });
});
