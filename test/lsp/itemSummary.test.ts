// The pieces of an item's hover and outline entry, on letters we wrote.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from '../../server/src/engine';
import { authorizedBefore, itemHoverLines, itemSymbolDetail, itemSymbolName, MAX_SYMBOL_NAME } from '../../server/src/lsp/features/itemSummary';
import { repoRoot } from '../support/paths';

const fixture = (name: string) => readFileSync(join(repoRoot, 'test', 'fixtures', name), 'utf8');

test('a partial authorization says what UR had already authorized', () => {
  const letter = parse(fixture('lead-in.txt'));
  const therapy = letter.items.findIndex((item) => /two sessions/.test(item.name));
  assert.ok(therapy >= 0);
  const lines = itemHoverLines(letter, therapy);
  assert.ok(lines.some((line) => line.startsWith('Already authorized by utilization review: Physical therapy to the low back six sessions was authorized by the Claims Administrator.')), lines.join('\n'));
  assert.equal(authorizedBefore(null), undefined);
  assert.equal(authorizedBefore('X was the original request. The Claims Administrator authorized Y for 1 month. The rest is'), 'The Claims Administrator authorized Y for 1 month.');
});

test('a long item name is cut to 128 characters, decision first, full name in the detail', () => {
  const long = 'Right shoulder arthroscopy with subacromial decompression, distal clavicle excision, rotator cuff repair, biceps tenodesis and extensive debridement of the labrum';
  const text = fixture('clean-single-spaced.txt');
  const first = parse(text).items[0];
  const letter = parse(text.replace(first.name, long));
  const name = itemSymbolName(letter.items[0]);
  assert.ok(name.length <= MAX_SYMBOL_NAME, `${name.length} characters`);
  assert.ok(name.startsWith(`${letter.items[0].decision}: Right shoulder arthroscopy`), name);
  assert.ok(name.endsWith('…'));
  assert.equal(itemSymbolDetail(letter, 0, false), long);
  assert.equal(itemSymbolDetail(letter, 0), `surgery · ${long}`, 'the category first, then the full name');
  assert.equal(itemSymbolDetail(parse(text), 0, false), undefined, 'a short name needs no detail');
});
