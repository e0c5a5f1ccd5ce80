// Issue 13: what one letter can produce is capped (engine/limits.ts), so that a hostile letter
// cannot make a 173 MB publish or a 50 s code action: at most MAX_DIAGNOSTICS diagnostics and one
// closing "and N more", at most MAX_ITEMS items read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, LIMIT_CODE, MAX_DIAGNOSTICS, MAX_ITEMS } from '../../server/src/engine';
import { readItems } from '../../server/src/engine/readItems';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { HEADING, INTRO } from './huge-inputs';

const top = `${HEADING}\n${INTRO}\n`;
const oneLineItems = (count: number) => top + Array.from({ length: count }, (_, i) => `Item ${i}: Upheld\n`).join('');

test('diagnostics stop at the limit, with one closing "and N more"', () => {
  // Each item line without fields has no guideline and no rationale: two problems per item.
  const { diagnostics } = lint(oneLineItems(3_000));
  assert.equal(diagnostics.length, MAX_DIAGNOSTICS + 1);
  const last = diagnostics.at(-1)!;
  assert.equal(last.code, LIMIT_CODE);
  assert.match(last.message, /and 5,000 more problems/);
  // The closing one stands where the first left out would have: after every one shown.
  assert.ok(last.range.start.line >= diagnostics[MAX_DIAGNOSTICS - 1].range.start.line);
  assert.ok(diagnostics.slice(0, -1).every((d) => d.code !== LIMIT_CODE));
});

test('a letter under the limit gets no limit diagnostic', () => {
  const { diagnostics } = lint(oneLineItems(400));
  assert.equal(diagnostics.length, 800);
  assert.ok(diagnostics.every((d) => d.code !== LIMIT_CODE));
});

test('item reading stops after the limit, at the next item\'s header', () => {
  const text = oneLineItems(50);
  const idx = new LineIndex(text);
  const { items, stoppedAt } = readItems(idx, 2, idx.count, false, 10);
  assert.equal(items.length, 10);
  assert.equal(items[9].name, 'Item 9');
  assert.equal(stoppedAt, 12, 'the line of "Item 10"');
  assert.equal(readItems(idx, 2, idx.count, false, 50).stoppedAt, null, 'exactly the limit: all read');
});

test(`a letter of more than ${MAX_ITEMS.toLocaleString('en-US')} items is read up to the limit, and says so`, () => {
  const { letter, diagnostics } = lint(oneLineItems(MAX_ITEMS + 3));
  assert.equal(letter.items.length, MAX_ITEMS);
  const note = diagnostics.at(-1)!;
  assert.equal(note.code, LIMIT_CODE);
  assert.match(note.message, /Only the first 100,000 items/);
  assert.equal(note.range.start.line, MAX_ITEMS + 2);
});
