import assert from 'node:assert/strict';
import { SingleFlight } from '../../src/graph/single-flight';

describe('graph/single-flight', () => {
  it('concurrent callers with the same key share one execution', async () => {
    const sf = new SingleFlight<number>();
    let runs = 0;
    let release!: (n: number) => void;
    const work = () => {
      runs++;
      return new Promise<number>((r) => (release = r));
    };
    const a = sf.run('k', work);
    const b = sf.run('k', work);
    const c = sf.run('other', async () => 7);
    assert.equal(runs, 1);
    release(42);
    assert.deepEqual(await Promise.all([a, b, c]), [42, 42, 7]);
    assert.equal(sf.size, 0);
  });

  it('forgets a settled flight so the next caller runs again, and shares rejections', async () => {
    const sf = new SingleFlight<number>();
    let runs = 0;
    await sf.run('k', async () => ++runs);
    await sf.run('k', async () => ++runs);
    assert.equal(runs, 2);
    const fail = () => Promise.reject(new Error('boom'));
    const [x, y] = [sf.run('k', fail), sf.run('k', fail)];
    await assert.rejects(x, /boom/);
    await assert.rejects(y, /boom/);
    assert.equal(sf.size, 0);
  });

  it('lets a leader settle several flights from one batch', async () => {
    const sf = new SingleFlight<string>();
    const l1 = sf.lead('a');
    const l2 = sf.lead('b');
    const joined = sf.join('a');
    assert.ok(joined);
    l1.resolve('A');
    l2.resolve('B');
    assert.deepEqual(await Promise.all([joined, l2.promise]), ['A', 'B']);
    assert.equal(sf.join('a'), undefined);
  });
});
