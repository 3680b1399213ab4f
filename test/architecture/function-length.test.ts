import assert from 'node:assert/strict';
import ts from 'typescript';
import { readSourceFiles, repoRoot } from './import-graph';

/** The monitor cycle's stage modules: each function small enough to read and test on its own. */
const STAGE_FOLDER = 'src/cycle/';
const MAX_LINES = 60;

/** Every function, method and arrow function of a file longer than `max` lines, as `file:line name (n lines)`. */
export function longFunctions(file: string, text: string, max: number): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const named = ts.isArrowFunction(node) && ts.isVariableDeclaration(node.parent) ? node.parent : node;
      const name = named.name && ts.isIdentifier(named.name) ? named.name.text : '(anonymous)';
      if (last - first + 1 > max) out.push(`${file}:${first + 1} ${name} (${last - first + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('architecture: function length in the cycle stages', () => {
  it(`keeps every function under ${STAGE_FOLDER} at ${MAX_LINES} lines or fewer`, () => {
    const files = [...readSourceFiles(repoRoot())].filter(([f]) => f.startsWith(STAGE_FOLDER));
    assert.ok(files.length >= 5, 'the stage modules are found');
    const long = files.flatMap(([f, text]) => longFunctions(f, text, MAX_LINES));
    assert.deepEqual(long, [], `functions over ${MAX_LINES} lines:\n${long.join('\n')}`);
  });

  it('measures functions, methods and arrow functions', () => {
    const body = Array.from({ length: 4 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const text = `function f() {\n${body}\n}\nclass C {\n  m() {\n${body}\n  }\n}\nconst a = () => {\n${body}\n};\n`;
    assert.deepEqual(longFunctions('x.ts', text, 5), [
      'x.ts:1 f (6 lines)',
      'x.ts:8 m (6 lines)',
      'x.ts:15 a (6 lines)',
    ]);
    assert.deepEqual(longFunctions('x.ts', text, 6), []);
  });
});
