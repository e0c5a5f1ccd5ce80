import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { lint, ruleById, rules } from '../../server/src/engine';
import { SEVERITIES } from '../../server/src/shared/protocol';
import { FIXTURES_DIR, readFixture } from '../support/fixtures';

/** The ids published so far, in the registry's order: they never go away or move; new ones come after. */
const PUBLIC_IDS = [
  'missing-decision',
  'missing-guideline',
  'uncited-guideline',
  'missing-rationale',
  'decision-contradicts-rationale',
  'duplicate-item',
  'missing-section',
  'not-a-letter',
  'claims-administrator-uncited',
  'older-layout',
  'impossible-date',
  'dependent-item-mismatch',
];

test('the registry keeps every published rule id, in order, each documented', () => {
  assert.deepEqual(rules.map((r) => r.id).slice(0, PUBLIC_IDS.length), PUBLIC_IDS);
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'rule ids are unique');
  for (const r of rules) {
    assert.match(r.description, /\.$/, r.id);
    assert.match(r.docs, /\*\*What it finds\.\*\*/, r.id);
    assert.ok((SEVERITIES as readonly string[]).includes(r.defaultSeverity));
    assert.equal(ruleById(r.id), r);
  }
  assert.equal(ruleById('missing-decision')?.defaultSeverity, 'error');
  assert.equal(ruleById('claims-administrator-uncited')?.defaultSeverity, 'information');
});

test('the clean fixture is silent (the fixtures where each rule fires are checked by their markers, golden.test.ts)', () => {
  const clean = lint(readFixture('clean-single-spaced.txt').text);
  assert.deepEqual(clean.diagnostics, []);
  assert.equal(clean.letter.items.length, 2);
});

test('severities follow the settings; off removes a rule', () => {
  const text = readFixture('missing-guideline.txt').text;
  const base = lint(text).diagnostics.filter((d) => d.code === 'missing-guideline');
  assert.equal(base.length, 3);
  assert.ok(base.every((d) => d.severity === 'warning'));
  const raised = lint(text, { 'missing-guideline': 'error' }).diagnostics.filter((d) => d.code === 'missing-guideline');
  assert.ok(raised.length === 3 && raised.every((d) => d.severity === 'error'));
  assert.equal(lint(text, { 'missing-guideline': 'off' }).diagnostics.filter((d) => d.code === 'missing-guideline').length, 0);
  // An unknown value falls back to the default rather than silencing the rule.
  const bogus = lint(text, { 'missing-guideline': 'loud' as never }).diagnostics.filter((d) => d.code === 'missing-guideline');
  assert.ok(bogus.length === 3 && bogus.every((d) => d.severity === 'warning'));
});

test('not-a-letter is the only diagnostic on text that is not a letter', () => {
  for (const text of ['', 'shopping: eggs, milk\n', '\u0000\u0001\u0002binary\u0003'.repeat(50)]) {
    const { diagnostics, letter } = lint(text);
    assert.deepEqual(diagnostics.map((d) => d.code), ['not-a-letter']);
    assert.equal(letter.items.length, 0);
  }
  assert.equal(lint('\u0000\u0001\u0002binary\u0003'.repeat(50)).letter.notLetterReason, 'binary');
});

test('letters are evidence: no rule offers an edit of the letter, in any fixture', () => {
  let findings = 0;
  for (const name of readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.txt'))) {
    for (const d of lint(readFixture(name).text).diagnostics) {
      findings++;
      assert.equal(d.fixes, undefined, `${name}: ${d.code} offers an edit`);
    }
  }
  assert.ok(findings > 20, `only ${findings} findings in the fixtures`);
});

test('a stub in a guideline is still reported, a bracketed placeholder included', () => {
  const text = readFixture('clean-single-spaced.txt').text;
  // The first item's whole guideline field, continuation lines included.
  const guideline = /MAXIMUS guideline:[\s\S]*?(?=Decision rationale:)/.exec(text)![0];
  for (const stub of ['MAXIMUS guideline: [guideline the reviewer applied]', 'MAXIMUS guideline: Decision based on', 'MAXIMUS guideline: N/A']) {
    const found = lint(text.replace(guideline, stub + '\n')).diagnostics.filter((d) => d.code === 'missing-guideline');
    assert.equal(found.length, 1, stub);
    assert.match(found[0].message, /stub|empty/, stub);
  }
});
