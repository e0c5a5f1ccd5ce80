import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
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

test('a quick fix inserts the missing label where the field belongs', () => {
  const text = readFileSync(join(repoRoot, 'test', 'fixtures', 'missing-guideline.txt'), 'utf8');
  const d = lint(text).diagnostics.find((x) => x.code === 'missing-guideline' && x.fixes)!;
  const edit = d.fixes![0].edits[0];
  const lines = text.split('\n');
  const line = lines[edit.range.start.line];
  lines[edit.range.start.line] = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.start.character);
  const fixed = lint(lines.join('\n'));
  const item = fixed.letter.items[d.item!];
  assert.equal(item.maximusGuideline?.text, '[guideline the reviewer applied]');
  assert.equal(item.decisionRationale?.text.startsWith('Radiculopathy'), true);
  assert.equal(fixed.diagnostics.filter((x) => x.code === 'missing-guideline' && x.item === d.item).length, 0);
});
