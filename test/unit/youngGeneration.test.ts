// The server collects its young generation after answering a change (youngGeneration.ts). It needs
// V8's gc(), exposed by --expose-gc, so each case runs in a child node with or without the flag.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '../../server/src/shared/protocol';

const MODULE = join(__dirname, '..', '..', 'server', 'src', 'lsp', 'youngGeneration.js');

/** Runs `body` in a new node with `flags`, the module as `young`; returns what it prints, parsed. */
function inNode(flags: string[], body: string): unknown {
  const script = `const young = require(${JSON.stringify(MODULE)});\n${body}`;
  return JSON.parse(execFileSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' }));
}

/** Fills the young generation to about `share` of its semi-space with short-lived objects. */
const FILL = `
function fill(share) {
  let keep = [];
  while (young.youngShare() < share) { for (let i = 0; i < 1000; i++) keep.push({ i, s: 'x' + i }); if (keep.length > 200000) keep = []; }
  return keep.length;
}`;

test('the launchers expose gc()', () => {
  assert.ok(SERVER_NODE_FLAGS.includes('--expose-gc'));
});

test('a young generation over the share is collected, and emptied', () => {
  const out = inNode(SERVER_NODE_FLAGS, `${FILL}
    fill(0.6);
    const before = young.youngShare();
    const collected = young.collectYoungGeneration() !== null;
    console.log(JSON.stringify({ before, collected, after: young.youngShare() }));`) as { before: number; collected: boolean; after: number };
  assert.ok(out.before > 0.25, `filled to ${out.before}`);
  assert.equal(out.collected, true);
  assert.ok(out.after < out.before / 2, `after: ${out.after}, before: ${out.before}`);
});

test('a young generation under the share is left alone', () => {
  const out = inNode(SERVER_NODE_FLAGS, `
    globalThis.gc({ type: 'minor' });
    const before = young.youngShare();
    console.log(JSON.stringify({ before, collected: young.collectYoungGeneration() !== null }));`) as { before: number; collected: boolean };
  assert.ok(out.before <= 0.25, `share after a collection: ${out.before}`);
  assert.equal(out.collected, false);
});

test('without --expose-gc nothing is collected, and nothing throws', () => {
  const out = inNode(['--max-semi-space-size=4'], `${FILL}
    fill(0.6);
    console.log(JSON.stringify({ collected: young.collectYoungGeneration() !== null }));`) as { collected: boolean };
  assert.equal(out.collected, false);
});
