// Huge and adversarial inputs for the engine's regular expressions and backward walks, once each,
// with a time bound that a linear engine meets by a wide margin and a super-linear one
// (catastrophic backtracking, quadratic walks) cannot. About 5 s of CPU in a worker thread, so
// `npm test` and CI run them and `npm run test:fast` leaves them out; the inputs are in
// test/unit/huge-inputs.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_DIAGNOSTICS } from '../../server/src/engine';
import { HUGE_INPUTS, lintHugeInputs, type HugeResult, type HugeSummary } from '../unit/huge-inputs';

// ---------------------------------------------------------------------------------------------
// Huge and adversarial inputs, once each, in a worker that is ended after a time limit. A linear
// engine needs well under a second for each; the limits leave room for a loaded 2-core machine.

// All huge inputs in one worker, started when the file loads.
const huge: Promise<Map<string, HugeResult>> = lintHugeInputs(Object.keys(HUGE_INPUTS));
const hugeResults = (): Promise<Map<string, HugeResult>> => huge;

async function hugeSummary(name: string): Promise<HugeSummary> {
  const result = (await hugeResults()).get(name);
  assert.ok(result, `${name}: not run`);
  if ('error' in result) assert.fail(`${name}: ${result.error}`);
  return result.summary;
}

test('100,000 items', async () => {
  const summary = await hugeSummary('100,000 items');
  assert.equal(summary.items, 100_000, 'item count');
  assert.equal(summary.overturned, 33_334, 'Overturned count');
  assert.equal(summary.lastName, 'Item 99999');
  // Three problems per item without fields: the first MAX_DIAGNOSTICS, then one closing "and N more".
  assert.equal(summary.diagnostics, MAX_DIAGNOSTICS + 1, 'items without fields are reported, up to the limit');
});

test('a 1 MB item line is one item', async () => {
  const summary = await hugeSummary('a 1 MB item line');
  assert.equal(summary.items, 1);
  assert.equal(summary.overturned, 0);
});

test('huge and adversarial inputs for regular expressions and backward walks', async () => {
  const results = await hugeResults();
  const failures = [...results].flatMap(([name, r]) => ('error' in r ? [`${name}: ${r.error}`] : []));
  assert.deepEqual(failures, [], 'every huge input linted in time with the invariants holding');
  assert.equal(results.size, Object.keys(HUGE_INPUTS).length, 'every huge input ran');
});
