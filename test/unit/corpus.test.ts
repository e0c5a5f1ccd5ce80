// Every real letter in ../shared: the engine's counts equal the corpus manifest, and no
// missing-*/contradiction rule fires where the letter has the labelled text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lint } from '../../server/src/engine';
import { readManifest, requireShared } from '../support/paths';

// Rules that report a defect of the letter; none may fire on the published letters, which all
// have their three labels with text and a verdict that agrees with the decision.
const DEFECT_RULES = ['missing-decision', 'missing-guideline', 'missing-rationale', 'decision-contradicts-rationale', 'duplicate-item', 'missing-section', 'not-a-letter'];

test('corpus: item and decision counts equal the manifest for all 194 letters', () => {
  const dir = requireShared('corpus');
  const manifest = readManifest();
  assert.equal(manifest.length, 194);
  const wrong: string[] = [];
  let items = 0;
  for (const row of manifest) {
    const { letter } = lint(readFileSync(join(dir, row.file), 'utf8'));
    const upheld = letter.items.filter((i) => i.decision === 'Upheld').length;
    const overturned = letter.items.filter((i) => i.decision === 'Overturned').length;
    items += letter.items.length;
    if (letter.items.length !== row.items || upheld !== row.upheld || overturned !== row.overturned) {
      wrong.push(`${row.file}: ${letter.items.length}/${upheld}/${overturned}, manifest ${row.items}/${row.upheld}/${row.overturned}`);
    }
    assert.equal(letter.metadata.caseNumber, row.case, row.file);
  }
  assert.deepEqual(wrong, []);
  assert.equal(items, 439);
});

test('corpus: no defect rule fires where the letter has its labelled text', () => {
  const dir = requireShared('corpus');
  const fired: string[] = [];
  const counts: Record<string, number> = {};
  for (const row of readManifest()) {
    const { letter, diagnostics } = lint(readFileSync(join(dir, row.file), 'utf8'));
    for (const item of letter.items) {
      assert.ok(item.claimsAdministratorGuideline && item.maximusGuideline && item.decisionRationale, `${row.file}: ${item.name} lacks a label`);
    }
    for (const d of diagnostics) {
      counts[d.code] = (counts[d.code] ?? 0) + 1;
      if (DEFECT_RULES.includes(d.code)) fired.push(`${row.file}:${d.range.start.line + 1} ${d.code}`);
    }
  }
  assert.deepEqual(fired, []);
  // The corpus README counts these statements: 29 uncited MAXIMUS guidelines, 79 claims administrator ones.
  // All 29 uncited guidelines are services decided by a surgery denied in the same letter
  // (dependency.test.ts), so none is reported: they follow the surgery's citations.
  assert.equal(counts['uncited-guideline'], undefined);
  assert.equal(counts['claims-administrator-uncited'], 79);
});

test('seed letters: blank-line style with trailing spaces reads 2 and 3 Upheld items', () => {
  const dir = requireShared('letters');
  const found = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const { letter, diagnostics } = lint(readFileSync(join(dir, f), 'utf8'));
      assert.ok(letter.doubleSpaced, `${f} should be read as double-spaced`);
      assert.deepEqual(diagnostics.filter((d) => DEFECT_RULES.includes(d.code)), [], f);
      return letter.items.map((i) => `${i.name}: ${i.decision}`);
    });
  assert.deepEqual(found, [
    ['Baclofen 20 mg #60: Upheld', 'Norco 10/325 mg #120: Upheld'],
    ['Norco 7.5/325mg #60: Upheld', 'Baclofen 10mg #60: Upheld', 'Linzess 290mcg #30: Upheld'],
  ]);
});

test('corpus re-typeset (CRLF, lone CR, blank line after each line, trailing spaces, NBSPs): same items, no new defect', () => {
  const dir = requireShared('corpus');
  const variants: Record<string, (t: string) => string> = {
    crlf: (t) => t.replace(/\n/g, '\r\n'),
    cr: (t) => t.replace(/\n/g, '\r'),
    'double-spaced': (t) => t.split('\n').map((l) => l + ' ').join('\n\n'),
    nbsp: (t) => t.replace(/ /g, (m, i: number) => (i % 7 === 0 ? '\u00a0' : m)),
  };
  const wrong: string[] = [];
  for (const row of readManifest()) {
    const text = readFileSync(join(dir, row.file), 'utf8');
    const names = lint(text).letter.items.map((i) => `${i.name}: ${i.decision}`);
    for (const [kind, transform] of Object.entries(variants)) {
      const { letter, diagnostics } = lint(transform(text));
      const got = letter.items.map((i) => `${i.name}: ${i.decision}`);
      if (JSON.stringify(got) !== JSON.stringify(names)) wrong.push(`${kind} ${row.file}: items differ`);
      for (const d of diagnostics) if (DEFECT_RULES.includes(d.code)) wrong.push(`${kind} ${row.file}: ${d.code}`);
    }
  }
  assert.deepEqual(wrong, []);
});
