import assert from 'node:assert/strict';
import { SendBudget } from '../../src/delivery/send-budget';

describe('SendBudget (Teams per-conversation and per-tenant limits)', () => {
  it('allows 7 sends in a second and names when the 8th may go (the worked example)', () => {
    const b = new SendBudget();
    for (let i = 0; i < 7; i++) assert.deepEqual(b.reserve('c1', 't', 0), { ok: true });
    assert.deepEqual(b.reserve('c1', 't', 10), { ok: false, retryAt: 1_000 });
    assert.deepEqual(b.reserve('c1', 't', 1_000), { ok: true });
    assert.deepEqual(b.reserve('c1', 't', 1_001), { ok: false, retryAt: 2_000 });
  });

  it('keeps conversations apart but shares the tenant cap', () => {
    const b = new SendBudget(undefined, [{ windowMs: 1_000, max: 3 }]);
    assert.ok(b.reserve('c1', 't', 0).ok);
    assert.ok(b.reserve('c2', 't', 0).ok);
    assert.ok(b.reserve('c3', 't', 0).ok);
    assert.deepEqual(b.reserve('c4', 't', 0), { ok: false, retryAt: 1_000 });
    assert.ok(b.reserve('c4', 'other-tenant', 0).ok);
  });

  it('holds a steady storm to 60 per 30 s and 1,800 per hour', () => {
    const b = new SendBudget();
    let sent = 0;
    for (let t = 0; t < 30_000; t += 100) if (b.reserve('c', 't', t).ok) sent++;
    assert.equal(sent, 60);
    const hourly = new SendBudget();
    let hour = 0;
    for (let t = 0; t < 3_600_000; t += 1_000) if (hourly.reserve('c', 't', t).ok) hour++;
    assert.equal(hour, 1_800);
  });

  it('forgets conversations and tenants with no send in their longest window, at the hourly sweep', () => {
    const b = new SendBudget();
    for (let i = 0; i < 100; i++) assert.ok(b.reserve(`c${i}`, `t${i}`, 0).ok);
    assert.equal(b.size, 200);
    assert.ok(b.reserve('c0', 't0', 3_599_999).ok);
    assert.equal(b.size, 200, 'no sweep within the hour');
    assert.ok(b.reserve('c1', 't1', 3_600_000).ok);
    assert.deepEqual(b.size, 4, 'c0 (sent at 59:59) and c1 stay with their tenants; 98 idle ones are gone');
    for (let i = 0; i < 7; i++) b.reserve('c0', 't0', 3_600_001);
    assert.equal(b.reserve('c0', 't0', 3_600_002).ok, false, 'a swept budget still counts recent sends');
  });
});
