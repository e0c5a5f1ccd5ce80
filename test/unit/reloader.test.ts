// The IMR Letters view's reload: a change announced while a load is in flight is not lost.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reloader } from '../../client/src/reloader';

/** A load whose runs finish when the test says, recording what each run saw. */
function controlledLoad(state: { version: number }) {
  const seen: number[] = [];
  const finishers: Array<() => void> = [];
  const load = async (): Promise<void> => {
    const version = state.version; // the request leaves now: it answers with this version
    await new Promise<void>((resolve) => finishers.push(resolve));
    seen.push(version);
  };
  return { load, seen, finishNext: () => finishers.shift()?.() };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('reloader', () => {
  it('a call during a run brings exactly one more run, which sees the change', async () => {
    const state = { version: 1 };
    const { load, seen, finishNext } = controlledLoad(state);
    const reload = reloader(load);
    const first = reload();
    await tick();
    state.version = 2; // the server changed after the first request left
    const during = [reload(), reload(), reload()]; // three announcements, one more run
    finishNext();
    await tick();
    finishNext();
    await Promise.all([first, ...during]);
    assert.deepEqual(seen, [1, 2], 'the last run saw the change, and only one more run was made');
  });

  it('calls after a run has ended start a new run', async () => {
    const state = { version: 1 };
    const { load, seen, finishNext } = controlledLoad(state);
    const reload = reloader(load);
    const first = reload();
    await tick();
    finishNext();
    await first;
    state.version = 3;
    const second = reload();
    await tick();
    finishNext();
    await second;
    assert.deepEqual(seen, [1, 3]);
  });

  it('a failing load does not leave it stuck', async () => {
    let calls = 0;
    const reload = reloader(() => {
      calls++;
      return calls === 1 ? Promise.reject(new Error('the server went away')) : Promise.resolve();
    });
    await assert.rejects(reload(), /went away/);
    await reload();
    assert.equal(calls, 2);
  });
});
