// Dependent items: services decided by the fate of a surgery, read by wording, linked to the
// surgery the letter decides, and reported only when the two decisions cannot both stand.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { dependencies, lint } from '../../server/src/engine';
import { dependencyStatement, isSurgeryItem } from '../../server/src/engine/dependency';
import { readManifest, repoRoot, requireShared } from '../support/paths';

const fixture = (name: string) => readFileSync(join(repoRoot, 'test', 'fixtures', name), 'utf8');

test('dependency statements are read by wording, with what they say of the surgery', () => {
  const cases: Array<[string, 'necessary' | 'not-necessary']> = [
    ['As the requested surgical intervention is not medically necessary per the documentation, the requested ancillary service is not medically necessary.', 'not-necessary'],
    ['Since the proposed knee surgery has not been certified, the clearance is not medically necessary.', 'not-necessary'],
    ['Because the associated shoulder arthroscopy was denied, the sling is not needed.', 'not-necessary'],
    ['The concurrent request for shoulder surgery is supported. The request is medically necessary.', 'necessary'],
    ['Given that the primary procedure is medically necessary, the assistant is medically necessary.', 'necessary'],
    ['The knee arthroscopy was not found medically necessary, so the associated cold therapy unit is not medically necessary.', 'not-necessary'],
    ['With the underlying fusion approved, post-operative therapy is medically necessary.', 'necessary'],
  ];
  for (const [text, says] of cases) assert.equal(dependencyStatement(text)?.says, says, text);
});

test('rationales that only mention surgery state no dependency', () => {
  for (const text of [
    'MRI is recommended in patients who would consider surgery an option. There was no plan for surgery. The request is not medically necessary.',
    'ACOEM Guidelines indicate referral for surgical consultation may be indicated for patients who have activity limitation.',
    'The requested procedure is not medically necessary.',
    'Surgery is recommended after a failure of conservative care. The requested surgery is not medically necessary.',
    'If the concurrent surgery were approved, the therapy would be medically necessary.',
    'Opioid use should not be extended beyond 2-3 weeks for less extensive procedures.',
  ]) {
    assert.equal(dependencyStatement(text), null, text);
  }
});

test('dependent items link to the surgery they follow, both ways, without warnings', () => {
  const { letter, diagnostics } = lint(fixture('dependent-items.txt'));
  const links = dependencies(letter).map((d) => [d.item, d.primary, d.says, d.holds]);
  assert.deepEqual(links, [
    [1, 0, 'not-necessary', true],
    [2, 0, 'not-necessary', true],
    [4, 3, 'necessary', true],
  ]);
  assert.deepEqual(diagnostics, [], 'uncited guidelines of dependent items are not reported');
});

test('a dependency that does not hold is reported, both ways, with the surgery related', () => {
  const mismatch = lint(fixture('dependent-mismatch.txt')).diagnostics.filter((d) => d.code === 'dependent-item-mismatch');
  assert.equal(mismatch.length, 1);
  assert.equal(mismatch[0].item, 1);
  assert.match(mismatch[0].message, /"Assistant surgeon" is Upheld because the surgery is not medically necessary, but this letter approves the surgery \(Overturned\) in item 1/);
  assert.equal(mismatch[0].related?.[0].range.start.line, 33, 'the first related place is the surgery\'s decision');

  // The other way: the splint is approved as "the concurrent request ... is supported" while the
  // letter upholds the denial of the carpal tunnel release.
  const flipped = fixture('dependent-items.txt').replace('Right carpal tunnel release: Overturned', 'Right carpal tunnel release: Upheld');
  const reverse = lint(flipped).diagnostics.filter((d) => d.code === 'dependent-item-mismatch');
  assert.equal(reverse.length, 1);
  assert.equal(reverse[0].item, 4);
  assert.match(reverse[0].message, /is Overturned because the surgery is supported, but this letter denies the surgery \(Upheld\) in item 4/);
});

test('a rationale that leans on a surgery the letter does not decide is reported', () => {
  const { diagnostics } = lint(fixture('dependent-no-surgery.txt'));
  assert.deepEqual(diagnostics.map((d) => d.code), ['dependent-item-mismatch', 'claims-administrator-uncited']);
  assert.match(diagnostics[0].message, /this letter decides no surgery/);
});

test('corpus: every uncited guideline belongs to a dependent item whose surgery the letter decides the same way', () => {
  const dir = requireShared('corpus');
  let dependents = 0;
  let uncited = 0;
  const broken: string[] = [];
  for (const row of readManifest()) {
    const { letter, diagnostics } = lint(readFileSync(join(dir, row.file), 'utf8'));
    const deps = dependencies(letter);
    dependents += deps.length;
    for (const d of deps) if (d.holds !== true) broken.push(`${row.file} item ${d.item + 1}`);
    for (const [index, item] of letter.items.entries()) {
      if (/did not cite any/i.test(item.maximusGuideline?.text ?? '')) {
        uncited++;
        if (!deps.some((d) => d.item === index)) broken.push(`${row.file} item ${index + 1} is uncited and not dependent`);
      }
    }
    assert.deepEqual(diagnostics.filter((d) => d.code === 'dependent-item-mismatch' || d.code === 'uncited-guideline'), [], row.file);
  }
  assert.deepEqual(broken, []);
  assert.equal(uncited, 29);
  // 29 "requested surgical intervention" services and 5 "concurrent request for surgery" ones.
  assert.equal(dependents, 34);
});

test('the quick stem test on the text as written finds every dependency the folded text holds', () => {
  // Rationales with the surgery named across wrapped lines, a hyphenated line end, runs of
  // spaces and a page footer between its lines: folding changes them, the stems it finds must not.
  const rationale = (i: number): string =>
    [
      `Decision rationale: As the requested  surgical\n   intervention is not medically necessary per the docu-\nmentation, item ${i} is not medically necessary.`,
      `Decision rationale: The patient reports pain.\nPage 2 of 9\nSince the proposed knee\nsurgery has not been certified, the clearance is not medically necessary.`,
      `Decision rationale: Because the associated shoulder arthro-\nscopy was denied, the sling is not needed.`,
      `Decision rationale: Guidelines do not support this request. It is not medically necessary.`,
    ][i % 4];
  const items = Array.from({ length: 12 }, (_, i) => `${i % 5 === 0 ? 'Right knee arthroscopy' : `Service ${i}`}: ${i % 2 ? 'Upheld' : 'Overturned'}\nMAXIMUS guideline: Decision based on MTUS.\n${rationale(i)}\n`);
  const letter = lint(`IMR ISSUES, DECISIONS AND RATIONALES\n${items.join('\n')}`).letter;
  const expected = letter.items.flatMap((item, index) =>
    item.decisionRationale && !isSurgeryItem(item) && dependencyStatement(item.decisionRationale.text) ? [index] : [],
  );
  assert.ok(expected.length >= 4, `the letter has dependent items (${expected.length})`);
  assert.deepEqual(dependencies(letter).map((d) => d.item), expected);
});
