// The property-test helper: a failure names the seed and path that replay it, and the same seed
// and path meet the same counterexample again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { assertProperty, FC_SEED, RUNS_DIVISOR, runsFor } from '../support/seeded';

const failsAbove100 = fc.property(fc.nat(1000), (n) => n <= 100);

test('a failing property names its seed and path, and they replay the same counterexample', () => {
  let message = '';
  assert.throws(() => assertProperty(failsAbove100), (error: unknown) => {
    message = error instanceof Error ? error.message : '';
    return true;
  });
  const replay = /Replay: IMR_FC_SEED=(-?\d+) IMR_FC_PATH="([\d:]+)"/.exec(message);
  assert.ok(replay, `no replay line in: ${message}`);
  assert.equal(Number(replay[1]), FC_SEED);
  assert.match(message, /Counterexample: \[101\]/);
  const again = fc.check(failsAbove100, { seed: Number(replay[1]), path: replay[2] });
  assert.deepEqual(again.counterexample, [101]);
});

test('a passing property passes', () => {
  assertProperty(fc.property(fc.nat(100), (n) => n <= 100));
});

test('a property runs its numRuns, a third of them only under test:fast', () => {
  assert.equal(RUNS_DIVISOR, process.env.IMR_FC_FAST === '1' ? 3 : 1);
  for (const asked of [undefined, 1, 150, 3000]) {
    let runs = 0;
    assertProperty(fc.property(fc.nat(), () => void runs++), asked === undefined ? {} : { numRuns: asked });
    assert.equal(runs, runsFor(asked), `runs for numRuns ${asked}`);
    assert.equal(runsFor(asked), Math.max(1, Math.ceil((asked ?? 100) / RUNS_DIVISOR)));
  }
});
