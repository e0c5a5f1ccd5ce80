// What must hold for any text the engine is given: it never throws, every range lies inside the
// document, items come in order without overlapping, results are deterministic and diagnostics
// point at items that exist. Shared by the property tests and their worker for huge inputs.
import assert from 'node:assert/strict';
import { lint, parse, type Diagnostic, type Letter, type Range } from '../../server/src/engine';

/** Lines as an LSP client counts them: broken at \r\n, \r or \n and nothing else. */
export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export interface Checked {
  letter: Letter;
  diagnostics: Diagnostic[];
}

function* rangesOf(letter: Letter, diagnostics: readonly Diagnostic[]): Generator<[string, Range]> {
  for (const [i, s] of letter.sections.entries()) {
    yield [`sections[${i}].titleRange`, s.titleRange];
    yield [`sections[${i}].range`, s.range];
  }
  for (const [i, item] of letter.items.entries()) {
    yield [`items[${i}].nameRange`, item.nameRange];
    if (item.decisionRange) yield [`items[${i}].decisionRange`, item.decisionRange];
    yield [`items[${i}].headerRange`, item.headerRange];
    yield [`items[${i}].range`, item.range];
    for (const field of [item.claimsAdministratorGuideline, item.maximusGuideline, item.decisionRationale]) {
      if (!field) continue;
      yield [`items[${i}].${field.kind}.labelRange`, field.labelRange];
      yield [`items[${i}].${field.kind}.textRange`, field.textRange];
    }
  }
  for (const [i, d] of diagnostics.entries()) {
    yield [`diagnostics[${i}](${d.code}).range`, d.range];
    for (const [j, r] of (d.related ?? []).entries()) yield [`diagnostics[${i}].related[${j}]`, r.range];
    for (const [j, fix] of (d.fixes ?? []).entries()) {
      for (const [k, edit] of fix.edits.entries()) yield [`diagnostics[${i}].fixes[${j}].edits[${k}]`, edit.range];
    }
  }
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function inside(inner: Range, outer: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function show(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Asserts every invariant; messages give positions and rule ids, never the text. */
export function assertInvariants(text: string, { letter, diagnostics }: Checked): void {
  const lines = lspLines(text);
  assert.equal(letter.lineCount, lines.length, 'lineCount counts lines as LSP does');
  for (const [where, r] of rangesOf(letter, diagnostics)) {
    for (const p of [r.start, r.end]) {
      assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${where} ${show(r)}: integer positions`);
      assert.ok(p.line >= 0 && p.line < lines.length, `${where} ${show(r)}: line inside the ${lines.length} lines`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${where} ${show(r)}: character inside line ${p.line} of length ${lines[p.line].length}`);
    }
    assert.ok(before(r.start, r.end), `${where} ${show(r)}: start <= end`);
  }
  for (const [i, item] of letter.items.entries()) {
    assert.ok(inside(item.headerRange, item.range), `items[${i}] header ${show(item.headerRange)} inside block ${show(item.range)}`);
    assert.ok(inside(item.nameRange, item.range), `items[${i}] name ${show(item.nameRange)} inside block ${show(item.range)}`);
    for (const field of [item.claimsAdministratorGuideline, item.maximusGuideline, item.decisionRationale]) {
      if (!field) continue;
      assert.ok(inside(field.labelRange, item.range), `items[${i}].${field.kind} label ${show(field.labelRange)} inside block ${show(item.range)}`);
      assert.ok(inside(field.textRange, item.range), `items[${i}].${field.kind} text ${show(field.textRange)} inside block ${show(item.range)}`);
    }
    if (i > 0) {
      const prev = letter.items[i - 1].range;
      assert.ok(before(prev.end, item.range.start), `items[${i - 1}] block ${show(prev)} ends before items[${i}] block ${show(item.range)}`);
    }
  }
  for (const [i, d] of diagnostics.entries()) {
    assert.ok(d.item === null || (Number.isInteger(d.item) && d.item >= 0 && d.item < letter.items.length), `diagnostics[${i}](${d.code}).item ${d.item} of ${letter.items.length} items`);
  }
}

/** Lints twice and parses once: never throws, same result each time, invariants hold. */
export function check(text: string): Checked {
  const first = lint(text);
  assertInvariants(text, first);
  const again = lint(text);
  assert.equal(JSON.stringify(again), JSON.stringify(first), 'lint is deterministic');
  assert.equal(JSON.stringify(parse(text)), JSON.stringify(first.letter), 'parse gives the letter lint gives');
  return first;
}
