import assert from 'node:assert/strict';
import { METRICS, metricsOfService } from '../../src/domain/catalog';
import { parseCsv, runCli, tableRows } from './helpers/run-cli';

describe('cli: m365-pulse metrics (child process)', () => {
  it('prints the whole catalog as an aligned table', async () => {
    const { code, stdout, stderr } = await runCli(['metrics']);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    const { heading, rows } = tableRows(stdout);
    assert.deepEqual(heading, ['ID', 'SERVICE', 'UNIT', 'NAME', 'FUNCTION']);
    assert.deepEqual(
      rows.map((r) => r[0]),
      METRICS.map((m) => m.id),
    );
    assert.deepEqual(rows[0], [
      METRICS[0].id,
      METRICS[0].service,
      METRICS[0].unit,
      METRICS[0].name,
      METRICS[0].fn,
    ]);
    const lines = stdout.trimEnd().split('\n');
    const fnColumn = lines[0].indexOf('FUNCTION');
    for (const [i, m] of METRICS.entries())
      assert.equal(lines[i + 1].indexOf(m.fn), fnColumn, `${m.id} aligned`);
  });

  it('filters by service id or alias, in JSON with permissions and aliases', async () => {
    const [byAlias, byId] = await Promise.all([
      runCli(['metrics', '--service', 'gsa', '--json']),
      runCli(['metrics', '--service=networkAccess', '--json']),
    ]);
    assert.equal(byAlias.code, 0, byAlias.stderr);
    assert.equal(byAlias.stdout, byId.stdout);
    const rows = JSON.parse(byAlias.stdout) as Record<string, unknown>[];
    const expected = metricsOfService('networkAccess');
    assert.equal(rows.length, expected.length);
    assert.deepEqual(rows[0], {
      id: expected[0].id,
      service: 'networkAccess',
      unit: expected[0].unit,
      name: expected[0].name,
      fn: expected[0].fn,
      permission: 'Reports.Read.All',
      roles: expected[0].roles,
      aliases: expected[0].aliases,
      description: expected[0].description,
    });
  });

  it('prints RFC 4180 CSV that parses back to the catalog', async () => {
    const { code, stdout } = await runCli(['metrics', '--service', 'exo', '--csv']);
    assert.equal(code, 0);
    assert.ok(stdout.endsWith('\r\n'));
    const [header, ...records] = parseCsv(stdout);
    assert.deepEqual(header, [
      'id',
      'service',
      'unit',
      'name',
      'fn',
      'permission',
      'roles',
      'aliases',
      'description',
    ]);
    const exchange = metricsOfService('exchange');
    assert.equal(records.length, exchange.length);
    for (const [i, m] of exchange.entries()) {
      assert.deepEqual(records[i], [
        m.id,
        m.service,
        m.unit,
        m.name,
        m.fn,
        m.permission,
        m.roles.join('; '),
        m.aliases.join('; '),
        m.description,
      ]);
    }
    assert.ok(
      exchange.some((m) => /[",]/.test(m.description)),
      'a description needs quoting, so the quoting is exercised',
    );
  });
});
