// The language server's features as pure functions, in this process: symbols, folding, hover,
// code actions, diagnostics conversion and settings, each called on the engine's result the way
// server.ts calls it (as vscode-markdown-languageservice tests its features). The wiring over the
// protocol (initialize, push and pull, edits, settings pulled from a client) stays in
// features.test.ts, pull.test.ts, settings.test.ts and robustness.test.ts.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, SymbolKind, type CodeActionParams, type MarkupContent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../server/src/engine';
import type { Analysis } from '../../server/src/lsp/analysis';
import { codeActions } from '../../server/src/lsp/features/codeActions';
import { readDiagnosticData, toLspDiagnostics } from '../../server/src/lsp/features/diagnostics';
import { foldingRanges } from '../../server/src/lsp/features/folding';
import { hover } from '../../server/src/lsp/features/hover';
import { DEFAULT_SETTINGS, lintSettingsKey, SettingsStore } from '../../server/src/lsp/settings';
import { documentSymbols } from '../../server/src/lsp/features/symbols';
import { letterSymbols } from '../../server/src/lsp/features/workspaceSymbols';
import { SECTION_KIND } from '../../server/src/lsp/features/symbolKinds';
import { pdfOfTextUri, type ImrSettings } from '../../server/src/shared/protocol';
import { DocumentStore } from '../../server/src/lsp/documents';
import { lintLetterText, packItems, publishDiagnosticsJson, unpackItems, workspaceDiagnostics } from '../../server/src/lsp/workspaceLint';
import { fixtureUri } from './client';
import { fixture, lineOf, positionOf } from './text';
import { itemSymbols } from './symbols';

const DEFECTS = fixtureUri('defects.imr');
const defects = fixture('defects.imr');
const clean = fixture('clean.imr');

/** What server.ts builds for a document version: one lint, every feature reads it. */
function analyse(uri: string, text: string, version = 1, settings: ImrSettings = DEFAULT_SETTINGS): Analysis {
  const result = lint(text, settings.rules);
  return { uri, version, revision: version, settings, settingsKey: lintSettingsKey(settings), result, length: text.length, durationMs: 0 };
}

function hoverText(text: string, needle: string, offset = 1, nth = 0): string {
  const result = hover(lint(text), positionOf(text, needle, offset, nth));
  assert.ok(result, `a hover on "${needle}"`);
  return (result.contents as MarkupContent).value;
}

describe('diagnostics conversion', () => {
  it('carries source, rule id, doc link, severity, related information and versioned data with no edit', () => {
    const analysis = analyse(DEFECTS, defects, 7);
    const diagnostics = toLspDiagnostics(analysis);
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['claims-administrator-uncited', 'duplicate-item', 'missing-guideline', 'missing-rationale']);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'imr');
      const href = diagnostic.codeDescription?.href ?? '';
      assert.ok(href.startsWith('file://') && href.endsWith(`/docs/rules/${String(diagnostic.code)}.md`), href);
      assert.ok(existsSync(fileURLToPath(href)), `the rule doc ${href} exists`);
      assert.equal(readDiagnosticData(diagnostic.data)?.version, 7);
    }
    const byCode = new Map(diagnostics.map((d) => [d.code, d]));
    assert.equal(byCode.get('missing-guideline')?.severity, DiagnosticSeverity.Warning);
    assert.equal(byCode.get('claims-administrator-uncited')?.severity, DiagnosticSeverity.Information);
    assert.equal(byCode.get('missing-guideline')?.range.start.line, lineOf(defects, 'MRI of the right knee: Upheld'));
    const related = byCode.get('duplicate-item')?.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0].location.uri, DEFECTS);
    assert.equal(related[0].location.range.start.line, lineOf(defects, 'Norco 10/325 mg #120: Upheld', 0));
    // Letters are evidence: no diagnostic carries an edit of the letter.
    assert.ok(diagnostics.every((d) => readDiagnosticData(d.data)?.fixes.length === 0));
  });

  it('are empty for a clean letter, and for a document whose checking is turned off', () => {
    assert.deepEqual(toLspDiagnostics(analyse('untitled:clean.imr', clean)), []);
    assert.deepEqual(toLspDiagnostics({ ...analyse(DEFECTS, defects), result: null }), []);
  });

  it('follow the configured severities, and drop rules turned off', () => {
    const settings: ImrSettings = { ...DEFAULT_SETTINGS, rules: { 'missing-guideline': 'error', 'duplicate-item': 'off' } };
    const codes = new Map(toLspDiagnostics(analyse(DEFECTS, defects, 1, settings)).map((d) => [d.code, d.severity]));
    assert.equal(codes.get('missing-guideline'), DiagnosticSeverity.Error);
    assert.equal(codes.has('duplicate-item'), false);
  });
});

describe('document symbols', () => {
  it('name items decision first in their section, with the category as detail and no field symbols', () => {
    const roots = documentSymbols(lint(defects).letter);
    assert.deepEqual(roots.map((s) => s.name), [
      'Case details',
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      'The Expert Reviewer has the following credentials:',
      'CLINICAL CASE SUMMARY',
      'IMR ISSUES, DECISIONS AND RATIONALES',
    ]);
    assert.ok(roots.every((s) => s.kind === SECTION_KIND));
    const issues = roots[4];
    assert.deepEqual(issues.children?.map((s) => [s.name, s.detail, s.kind]), [
      ['Upheld: Norco 10/325 mg #120', 'pharmaceuticals', SymbolKind.Constant],
      ['Overturned: Physical therapy 2 x 6 for the lumbar spine', 'physical-medicine', SymbolKind.Event],
      ['Upheld: MRI of the right knee', 'diagnostics', SymbolKind.Constant],
      ['Upheld: Acupuncture 6 sessions', 'physical-medicine', SymbolKind.Constant],
      ['Upheld: Norco 10/325 mg #120', 'pharmaceuticals', SymbolKind.Constant],
    ]);
    const therapy = issues.children?.[1];
    assert.equal(therapy?.children, undefined, 'fields do not triple the outline');
    const name = positionOf(defects, 'Physical therapy 2 x 6');
    assert.deepEqual(therapy?.selectionRange, { start: name, end: { line: name.line, character: name.character + 'Physical therapy 2 x 6 for the lumbar spine'.length } });
  });

  it('name an item whose decision is missing "No decision: ..."', () => {
    const text = clean.replace('Norco 10/325 mg #120: Upheld', 'Norco 10/325 mg #120:');
    const found = itemSymbols(documentSymbols(lint(text).letter)).find((s) => s.name.includes('Norco'));
    assert.equal(found?.name, 'No decision: Norco 10/325 mg #120');
    assert.equal(found?.detail, 'pharmaceuticals');
  });

  it('workspace symbols: items whose name matches the query, with their container', () => {
    const found = letterSymbols(DEFECTS, lint(defects).letter, 'norco');
    assert.deepEqual(found.map((s) => [s.name, s.location.range.start.line]), [
      ['Norco 10/325 mg #120', lineOf(defects, 'Norco 10/325 mg #120: Upheld', 0)],
      ['Norco 10/325 mg #120', lineOf(defects, 'Norco 10/325 mg #120: Upheld', 1)],
    ]);
    assert.ok(found.every((s) => s.containerName?.endsWith(' · Upheld')));
    assert.ok(found.every((s) => s.location.uri === DEFECTS));
  });
});

describe('folding ranges', () => {
  it('fold sections, items and fields, one fold per start line', () => {
    const folds = foldingRanges(lint(defects).letter);
    const has = (start: number, end: number) => folds.some((f) => f.startLine === start && f.endLine === end);
    const lastLine = defects.trimEnd().split('\n').length - 1;
    assert.ok(has(lineOf(defects, 'IMR ISSUES, DECISIONS'), lastLine), 'the issues section');
    assert.ok(has(lineOf(defects, 'Norco 10/325 mg #120: Upheld'), lineOf(defects, 'is not medically necessary.')), 'the first item');
    const maximus = lineOf(defects, 'MAXIMUS guideline: Decision based on MTUS Chronic');
    assert.ok(has(maximus, maximus + 1), 'the first MAXIMUS guideline field');
    assert.ok(folds.every((f) => f.endLine > f.startLine));
    assert.equal(new Set(folds.map((f) => f.startLine)).size, folds.length);
  });

  it('stop at the client\'s rangeLimit', () => {
    assert.equal(foldingRanges(lint(defects).letter, 2).length, 2);
  });
});

describe('hover', () => {
  it('explains an Upheld and an Overturned decision with their legal source', () => {
    const upheld = hoverText(defects, ': Upheld', 3);
    assert.match(upheld, /\*\*Upheld\*\*/);
    assert.match(upheld, /not medically necessary/);
    assert.match(upheld, /Labor Code 4610\.6/);
    const overturned = hoverText(defects, 'Overturned', 2);
    assert.match(overturned, /\*\*Overturned\*\*/);
    assert.match(overturned, /five working days/);
    assert.match(overturned, /8 CCR 9792\.10\.7/);
  });

  it('classifies a guideline citation', () => {
    assert.match(hoverText(defects, 'MAXIMUS guideline: Decision based on MTUS Chronic', 30), /MTUS Chronic Pain Medical Treatment Guidelines \(2009\)/);
    assert.match(hoverText(defects, 'Official Disability Guidelines (ODG) Low Back'), /ODG, Official Disability Guidelines \(non-MTUS\)/);
    assert.match(hoverText(defects, 'Chapter 13, Knee'), /chapter 13: Knee Complaints/);
    assert.match(hoverText(defects, 'did not cite any medical evidence'), /No medical evidence cited/);
  });

  it('on a defect: why it matters and a link to the rule page', () => {
    const text = hoverText(defects, 'MRI of the right knee: Upheld', 2);
    assert.match(text, /\*\*Why it matters:\*\*/);
    assert.match(text, /docs\/rules\/missing-guideline\.md/);
  });

  it('answers null on plain text and past the end', () => {
    assert.equal(hover(lint(defects), positionOf(defects, 'injured worker is')), null);
    assert.equal(hover(lint(defects), { line: 100000, character: 5 }), null);
  });
});

describe('code actions', () => {
  const document = TextDocument.create(DEFECTS, 'imr', 1, defects);
  const analysis = analyse(DEFECTS, defects, 1);
  const diagnostics = toLspDiagnostics(analysis);
  const actionsFor = (code: string, only?: string[], versionedEdits = true) => {
    const diagnostic = diagnostics.find((d) => d.code === code);
    assert.ok(diagnostic, code);
    const params: CodeActionParams = { textDocument: { uri: DEFECTS }, range: diagnostic.range, context: { diagnostics: [diagnostic], only } };
    return codeActions({ document, analysis, result: analysis.result!, params, versionedEdits });
  };

  it('never edit the letter: every defect gets a note to copy and its rule page', () => {
    for (const diagnostic of diagnostics) {
      const actions = actionsFor(String(diagnostic.code));
      assert.deepEqual(actions.filter((a) => a.edit !== undefined).map((a) => a.title), [], `${String(diagnostic.code)}: an action edits the letter`);
      assert.ok(actions.some((a) => a.command?.command === 'imr.copyDefectNote'), `${String(diagnostic.code)}: a note to copy`);
    }
    const page = actionsFor('missing-guideline').find((a) => a.command?.command === 'imr.openRulePage');
    assert.deepEqual(page?.command?.arguments, ['missing-guideline']);
  });

  it('offer to disable the rule, and a source action that lists every defect', () => {
    const disable = actionsFor('duplicate-item').find((a) => a.command?.command === 'imr.disableRule');
    assert.deepEqual(disable?.command?.arguments, ['duplicate-item']);
    assert.equal(disable?.title, 'Turn off the rule "Item decided twice" in this workspace');
    const params: CodeActionParams = { textDocument: { uri: DEFECTS }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source'] } };
    const sources = codeActions({ document, analysis, result: analysis.result!, params, versionedEdits: true });
    assert.deepEqual(sources.map((a) => [a.kind, a.command?.command]), [['source.imr.listDefects', 'imr.listDefects']]);
  });
});

describe('settings', () => {
  const store = (fetched: unknown, initializationOptions?: unknown) =>
    new SettingsStore(fetched === undefined ? null : () => Promise.resolve(fetched), initializationOptions, () => undefined);

  it('bad values fall back to the defaults; good ones are kept', async () => {
    const settings = await store({ enable: 'yes', rules: { 'missing-guideline': 'error', 'duplicate-item': 'loud', x: 3 }, trace: { server: 'verbose' } }).get('file:///a.imr');
    assert.deepEqual(settings, { enable: true, rules: { 'missing-guideline': 'error' }, trace: { server: 'verbose' }, workspace: { enable: true, maxLetters: 10_000 } });
    assert.deepEqual(await store('nonsense').get('file:///a.imr'), DEFAULT_SETTINGS);
  });

  it('initializationOptions serve a client without workspace/configuration, in any of its shapes, and pushes replace them', async () => {
    const rules = { 'missing-rationale': 'error' };
    for (const options of [{ rules }, { imr: { rules } }, { settings: { rules } }]) {
      assert.deepEqual((await store(undefined, options).get('file:///a.imr')).rules, rules);
    }
    const pushed = store(undefined, { rules });
    pushed.changed({ imr: { enable: false } });
    assert.equal((await pushed.get('file:///a.imr')).enable, false);
  });

  it('the lint key changes with what changes lint results, and not with the trace', () => {
    const base = lintSettingsKey(DEFAULT_SETTINGS);
    assert.notEqual(lintSettingsKey({ ...DEFAULT_SETTINGS, enable: false }), base);
    assert.notEqual(lintSettingsKey({ ...DEFAULT_SETTINGS, rules: { 'missing-guideline': 'off' } }), base);
    assert.equal(lintSettingsKey({ ...DEFAULT_SETTINGS, trace: { server: 'verbose' } }), base);
  });
});

describe('the text of a PDF open in VS Code (imr-pdf:)', () => {
  it('names its PDF, as VS Code encodes it, and nothing else', () => {
    // vscode.Uri.toString() encodes the query once more: %20 in the PDF's URI arrives as %2520.
    assert.equal(pdfOfTextUri('imr-pdf:/tmp/a%20b/x.pdf.imr?file%3A///tmp/a%2520b/x.pdf'), 'file:///tmp/a%20b/x.pdf');
    assert.equal(pdfOfTextUri(`imr-pdf:/tmp/x.pdf.imr?${encodeURIComponent('file:///tmp/x.pdf')}`), 'file:///tmp/x.pdf');
    assert.equal(pdfOfTextUri('file:///tmp/x.pdf'), null);
    assert.equal(pdfOfTextUri('imr-pdf:/tmp/x.pdf.imr'), null, 'no query');
    assert.equal(pdfOfTextUri('imr-pdf:/tmp/x.pdf.imr?https%3A//example.com/x.pdf'), null, 'only a local file');
    assert.equal(pdfOfTextUri('imr-pdf:/tmp/x.pdf.imr?%E0%A4%A'), null, 'malformed escapes');
  });

  it('while it is open, its PDF counts as open; after close, no longer', () => {
    const store = new DocumentStore();
    const view = 'imr-pdf:/tmp/a%20b/x.pdf.imr?file%3A///tmp/a%2520b/x.pdf';
    store.open({ textDocument: { uri: view, languageId: 'imr', version: 1, text: 'x' } });
    assert.equal(store.isOpen('file:///tmp/a%20b/x.pdf'), true);
    assert.equal(store.isOpen('file:///tmp/a%20b/y.pdf'), false);
    store.close(view);
    assert.equal(store.isOpen('file:///tmp/a%20b/x.pdf'), false);
  });
});

describe('workspace letters kept packed', () => {
  it('unpackItems gives back what packItems took: names of any text, every decision, rule lists', () => {
    const range = (a: number, b: number, c: number, d: number) => ({ start: { line: a, character: b }, end: { line: c, character: d } });
    const items = [
      { name: 'Norco 10/325 mg #120', decision: 'Upheld' as const, nameRange: range(3, 0, 3, 20), rules: ['missing-guideline', 'uncited-guideline'] },
      { name: '', decision: null, nameRange: range(9, 2, 9, 2), rules: [] },
      { name: 'Physical therapy, 2 × 6,\nlumbar — café', decision: 'Overturned' as const, nameRange: range(70000, 5, 70001, 14), rules: ['missing-decision'] },
    ];
    assert.deepEqual(unpackItems(packItems(items)), items);
    assert.deepEqual(unpackItems(packItems([])), []);
  });

  it('a workspace letter keeps its diagnostics as JSON that gives back the LSP diagnostics', () => {
    const text = fixture('defects.imr');
    const outcome = lintLetterText({ file: '/w/defects.imr', uri: 'file:///w/defects.imr', settings: DEFAULT_SETTINGS, settingsKey: lintSettingsKey(DEFAULT_SETTINGS), knownId: null }, text, true);
    assert.equal(outcome.kind, 'letter');
    if (outcome.kind !== 'letter') return;
    const result = lint(text);
    const expected = toLspDiagnostics({ ...analyse('file:///w/defects.imr', text), version: 0, revision: 0 });
    assert.ok(expected.length > 0);
    assert.deepEqual(workspaceDiagnostics(outcome.letter), JSON.parse(JSON.stringify(expected)));
    assert.equal(outcome.letter.problems, result.diagnostics.length);
    assert.deepEqual(unpackItems(outcome.letter.items).map((i) => i.name), result.letter.items.map((i) => i.name));
    // Published from that JSON as it stands: the same notification the library would encode.
    const uri = 'file:///w/d%C3%A9cision%20%22quoted%22.imr';
    assert.deepEqual(JSON.parse(publishDiagnosticsJson(uri, outcome.letter).toString('utf8')), {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri, diagnostics: workspaceDiagnostics(outcome.letter) },
    });
  });
});
