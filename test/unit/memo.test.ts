// The lint memo (engine/memo.ts) keeps field readings from one lint of a document to the next. A
// reading kept for a field whose text changed would be a wrong diagnostic: so every version of a
// letter under a run of edits must lint the same with the memo as without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { FIXTURES_DIR, readFixture } from '../support/fixtures';
import { assertProperty } from '../support/seeded';
import { generateLetter } from '../../bench/generate';
import { dependencies, lint, LintMemo } from '../../server/src/engine';

const fixtureLetters = readdirSync(FIXTURES_DIR)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFixture(name).text);

/** What an edit inserts: words that turn verdicts and dependencies, labels, footers, line breaks. */
const INSERTS = [
  '', 'x', ' ', '\n', '\r\n', 'not ', 'medically necessary', ' is not medically necessary.', ' is medically necessary.',
  'As the requested surgery is not medically necessary, the associated service is not medically necessary. ',
  'As the requested surgery is supported, the associated service is medically necessary. ',
  'would be ', 'Decision rationale: ', 'MAXIMUS guideline: ', ': Upheld\n', ': Overturned\n', '\f\nPage 2 of 4\n',
  '-\n', 'surgery', 'Knee arthroscopy: Overturned\n',
];
/** Places an edit often lands: in and around the words the readings turn on. */
const ANCHORS = /necessary|surgery|procedure|rationale:|guideline:|Upheld|Overturned|\n/g;

interface Edit {
  anchored: boolean;
  at: number;
  remove: number;
  insert: string;
}

const edit = fc.record({
  anchored: fc.boolean(),
  at: fc.nat(),
  remove: fc.nat({ max: 12 }),
  insert: fc.constantFrom(...INSERTS),
});

function apply(text: string, { anchored, at, remove, insert }: Edit): string {
  let offset = text.length === 0 ? 0 : at % (text.length + 1);
  if (anchored) {
    const anchors = [...text.matchAll(ANCHORS)].map((match) => match.index);
    if (anchors.length > 0) offset = anchors[at % anchors.length];
  }
  return text.slice(0, offset) + insert + text.slice(Math.min(text.length, offset + remove));
}

function lintedAlike(text: string, memo: LintMemo): void {
  const remembered = lint(text, undefined, memo);
  const fresh = lint(text);
  assert.deepEqual(JSON.parse(JSON.stringify(remembered.diagnostics)), JSON.parse(JSON.stringify(fresh.diagnostics)));
  assert.deepEqual(dependencies(remembered.letter), dependencies(fresh.letter));
}

test('every version of a letter under edits lints the same with the memo as without it', () => {
  const letters = fc.oneof(
    fc.constantFrom(...fixtureLetters),
    fc.integer({ min: 1, max: 1_000_000 }).map((seed) => generateLetter(seed).text),
  );
  assertProperty(
    fc.property(letters, fc.array(edit, { minLength: 1, maxLength: 10 }), (text, edits) => {
      const memo = new LintMemo();
      lintedAlike(text, memo);
      for (const e of edits) {
        text = apply(text, e);
        lintedAlike(text, memo);
      }
    }),
    { numRuns: 150 },
  );
});

test('an edit in one rationale reads that rationale again and reuses the others', () => {
  const text = generateLetter(7, { items: 12 }).text;
  const memo = new LintMemo();
  lint(text, undefined, memo);
  const first = { computed: memo.computed, reused: memo.reused };
  assert.ok(first.computed >= 12, `the first lint reads every rationale (${first.computed} readings)`);
  const at = text.indexOf('Decision rationale:', text.length / 2) + 'Decision rationale:'.length;
  lint(text.slice(0, at) + ' The worker limps.' + text.slice(at), undefined, memo);
  const computed = memo.computed - first.computed;
  assert.ok(computed >= 1 && computed <= 2, `only the edited rationale is read again (${computed} readings)`);
  assert.ok(memo.reused - first.reused >= first.computed - 2, `the others are reused (${memo.reused - first.reused})`);
});

test('a verdict that an edit turns is read again, not reused', () => {
  const contradiction = fixtureLetters.find((text) => text.includes('The knee brace is not medically'));
  assert.ok(contradiction, 'test/fixtures/contradiction.txt holds the knee brace item');
  const memo = new LintMemo();
  const before = lint(contradiction, undefined, memo).diagnostics.filter((d) => d.code === 'decision-contradicts-rationale');
  const turned = contradiction.replace('The knee brace is not medically', 'The knee brace is medically');
  const after = lint(turned, undefined, memo).diagnostics.filter((d) => d.code === 'decision-contradicts-rationale');
  assert.equal(after.length, before.length - 1, 'the Overturned knee brace no longer contradicts its rationale');
});

test('the memo keeps the readings of the last lint only', () => {
  const memo = new LintMemo();
  for (let seed = 1; seed <= 20; seed++) lint(generateLetter(seed, { items: 8 }).text, undefined, memo);
  const one = new LintMemo();
  lint(generateLetter(20, { items: 8 }).text, undefined, one);
  assert.equal(memo.size, one.size);
});
