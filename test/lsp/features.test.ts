// Protocol tests of every feature, against the built server over stdio, with a client that gets
// pushed diagnostics (no pull support), as Neovim and Emacs do: that each request reaches its
// feature and comes back right. What each feature answers is tested in-process (inprocess.test.ts).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  CodeActionRequest,
  CodeLensRequest,
  DiagnosticSeverity,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  SymbolKind,
  TextDocumentSyncKind,
  WorkspaceSymbolRequest,
  type CodeAction,
  type Command,
  type DocumentSymbol,
  type MarkupContent,
  type SymbolInformation,
} from 'vscode-languageserver-protocol';
import type { ListDefectsResult } from '../../server/src/shared/protocol';
import { fixtureUri, LspClient } from './client';
import { fixture, lineOf, positionOf } from './text';
import { itemSymbols } from './symbols';

const DEFECTS = fixtureUri('defects.imr');
const CLEAN = fixtureUri('clean.imr');
const defects = fixture('defects.imr');
const clean = fixture('clean.imr');

let client: LspClient;

before(async () => {
  client = await LspClient.start();
  client.open(DEFECTS, defects);
  client.open(CLEAN, clean);
});

after(async () => {
  await client.stop();
  // No letter text in the server's log: an item name of the letters must not appear in it.
  const logged = client.logs.map((log) => log.message).join('\n');
  assert.ok(!logged.includes('Norco') && !logged.includes('lumbar spine'), 'the server logged letter text');
  assert.equal(client.exited, 0, 'the server exits cleanly after shutdown and exit');
});

async function symbols(uri: string): Promise<DocumentSymbol[]> {
  return (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
}

async function hoverText(uri: string, text: string, needle: string, offset = 1, nth = 0): Promise<string> {
  const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, needle, offset, nth) });
  assert.ok(result, `a hover on "${needle}"`);
  return (result.contents as MarkupContent).value;
}

describe('initialize', () => {
  it('announces incremental sync, the features and pushed diagnostics', () => {
    const { capabilities, serverInfo } = client.initializeResult;
    assert.equal(serverInfo?.name, 'imr-language-server');
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });
    assert.ok(capabilities.documentSymbolProvider && capabilities.foldingRangeProvider && capabilities.hoverProvider);
    assert.ok(capabilities.workspaceSymbolProvider && capabilities.codeActionProvider);
    assert.deepEqual(capabilities.codeLensProvider, { resolveProvider: false });
    assert.deepEqual(capabilities.executeCommandProvider?.commands, ['imr.listDefects']);
    assert.equal(capabilities.diagnosticProvider, undefined, 'no pull diagnostics for a client without them');
  });
});

describe('diagnostics', () => {
  it('are pushed on open with source, rule id, doc link, severity, related information and fix data', async () => {
    const published = await client.waitForDiagnostics(DEFECTS, 1);
    const codes = published.diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ['claims-administrator-uncited', 'duplicate-item', 'missing-guideline', 'missing-rationale']);
    for (const diagnostic of published.diagnostics) {
      assert.equal(diagnostic.source, 'imr');
      const href = diagnostic.codeDescription?.href;
      assert.ok(href?.startsWith('file://') && href.endsWith(`/docs/rules/${diagnostic.code}.md`), `href of ${diagnostic.code}: ${href}`);
      if (!href) continue;
      assert.ok(existsSync(fileURLToPath(href)), `the rule doc ${fileURLToPath(href)} exists`);
      assert.equal((diagnostic.data as { version: number }).version, 1);
    }
    const byCode = new Map(published.diagnostics.map((d) => [d.code, d]));
    assert.equal(byCode.get('missing-guideline')?.severity, DiagnosticSeverity.Warning);
    assert.equal(byCode.get('claims-administrator-uncited')?.severity, DiagnosticSeverity.Information);
    assert.equal(byCode.get('missing-guideline')?.range.start.line, lineOf(defects, 'MRI of the right knee: Upheld'));
    const duplicate = byCode.get('duplicate-item')!;
    assert.equal(duplicate.range.start.line, lineOf(defects, 'Norco 10/325 mg #120: Upheld', 1));
    assert.equal(duplicate.relatedInformation?.length, 1);
    assert.equal(duplicate.relatedInformation[0].location.uri, DEFECTS);
    assert.equal(duplicate.relatedInformation[0].location.range.start.line, lineOf(defects, 'Norco 10/325 mg #120: Upheld', 0));
    // Letters are evidence: no diagnostic carries an edit.
    assert.ok(published.diagnostics.every((d) => (d.data as { fixes: unknown[] }).fixes.length === 0));
  });

  it('are empty for a letter without defects', async () => {
    assert.deepEqual((await client.waitForDiagnostics(CLEAN, 1)).diagnostics, []);
  });
});

describe('document symbols', () => {
  it('nest items in their section, decision first, plain kinds, no fields and no decision twice', async () => {
    const roots = await symbols(DEFECTS);
    assert.deepEqual(roots.map((s) => s.name), [
      'Case details',
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      'The Expert Reviewer has the following credentials:',
      'CLINICAL CASE SUMMARY',
      'IMR ISSUES, DECISIONS AND RATIONALES',
    ]);
    assert.ok(roots.every((s) => s.kind === SymbolKind.File));
    const issues = roots[4];
    assert.deepEqual(issues.children?.map((s) => [s.name, s.detail, s.kind]), [
      ['Upheld: Norco 10/325 mg #120', 'pharmaceuticals', SymbolKind.Constant],
      ['Overturned: Physical therapy 2 x 6 for the lumbar spine', 'physical-medicine', SymbolKind.Event],
      ['Upheld: MRI of the right knee', 'diagnostics', SymbolKind.Constant],
      ['Upheld: Acupuncture 6 sessions', 'physical-medicine', SymbolKind.Constant],
      ['Upheld: Norco 10/325 mg #120', 'pharmaceuticals', SymbolKind.Constant],
    ]);
    const therapy = issues.children[1];
    assert.equal(therapy.children, undefined, 'fields do not triple the outline');
    const name = positionOf(defects, 'Physical therapy 2 x 6');
    assert.deepEqual(therapy.selectionRange, { start: name, end: { line: name.line, character: name.character + 'Physical therapy 2 x 6 for the lumbar spine'.length } });
    const contains = (outer: DocumentSymbol['range'], inner: DocumentSymbol['range']) =>
      (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
      (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));
    const check = (symbol: DocumentSymbol, parent?: DocumentSymbol) => {
      assert.ok(contains(symbol.range, symbol.selectionRange), `${symbol.name}: range contains selectionRange`);
      if (parent) assert.ok(contains(parent.range, symbol.range), `${symbol.name} lies inside ${parent.name}`);
      symbol.children?.forEach((child) => check(child, symbol));
    };
    roots.forEach((root) => check(root));
  });

});

describe('folding ranges', () => {
  it('fold sections, items and fields', async () => {
    const folds = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: DEFECTS } })) ?? [];
    const has = (start: number, end: number) => folds.some((f) => f.startLine === start && f.endLine === end);
    const issues = lineOf(defects, 'IMR ISSUES, DECISIONS');
    const lastLine = defects.trimEnd().split('\n').length - 1;
    assert.ok(has(issues, lastLine), 'the issues section');
    const norco = lineOf(defects, 'Norco 10/325 mg #120: Upheld');
    assert.ok(has(norco, lineOf(defects, 'is not medically necessary.')), 'the first item');
    const maximus = lineOf(defects, 'MAXIMUS guideline: Decision based on MTUS Chronic');
    assert.ok(has(maximus, maximus + 1), 'the first MAXIMUS guideline field');
    assert.ok(folds.every((f) => f.endLine > f.startLine));
  });
});

describe('meaning for the case', () => {
  it('a code lens at the Decision Date gives the last day to petition the WCAB, from service', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: CLEAN } });
    // clean.imr: Decision Date 02/01/2017 + 35 days = 2017-03-08, a Wednesday and no holiday.
    const appeal = lenses?.find((l) => l.command?.title.startsWith('Upheld items'));
    assert.ok(appeal, 'an appeal lens');
    assert.equal(appeal.range.start.line, lineOf(clean, '02/01/2017'));
    assert.match(appeal.command!.title, /last day to petition the WCAB Wednesday 2017-03-08/);
    assert.match(appeal.command!.title, /2017-02-01 \+ 30 days \+ 5 for mailing/);
    assert.match(appeal.command!.title, /runs from service: the proof of service governs/);
    assert.equal(appeal.command!.command, '');
    const overturned = lenses?.filter((l) => l.command?.title.startsWith('Overturned')) ?? [];
    assert.equal(overturned.length, 1);
    assert.equal(overturned[0].range.start.line, lineOf(clean, 'Physical therapy 2 x 6'));
    assert.match(overturned[0].command!.title, /5 working days of receiving the determination.*8 CCR 9792\.10\.7\(a\)/);
  });

  it('the appeal lens carries the last day past a weekend and a holiday', async () => {
    const uri = 'untitled:thanksgiving.imr';
    // 10/21/2016 + 35 days = Friday 2016-11-25, the day after Thanksgiving: Monday 2016-11-28.
    client.open(uri, clean.replace('02/01/2017', '10/21/2016').replace('01/02/2017', '10/03/2016'));
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    const appeal = lenses?.find((l) => l.command?.title.startsWith('Upheld items'));
    assert.match(appeal?.command?.title ?? '', /Monday 2016-11-28 .*moved past Day after Thanksgiving, Saturday, Sunday/);
    client.close(uri);
  });

  it('no appeal lens without an Upheld item', async () => {
    const uri = 'untitled:overturned.imr';
    client.open(uri, clean.replace('Norco 10/325 mg #120: Upheld', 'Norco 10/325 mg #120: Overturned'));
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    assert.deepEqual(lenses.map((l) => l.command?.title.split(':')[0]), ['Overturned', 'Overturned']);
    client.close(uri);
  });

  it('a hover on a date says what it is and the days between the steps', async () => {
    const decided = await hoverText(CLEAN, clean, '02/01/2017', 2);
    assert.match(decided, /\*\*Decision Date\*\*: 2017-02-01 \(Wednesday\)/);
    assert.match(decided, /30 days after the Date Assigned \(2017-01-02\)/);
    assert.match(decided, /directory, not mandatory/);
    assert.match(decided, /proof of service governs/);
    const assigned = await hoverText(CLEAN, clean, '01/02/2017', 2);
    assert.match(assigned, /\*\*Date Assigned\*\*: 2017-01-02 \(Monday\)/);
    assert.match(assigned, /30 days before the Decision Date/);
    assert.match(assigned, /Notice of Assignment/);
  });

  it('a hover on an item name gives its category, drug group and both guideline classes', async () => {
    const norco = await hoverText(CLEAN, clean, 'Norco 10/325', 2);
    assert.match(norco, /\*\*Category\*\*: `pharmaceuticals` · \*\*drug group\*\*: `opioids`/);
    assert.match(norco, /\| MAXIMUS guideline \(IMR reviewer\) \| Claims Administrator guideline \(UR\) \|/);
    assert.match(norco, /\| `mtus-chronic-pain` MTUS Chronic Pain Medical Treatment Guidelines \(2009\) \| `mtus-chronic-pain`/);
    const therapy = await hoverText(CLEAN, clean, 'Physical therapy 2 x 6', 2);
    assert.match(therapy, /`physical-medicine`/);
    assert.doesNotMatch(therapy, /drug group/);
    assert.match(therapy, /`mtus-acoem` MTUS \/ ACOEM Practice Guidelines, 2nd Edition \(2004\), chapter 12: Low Back Complaints/);
  });
});

describe('hover', () => {
  it('explains an Upheld and an Overturned decision with their legal source', async () => {
    const upheld = await hoverText(DEFECTS, defects, ': Upheld', 3);
    assert.match(upheld, /\*\*Upheld\*\*/);
    assert.match(upheld, /not medically necessary/);
    assert.match(upheld, /Labor Code 4610\.6/);
    const overturned = await hoverText(DEFECTS, defects, 'Overturned', 2);
    assert.match(overturned, /\*\*Overturned\*\*/);
    assert.match(overturned, /five working days/);
    assert.match(overturned, /8 CCR 9792\.10\.7/);
  });

  it('classifies a guideline citation', async () => {
    const chronic = await hoverText(DEFECTS, defects, 'MAXIMUS guideline: Decision based on MTUS Chronic', 30);
    assert.match(chronic, /MTUS Chronic Pain Medical Treatment Guidelines \(2009\)/);
    assert.match(chronic, /4610\.5\(c\)\(2\)\(A\)/);
    const odg = await hoverText(DEFECTS, defects, 'Official Disability Guidelines (ODG) Low Back');
    assert.match(odg, /ODG, Official Disability Guidelines \(non-MTUS\)/);
    assert.match(odg, /Not part of the MTUS/);
    const knee = await hoverText(DEFECTS, defects, 'Chapter 13, Knee');
    assert.match(knee, /chapter 13: Knee Complaints/);
    const acupuncture = await hoverText(DEFECTS, defects, 'MAXIMUS guideline: Decision based on MTUS Acupuncture', 40);
    assert.match(acupuncture, /MTUS Acupuncture Medical Treatment Guidelines \(8 CCR 9792\.24\.1\)/);
    const none = await hoverText(DEFECTS, defects, 'did not cite any medical evidence');
    assert.match(none, /No medical evidence cited/);
    assert.match(none, /not a defect of this letter/);
  });

  it('on a defect: at most three short lines, then a link, without repeating the message', async () => {
    const published = await client.waitForDiagnostics(DEFECTS, 1);
    for (const diagnostic of published.diagnostics) {
      const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: DEFECTS }, position: diagnostic.range.end });
      const text = (result?.contents as MarkupContent).value;
      const mine = text.split('\n\n---\n\n').find((part) => part.includes(`docs/rules/${diagnostic.code}.md`));
      assert.ok(mine, `a hover part for ${diagnostic.code}`);
      const lines = mine.split('\n').filter((line) => line.trim());
      assert.ok(lines.length <= 3, `${diagnostic.code}: ${lines.length} lines`);
      assert.match(lines[lines.length - 1], /^\[More about .+\]\(file:.+\.md\)$/);
      assert.ok(!mine.includes(diagnostic.message), `${diagnostic.code} repeats its message`);
      assert.ok(mine.length < 600, `${diagnostic.code}: ${mine.length} characters`);
    }
    const text = await hoverText(DEFECTS, defects, 'MRI of the right knee: Upheld', 2);
    assert.match(text, /\*\*Why it matters:\*\* By Labor Code 4610\.5/);
    assert.match(text, /docs\/rules\/missing-guideline\.md/);
  });

  it('on an item name: decision, guideline and verdict in one place', async () => {
    const text = await hoverText(DEFECTS, defects, 'Physical therapy 2 x 6', 3);
    assert.match(text, /\*\*Physical therapy 2 x 6 for the lumbar spine\*\*: \*\*Overturned\*\*, the denial is reversed/);
    assert.match(text, /Guideline: /);
    assert.match(text, /Rationale concludes: medically necessary\./);
  });

  it('on the case number: the letter at a glance', async () => {
    const caseNumber = /CM\d{2}-\d{7}/.exec(defects)![0];
    const text = await hoverText(DEFECTS, defects, caseNumber, 2);
    assert.match(text, new RegExp(`\\*\\*IMR case ${caseNumber}\\*\\*`));
    assert.match(text, /5 items: 4 upheld \(denial stands\), 1 overturned/);
  });

  it('answers null on plain text and past the end', async () => {
    const plain = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: DEFECTS }, position: positionOf(defects, 'injured worker is') });
    assert.equal(plain, null);
    const past = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: DEFECTS }, position: { line: 100000, character: 5 } });
    assert.equal(past, null);
  });
});

describe('code actions', () => {
  it('never edit the letter: copy a note and open the rule page instead', async () => {
    const published = await client.waitForDiagnostics(DEFECTS, 1);
    assert.ok(published.diagnostics.length >= 4);
    for (const diagnostic of published.diagnostics) {
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: DEFECTS }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
      })) as CodeAction[];
      assert.ok(actions.length >= 3, `${diagnostic.code}: ${actions.length} actions`);
      assert.deepEqual(actions.filter((a) => a.edit !== undefined).map((a) => a.title), [], `${diagnostic.code}: an action edits the letter`);
      const note = actions.find((a) => a.command?.command === 'imr.copyDefectNote');
      assert.equal(note?.title, 'Copy a note about this defect');
      const text = String(note?.command?.arguments?.[0]);
      const caseNumber = /CM\d{2}-\d{7}/.exec(defects)![0];
      assert.ok(text.startsWith(`IMR case ${caseNumber} (defects.imr)`), text);
      assert.ok(text.includes(`line ${diagnostic.range.start.line + 1}: ${diagnostic.message}`), text);
      assert.ok(text.includes(`[IMR Letters rule ${diagnostic.code}: `), text);
      const page = actions.find((a) => a.command?.command === 'imr.openRulePage');
      assert.deepEqual(page?.command?.arguments, [diagnostic.code]);
    }
    const guideline = published.diagnostics.find((d) => d.code === 'missing-guideline')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: DEFECTS }, range: guideline.range, context: { diagnostics: [guideline] },
    })) as CodeAction[];
    const note = String(actions.find((a) => a.command?.command === 'imr.copyDefectNote')?.command?.arguments?.[0]);
    assert.match(note, /, item 3 "MRI of the right knee" \(Upheld\), line \d+: /);
    assert.equal(actions.find((a) => a.command?.command === 'imr.openRulePage')?.title, 'Open the page of the rule "Guideline missing"');
  });

  it('offer to disable the rule, and a source action that lists every defect', async () => {
    const published = await client.waitForDiagnostics(DEFECTS, 1);
    const diagnostic = published.diagnostics.find((d) => d.code === 'duplicate-item')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: DEFECTS }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const disable = actions.find((a) => a.command?.command === 'imr.disableRule');
    assert.deepEqual(disable?.command?.arguments, ['duplicate-item']);
    assert.equal(disable?.title, 'Turn off the rule "Item decided twice" in this workspace');

    const sources = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: DEFECTS }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source'] },
    })) as CodeAction[];
    assert.deepEqual(sources.map((a) => [a.kind, a.command?.command]), [['source.imr.listDefects', 'imr.listDefects']]);
    const listed = (await client.connection.sendRequest(ExecuteCommandRequest.type, sources[0].command as Command)) as ListDefectsResult;
    assert.equal(listed.count, 4);
    assert.equal(listed.version, 1);
    const lines = listed.text.trimEnd().split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines.find((l: string) => l.includes('missing-guideline')) ?? '', new RegExp(`^${lineOf(defects, 'MRI of the right knee') + 1}:1 warning missing-guideline `));
  });

  it('forwarded imr.disableRule gets advice about the setting, not an error', async () => {
    const message = client.waitFor<{ message: string }>('showMessage', (m) => m.message.includes('missing-rationale'), 'advice');
    const result: unknown = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'imr.disableRule', arguments: ['missing-rationale'] });
    assert.equal(result, null);
    assert.match((await message).message, /"imr\.rules": \{ "missing-rationale": "off" \}/);
  });
});

describe('workspace symbols', () => {
  it('find the items of every open letter by name, ignoring case, as a subsequence', async () => {
    const query = async (q: string) => (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: q })) as SymbolInformation[];
    const norco = await query('NORCO');
    assert.deepEqual(norco.map((s) => s.location.uri).sort(), [CLEAN, DEFECTS, DEFECTS]);
    assert.ok(norco.every((s) => s.name === 'Norco 10/325 mg #120' && s.kind === SymbolKind.Constant));
    const clean = norco.find((s) => s.location.uri === CLEAN)!;
    assert.equal(clean.containerName, 'CM99-0000002 · Upheld');
    assert.deepEqual(clean.location.range.start, positionOf(fixture('clean.imr'), 'Norco'));
    const therapy = await query('phys lumb');
    assert.equal(therapy.length, 2);
    assert.ok(therapy.every((s) => s.kind === SymbolKind.Event));
    assert.equal((await query('')).length, 7);
    assert.deepEqual(await query('zzz'), []);
  });
});

describe('settings', () => {
  it('a configuration change re-lints with the new severities, and imr.enable turns the server off', async () => {
    const uri = 'untitled:settings.imr';
    client.open(uri, defects);
    await client.waitForDiagnostics(uri, 1);
    const changed = client.waitFor<{ uri: string; diagnostics: Array<{ code?: unknown; severity?: number }> }>('diagnostics',
      (p) => p.uri === uri && !p.diagnostics.some((d) => d.code === 'duplicate-item'), 'diagnostics under new settings');
    const requestsBefore = client.configurationRequests;
    client.changeSettings({ rules: { 'missing-guideline': 'error', 'duplicate-item': 'off' } });
    const published = await changed;
    assert.ok(client.configurationRequests > requestsBefore, 'settings are pulled again after the change');
    assert.equal(published.diagnostics.find((d) => d.code === 'missing-guideline')?.severity, DiagnosticSeverity.Error);
    assert.equal(published.diagnostics.find((d) => d.code === 'missing-rationale')?.severity, DiagnosticSeverity.Warning);

    const off = client.waitFor<{ uri: string; diagnostics: unknown[] }>('diagnostics', (p) => p.uri === uri && p.diagnostics.length === 0, 'no diagnostics');
    client.changeSettings({ enable: false });
    await off;
    assert.deepEqual(await symbols(uri), []);

    const back = client.waitFor<{ uri: string; diagnostics: unknown[] }>('diagnostics', (p) => p.uri === uri && p.diagnostics.length === 4, 'defaults again');
    client.changeSettings({});
    await back;
    client.close(uri);
  });
});

describe('incremental edits', () => {
  it('add and remove a defect; diagnostics follow every version and never go back', async () => {
    const uri = 'untitled:edits.imr';
    client.open(uri, clean);
    assert.deepEqual((await client.waitForDiagnostics(uri, 1)).diagnostics, []);
    // Delete the "Decision rationale: " label of the first item: its rationale is gone.
    const label = positionOf(clean, 'Decision rationale: ');
    let version = client.change(uri, [{ range: { start: label, end: { line: label.line, character: label.character + 'Decision rationale: '.length } }, text: '' }]);
    const broken = await client.waitForDiagnostics(uri, version);
    assert.deepEqual(broken.diagnostics.map((d) => d.code), ['missing-rationale']);
    version = client.change(uri, [{ range: { start: label, end: label }, text: 'Decision rationale: ' }]);
    assert.equal(client.text(uri), clean);
    assert.deepEqual((await client.waitForDiagnostics(uri, version)).diagnostics, []);

    // A burst of one-character edits, as typing sends them: the last version gets its diagnostics.
    const published = client.published.get(uri)!;
    const before = published.length;
    const name = positionOf(clean, 'Norco');
    for (let i = 0; i < 30; i++) version = client.change(uri, [{ range: { start: name, end: name }, text: 'x' }]);
    const last = await client.waitForDiagnostics(uri, version);
    assert.deepEqual(last.diagnostics, []);
    const versions = published.slice(before).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'publishes never go back to an older version');
    const symbolNames = itemSymbols(await symbols(uri)).map((s) => s.name);
    assert.equal(symbolNames[0], 'Upheld: ' + 'x'.repeat(30) + 'Norco 10/325 mg #120');
    client.close(uri);
    assert.deepEqual((await client.waitForDiagnostics(uri, undefined)).diagnostics, [], 'closing clears the diagnostics');
  });
});
