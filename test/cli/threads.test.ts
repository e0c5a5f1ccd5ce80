// How many worker threads imr-lint starts when --jobs is not given (cli/main.ts defaultThreads):
// one per core (at most 8) for 400 files or more; for 16 PDFs or more, up to 4, since a PDF costs
// as much to read as dozens of text letters; otherwise none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultThreads } from '../../server/src/cli/main';

test('a few text letters are checked in one thread', () => {
  assert.equal(defaultThreads(1, 0, 8), 1);
  assert.equal(defaultThreads(399, 0, 8), 1);
});

test('400 files or more get a thread per core, at most 8', () => {
  assert.equal(defaultThreads(400, 0, 2), 2);
  assert.equal(defaultThreads(10_000, 0, 32), 8);
  assert.equal(defaultThreads(400, 400, 16), 8);
});

test('16 PDFs or more get a thread per core, at most 4', () => {
  assert.equal(defaultThreads(15, 15, 8), 1);
  assert.equal(defaultThreads(16, 16, 2), 2);
  assert.equal(defaultThreads(194, 194, 16), 4);
  assert.equal(defaultThreads(100, 20, 1), 1);
});
