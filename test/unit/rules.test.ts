import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lint, ruleById, rules } from '../../server/src/engine';
import { repoRoot } from '../support/paths';

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
  'dependent-item-mismatch',
];

test('the registry holds exactly the public rule ids, each documented', () => {
  assert.deepEqual(rules.map((r) => r.id), PUBLIC_IDS);
  for (const r of rules) {
    assert.match(r.description, /\.$/, r.id);
    assert.match(r.docs, /\*\*What it finds\.\*\*/, r.id);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(r.defaultSeverity));
    assert.equal(ruleById(r.id), r);
  }
  assert.equal(ruleById('missing-decision')?.defaultSeverity, 'error');
  assert.equal(ruleById('claims-administrator-uncited')?.defaultSeverity, 'information');
});

test('every rule fires in some fixture and is silent in the clean one', () => {
  const dir = join(repoRoot, 'test', 'fixtures');
  const clean = lint(readFileSync(join(dir, 'clean-single-spaced.txt'), 'utf8'));
  assert.deepEqual(clean.diagnostics, []);
  assert.equal(clean.letter.items.length, 2);
  const fixtureFor: Record<string, string> = {
    'missing-decision': 'missing-decision.txt',
    'missing-guideline': 'missing-guideline.txt',
    'uncited-guideline': 'uncited.txt',
    'missing-rationale': 'missing-rationale.txt',
    'decision-contradicts-rationale': 'contradiction.txt',
    'duplicate-item': 'duplicate-item.txt',
    'missing-section': 'missing-section.txt',
    'not-a-letter': 'not-a-letter.txt',
    'claims-administrator-uncited': 'cover-letter.txt',
    'older-layout': 'notice-2013.txt',
    'dependent-item-mismatch': 'dependent-mismatch.txt',
  };
  for (const id of PUBLIC_IDS) {
    const file = join(dir, fixtureFor[id]);
    assert.ok(existsSync(file), file);
    const codes = lint(readFileSync(file, 'utf8')).diagnostics.map((d) => d.code);
    assert.ok(codes.includes(id), `${id} does not fire in ${fixtureFor[id]}`);
  }
});

test('severities follow the settings; off removes a rule', () => {
  const text = readFileSync(join(repoRoot, 'test', 'fixtures', 'missing-guideline.txt'), 'utf8');
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
  const dir = join(repoRoot, 'test', 'fixtures');
  let findings = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    for (const d of lint(readFileSync(join(dir, name), 'utf8')).diagnostics) {
      findings++;
      assert.equal(d.fixes, undefined, `${name}: ${d.code} offers an edit`);
    }
  }
  assert.ok(findings > 20, `only ${findings} findings in the fixtures`);
});

test('a stub in a guideline is still reported, a bracketed placeholder included', () => {
  const text = readFileSync(join(repoRoot, 'test', 'fixtures', 'clean-single-spaced.txt'), 'utf8');
  // The first item's whole guideline field, continuation lines included.
  const guideline = /MAXIMUS guideline:[\s\S]*?(?=Decision rationale:)/.exec(text)![0];
  for (const stub of ['MAXIMUS guideline: [guideline the reviewer applied]', 'MAXIMUS guideline: Decision based on', 'MAXIMUS guideline: N/A']) {
    const found = lint(text.replace(guideline, stub + '\n')).diagnostics.filter((d) => d.code === 'missing-guideline');
    assert.equal(found.length, 1, stub);
    assert.match(found[0].message, /stub|empty/, stub);
  }
});
