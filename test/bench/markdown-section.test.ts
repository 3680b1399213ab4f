import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSection } from '../../bench/support/markdown-section';

describe('bench/markdown-section', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pulse-bench-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the file with a heading when missing', async () => {
    const file = path.join(dir, 'benchmarks.md');
    await writeSection(file, 'Graph client', 'first');
    assert.equal(fs.readFileSync(file, 'utf8'), '# Benchmarks\n\n## Graph client\n\nfirst\n');
  });

  it('replaces only its own section and keeps the others in place', async () => {
    const file = path.join(dir, 'benchmarks.md');
    fs.writeFileSync(
      file,
      '# Benchmarks\n\nIntro.\n\n## Cards\n\ncards v1\n\n## Graph client\n\nold\n\n## Store\n\nstore v1\n',
    );
    await writeSection(file, 'Graph client', 'new | table');
    assert.equal(
      fs.readFileSync(file, 'utf8'),
      '# Benchmarks\n\nIntro.\n\n## Cards\n\ncards v1\n\n## Graph client\n\nnew | table\n\n## Store\n\nstore v1\n',
    );
    await writeSection(file, 'Alerts', 'appended');
    assert.match(fs.readFileSync(file, 'utf8'), /## Store\n\nstore v1\n\n## Alerts\n\nappended\n$/);
  });
});
