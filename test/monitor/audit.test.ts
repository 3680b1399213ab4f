import assert from 'node:assert/strict';
import { auditEntryFor, formatAuditEntry, type AuditEntry } from '../../src/monitor/audit';
import { transition } from '../../src/monitor/alert-state';
import { fnOf } from './fixtures';

const ANA = { id: 'u-ana', name: 'Ana Lopez' };

describe('audit entries', () => {
  it('formats one line per entry, with the detail in brackets', () => {
    const base: AuditEntry = {
      tenantId: 'contoso',
      at: '2026-11-27T09:14:31Z',
      by: ANA,
      action: 'acknowledge',
      target: 'contoso|default:mail-delivery|fn#1',
      detail: '',
    };
    const table: [Partial<AuditEntry>, string][] = [
      [{}, '2026-11-27 09:14 UTC · Ana Lopez acknowledged contoso|default:mail-delivery|fn#1'],
      [
        { action: 'snooze', detail: 'for 4 hours' },
        '2026-11-27 09:14 UTC · Ana Lopez snoozed contoso|default:mail-delivery|fn#1 (for 4 hours)',
      ],
      [
        { action: 'rule-create', target: 'custom:teams-udp:below:80' },
        '2026-11-27 09:14 UTC · Ana Lopez created rule custom:teams-udp:below:80',
      ],
      [
        { action: 'quiet-hours', target: '19:abc@thread.tacv2', detail: '22:00-07:00 Europe/Berlin' },
        '2026-11-27 09:14 UTC · Ana Lopez set quiet hours for 19:abc@thread.tacv2 (22:00-07:00 Europe/Berlin)',
      ],
      [
        { by: { id: 'u-x', name: '' } },
        '2026-11-27 09:14 UTC · u-x acknowledged contoso|default:mail-delivery|fn#1',
      ],
    ];
    for (const [change, want] of table) assert.equal(formatAuditEntry({ ...base, ...change }), want);
  });

  it('cannot be made to forge a second line', () => {
    const line = formatAuditEntry({
      tenantId: 't',
      at: '2026-11-27T09:14:31Z',
      by: { id: 'u', name: 'Eve\n2026-11-27 09:15 UTC · Admin resolved everything' },
      action: 'mute',
      target: 'r',
      detail: 'x'.repeat(500),
    });
    assert.equal(line.split('\n').length, 1);
    assert.match(
      line,
      /^2026-11-27 09:14 UTC · Eve 2026-11-27 09:15 UTC · Admin resolved everything muted r \(x{199}…\)$/,
    );
  });

  it('records a person acting on an incident', () => {
    const evaluation = {
      type: 'evaluation' as const,
      result: 'breach' as const,
      tenantId: 'contoso',
      ruleId: 'default:mail-delivery',
      fn: fnOf('mail-delivery'),
      service: 'exchange',
      value: 1,
      baseline: 10,
      reason: 'r',
    };
    const incident = transition(undefined, evaluation, Date.parse('2026-11-27T09:00:00Z')).incident!;
    const entry = auditEntryFor(
      incident,
      { type: 'snooze', by: ANA, minutes: 240, note: 'after the change window' },
      '2026-11-27T09:14:00Z',
    );
    assert.deepEqual(entry, {
      tenantId: 'contoso',
      at: '2026-11-27T09:14:00Z',
      by: ANA,
      action: 'snooze',
      target: incident.id,
      detail: 'for 4 hours, after the change window',
    });
    assert.equal(auditEntryFor(incident, { type: 'resolve', by: ANA }, 'x').detail, '');
  });
});
