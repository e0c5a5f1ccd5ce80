// Golden fixtures: each test/fixtures/<name>.txt carries its expected findings inline, as marker
// lines under the line each lands on (test/support/fixtures.ts), and the extraction cases keep the
// parse tree they must give beside them (<name>.json, the Letter without the findings).
// UPDATE_GOLDEN=1 rewrites the markers and the .json files; read the diff before committing it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lint, rules } from '../../server/src/engine';
import { LetterItem } from '../../server/src/engine/letterItem';
import { FIXTURES_DIR, markersOf, readFixture, splitMarkers, withMarkers, writeFixture, type Marker } from '../support/fixtures';
import { requireShared } from '../support/paths';

const update = process.env.UPDATE_GOLDEN === '1';
const fixtures = readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.txt')).sort();

/**
 * Each case of FORMAT.md's "What extraction does to the text", "What the real corpus adds" and
 * "Older layouts", by words FORMAT.md uses for it, and the fixture whose parse tree shows it read.
 */
const FORMAT_CASES: ReadonlyArray<{ format: string; fixture: string }> = [
  { format: 'followed by an empty line', fixture: 'blank-line-style.txt' },
  { format: 'can land on the next line', fixture: 'wrapped-headers.txt' },
  { format: 'Words split by hyphenation', fixture: 'unicode-and-hyphenation.txt' },
  { format: 'CRLF line endings', fixture: 'crlf.txt' },
  { format: 'form feeds (`\\f`) between pages, page footers', fixture: 'form-feeds-and-footers.txt' },
  { format: 'non-breaking spaces, Unicode dashes', fixture: 'unicode-and-hyphenation.txt' },
  { format: 'Label case and spacing vary', fixture: 'label-variants.txt' },
  { format: 'empty fields', fixture: 'missing-rationale.txt' },
  { format: 'a label with a stub', fixture: 'missing-guideline.txt' },
  { format: 'a missing label', fixture: 'missing-guideline.txt' },
  { format: 'Text that is not a letter', fixture: 'not-a-letter.txt' },
  { format: 'Optional cover letter', fixture: 'cover-letter.txt' },
  { format: 'header table', fixture: 'header-rows.txt' },
  { format: '`pdftotext` text has no blank line after each line', fixture: 'clean-single-spaced.txt' },
  { format: 'Partial authorizations', fixture: 'lead-in.txt' },
  { format: 'Colons inside item names', fixture: 'colons-in-names.txt' },
  { format: 'Page breaks (`\\f`) before item lines', fixture: 'form-feeds-and-footers.txt' },
  { format: 'A contradiction rule must read negation', fixture: 'contradiction.txt' },
  { format: '"The Expert Reviewer did not cite any medical evidence for its decision."', fixture: 'uncited.txt' },
  { format: '2013 notices', fixture: 'notice-2013.txt' },
  { format: '"medical professional review" layout', fixture: 'professional-review.txt' },
];

const byPlace = (a: Marker, b: Marker): number =>
  a.line - b.line || a.character - b.character || a.code.localeCompare(b.code) || a.message.localeCompare(b.message);

test('every rule id is marked as found in some fixture', () => {
  const marked = new Set(fixtures.flatMap((name) => readFixture(name).markers.map((m) => m.code)));
  for (const rule of rules) assert.ok(marked.has(rule.id), `no fixture marks a finding of ${rule.id}`);
});

test('every FORMAT.md extraction case has a fixture, with a parse tree or marked findings', () => {
  const format = readFileSync(join(requireShared(''), 'FORMAT.md'), 'utf8');
  for (const { format: words, fixture } of FORMAT_CASES) {
    assert.ok(format.includes(words), `FORMAT.md no longer says ${JSON.stringify(words)}: update FORMAT_CASES`);
    assert.ok(fixtures.includes(fixture), `${fixture} (for "${words}") is missing`);
    const hasTree = existsSync(join(FIXTURES_DIR, fixture.replace(/\.txt$/, '.json')));
    assert.ok(hasTree || readFixture(fixture).markers.length > 0, `${fixture} asserts nothing`);
  }
});

test('marker lines come out of a fixture and go back in byte for byte (CRLF, no final line ending, empty)', () => {
  for (const name of ['crlf.txt', 'truncated.txt', 'empty.txt', 'missing-guideline.txt']) {
    const raw = readFileSync(join(FIXTURES_DIR, name), 'utf8');
    const { text, markers } = splitMarkers(raw);
    assert.ok(markers.length > 0 || name === 'crlf.txt', name);
    assert.ok(!/\^ \[/.test(text), `${name}: no marker left in the letter`);
    assert.equal(withMarkers(text, markers), raw, name);
  }
  assert.equal(readFixture('empty.txt').text, '');
  assert.ok(!readFixture('truncated.txt').text.endsWith('\n'), 'the truncated letter still ends mid-line');
});

test('every item of every layout has one runtime shape, LetterItem, whose JSON holds its ranges', () => {
  const layouts = new Set<string>();
  for (const name of fixtures) {
    const { letter } = lint(readFixture(name).text);
    for (const item of letter.items) {
      layouts.add(letter.layout);
      assert.ok(item instanceof LetterItem, `${name}: ${item.name}`);
      const json = JSON.parse(JSON.stringify(item)) as Record<string, unknown>;
      assert.deepEqual(json.range, item.range, `${name}: ${item.name}`);
      assert.deepEqual(json.nameRange, item.nameRange);
    }
  }
  assert.deepEqual([...layouts].sort(), ['medical-professional-review', 'notice-2013', 'standard']);
});

for (const name of fixtures) {
  const { text, markers } = readFixture(name);
  const result = lint(text);

  test(`findings marked in ${name}`, () => {
    const actual = markersOf(result.diagnostics);
    if (update) {
      writeFixture(name, text, actual);
      return;
    }
    assert.deepEqual([...actual].sort(byPlace), [...markers].sort(byPlace));
  });

  const treePath = join(FIXTURES_DIR, name.replace(/\.txt$/, '.json'));
  if (!existsSync(treePath)) continue;
  test(`parse tree of ${name}`, () => {
    const actual: unknown = JSON.parse(JSON.stringify(result.letter));
    if (update) {
      writeFileSync(treePath, JSON.stringify(actual, null, 2) + '\n');
      return;
    }
    assert.deepEqual(actual, JSON.parse(readFileSync(treePath, 'utf8')));
  });
}
