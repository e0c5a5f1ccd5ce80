// What every editor must show for the fixture letters in test/editors/fixtures/. One table, so
// Neovim, Emacs and VS Code are held to the same facts. Lines are 0-based, as in LSP.

export interface ExpectedItem {
  name: string;
  decision: 'Upheld' | 'Overturned';
  /** The item's block: its header line to its last field line. */
  firstLine: number;
  lastLine: number;
}

export interface ExpectedDefect {
  code: string;
  /** Index into `items` of the item the diagnostic must sit in. */
  item: number;
}

export interface FixtureExpectation {
  items: ExpectedItem[];
  defects: ExpectedDefect[];
}

const defectsLetter: FixtureExpectation = {
  items: [
    { name: 'Cyclobenzaprine 7.5 mg #60', decision: 'Upheld', firstLine: 18, lastLine: 21 },
    { name: 'Physical therapy 2 x 6 for the lumbar spine', decision: 'Overturned', firstLine: 22, lastLine: 24 },
    { name: 'MRI of the lumbar spine', decision: 'Upheld', firstLine: 25, lastLine: 27 },
  ],
  defects: [
    { code: 'missing-guideline', item: 1 },
    { code: 'missing-rationale', item: 2 },
  ],
};

export const expectations: Record<string, FixtureExpectation> = {
  'defects.imr': defectsLetter,
  // The same letter saved as .txt: recognised by its content.
  'letter.txt': defectsLetter,
  'clean.imr': {
    items: [{ name: 'Acupuncture 6 sessions for the cervical spine', decision: 'Overturned', firstLine: 18, lastLine: 21 }],
    defects: [],
  },
};

/** The rule id of a diagnostic as editors hand it back (a string, or {value} in VS Code). */
export function codeOf(code: unknown): string {
  if (typeof code === 'string' || typeof code === 'number') return String(code);
  if (code && typeof code === 'object' && 'value' in code) return String((code).value);
  return '';
}

/** An LSP diagnostic as far as these checks read it. */
export interface DiagnosticLike {
  code?: unknown;
  severity?: number;
  range: { start: { line: number } };
}

/** A symbol as editors hand it back (LSP DocumentSymbol or VS Code's), children included. */
export interface NamedSymbol {
  name: string;
  detail?: string | null;
  children?: NamedSymbol[] | null;
}

function flatten(symbols: readonly NamedSymbol[] | null | undefined): NamedSymbol[] {
  const out: NamedSymbol[] = [];
  for (const s of symbols ?? []) out.push(s, ...flatten(s.children));
  return out;
}

/**
 * Throws (with a message saying what differs) unless the diagnostics hold exactly the expected
 * defects, each inside its item, no other warning or error, and the symbols name every item with
 * its decision. `severity` uses LSP numbers: 1 error, 2 warning, 3 information, 4 hint.
 */
export function checkLetterView(expected: FixtureExpectation, diagnostics: readonly DiagnosticLike[], symbols: readonly NamedSymbol[] | null | undefined): void {
  const codes = JSON.stringify(diagnostics.map((d) => `${codeOf(d.code)}@${d.range.start.line}`));
  for (const defect of expected.defects) {
    const item = expected.items[defect.item];
    const hits = diagnostics.filter((d) => codeOf(d.code) === defect.code);
    if (hits.length !== 1) throw new Error(`expected one ${defect.code} diagnostic, got ${codes}`);
    const line = hits[0].range.start.line;
    if (line < item.firstLine || line > item.lastLine) {
      throw new Error(`${defect.code} at line ${line}, outside item ${defect.item} (lines ${item.firstLine}-${item.lastLine})`);
    }
  }
  // No defect the letter does not have (hints and information may note style).
  const unexpected = diagnostics.filter((d) => (d.severity ?? 1) <= 2 && !expected.defects.some((e) => e.code === codeOf(d.code)));
  if (unexpected.length) throw new Error(`unexpected warnings or errors: ${codes}`);

  const all = flatten(symbols);
  for (const item of expected.items) {
    // The server names an item decision first ("Upheld: Norco #120").
    const symbol = all.find((s) => s.name === `${item.decision}: ${item.name}`);
    if (!symbol) throw new Error(`no document symbol named "${item.decision}: ${item.name}"; symbols: ${JSON.stringify(all.map((s) => s.name))}`);
    if (/\b(?:upheld|overturned)\b/i.test(symbol.detail ?? '')) {
      throw new Error(`the symbol "${symbol.name}" repeats a decision in its detail ${JSON.stringify(symbol.detail)}`);
    }
  }
}
