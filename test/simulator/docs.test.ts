import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SCENARIOS } from '../../src/simulator';
import { faultSettingsSchema } from '../../src/simulator/control/schemas';
import { repoRoot } from '../../src/graph/write-metrics-doc';

describe('docs/simulator.md', () => {
  const doc = readFileSync(resolve(repoRoot(__dirname), 'docs/simulator.md'), 'utf8');

  it('documents every scenario with its duration', () => {
    for (const s of SCENARIOS)
      assert.match(doc, new RegExp(`\\|\\s*\`${s.name}\`\\s*\\|\\s*${s.durationMinutes}\\s*\\|`), s.name);
  });

  it('documents every fault setting', () => {
    for (const key of Object.keys(faultSettingsSchema.shape)) assert.ok(doc.includes(`\`${key}\``), key);
  });
});
