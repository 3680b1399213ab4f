import assert from 'node:assert/strict';
import { METRICS } from '../../src/domain/catalog';
import { exactMetric, matchMetric } from '../../src/commands/metric-match';
import { matchService } from '../../src/domain/service-match';
import { SERVICES } from '../../src/domain/catalog';

function idOf(text: string): string {
  const m = matchMetric(text);
  assert.ok(m.ok, `${text}: ${JSON.stringify(m)}`);
  return m.metric.id;
}

describe('metric matching', () => {
  it('reads every id, Graph function name, friendly name and alias of the catalog as its own metric', () => {
    for (const m of METRICS) {
      for (const word of [m.id, m.fn, m.name, m.name.toUpperCase(), ...m.aliases]) {
        assert.equal(idOf(word), m.id, word);
        assert.equal(exactMetric(word)?.id, m.id, word);
      }
    }
  });

  const fuzzy: [string, string][] = [
    ['mail flow', 'mail-delivery'],
    ['Mail Flow', 'mail-delivery'],
    ['mailflow', 'mail-delivery'],
    ['meeting joins', 'meeting-joins'],
    ['udp', 'teams-udp'],
    ['mfa failures', 'mfa-failure'],
    ['mial delivery', 'mail-delivery'],
    ['mail delivry', 'mail-delivery'],
    ['meetngs', 'meeting-joins'],
    ['connectivty', 'exchange-connectivity'],
    ['delivery', 'mail-delivery'],
    ['the mail flow', 'mail-delivery'],
    ['exo mail flow', 'mail-delivery'],
    ['teams udp', 'teams-udp'],
    ['sign ins blocked', 'ca-blocked'],
    ['getmessagevolumemetricsforemaildelivery', 'mail-delivery'],
    ['GSA-BGP-Connected', 'gsa-bgp-connected'],
    ['native ios/android mail readers', 'native-mail'],
  ];
  for (const [text, id] of fuzzy)
    it(`reads ${JSON.stringify(text)} as ${id}`, () => assert.equal(idOf(text), id));

  it('does not guess silently on short words: "upd" is a suggestion, with the closest three', () => {
    const m = matchMetric('upd');
    assert.ok(!m.ok && m.kind === 'unknown');
    assert.equal(m.guess?.metric.id, 'teams-udp');
    assert.equal(m.closest.length, 3);
    assert.equal(m.closest[0].id, 'teams-udp');
    assert.equal(exactMetric('mial delivery'), undefined);
  });

  it('lists the candidates when words fit several metrics', () => {
    const mfa = matchMetric('mfa');
    assert.ok(!mfa.ok && mfa.kind === 'ambiguous');
    assert.deepEqual(mfa.candidates.map((m) => m.id).sort(), ['mfa-failure', 'mfa-success']);
    const blocked = matchMetric('blocked');
    assert.ok(!blocked.ok && blocked.kind === 'ambiguous' && blocked.candidates.length >= 4);
  });

  it('recognises a service where a metric was expected', () => {
    for (const [text, service] of [
      ['exchange', 'exchange'],
      ['teams', 'teams'],
      ['gsa', 'networkAccess'],
    ]) {
      const m = matchMetric(text);
      assert.ok(!m.ok && m.kind === 'service', text);
      assert.equal(m.service.id, service);
    }
  });

  it('gives the closest three, with nothing guessed, for noise', () => {
    const m = matchMetric('zzzzqqq');
    assert.ok(!m.ok && m.kind === 'unknown');
    assert.equal(m.closest.length, 3);
    assert.equal(m.guess, undefined);
  });
});

describe('service matching', () => {
  it('reads every id, name and alias of the catalog', () => {
    for (const s of SERVICES) {
      for (const word of [s.id, s.name, ...s.aliases]) {
        const m = matchService(word);
        assert.ok(m.ok && m.service.id === s.id, word);
      }
    }
  });

  const cases: [string, string | undefined, string | undefined][] = [
    // text, accepted, suggested
    ['EXO', 'exchange', undefined],
    ['sign ins', 'entra', undefined],
    ['Web-Apps', 'web', undefined],
    ['exchnage', 'exchange', undefined],
    ['onedirve', 'onedrive', undefined],
    ['tems', undefined, 'teams'],
    ['banana', undefined, undefined],
  ];
  for (const [text, accepted, suggested] of cases) {
    it(`${JSON.stringify(text)} → ${accepted ?? `suggest ${suggested}`}`, () => {
      const m = matchService(text);
      if (accepted) assert.ok(m.ok && m.service.id === accepted);
      else assert.ok(!m.ok && m.guess?.id === suggested);
    });
  }
});
