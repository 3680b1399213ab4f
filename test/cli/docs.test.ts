import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { COMMAND_USAGE, MAIN_USAGE } from '../../src/cli/usage';

const DOC = readFileSync(resolve(__dirname, '../../../docs/cli.md'), 'utf8');

describe('docs/cli.md', () => {
  it('documents every command and every option the help texts offer', () => {
    for (const command of Object.keys(COMMAND_USAGE))
      assert.ok(DOC.includes(`m365-pulse ${command}`), command);
    const options = new Set(
      [MAIN_USAGE, ...Object.values(COMMAND_USAGE)].flatMap((t) => t.match(/--[a-z-]+/g) ?? []),
    );
    assert.ok(options.size >= 15, [...options].join(' '));
    for (const option of options) assert.ok(DOC.includes(option), option);
  });

  it('documents every variable the CLI reads', () => {
    const variables = [
      'GRAPH_TOKEN',
      'GRAPH_BASE_URL',
      'AAD_APP_CLIENT_ID',
      'AAD_APP_CLIENT_SECRET',
      'AAD_APP_TENANT_ID',
      'AAD_APP_OAUTH_AUTHORITY_HOST',
      'MSAL_AUTHORITY_METADATA',
      'MSAL_CLOUD_DISCOVERY_METADATA',
    ];
    const source = ['connection.ts', 'usage.ts']
      .map((f) => readFileSync(resolve(__dirname, '../../../src/cli', f), 'utf8'))
      .join('\n');
    const read = new Set(source.match(/\b(?:GRAPH|AAD_APP|MSAL)_[A-Z_]+\b/g));
    assert.deepEqual([...read].sort(), [...variables].sort());
    for (const v of variables) assert.ok(DOC.includes(v), v);
  });
});
