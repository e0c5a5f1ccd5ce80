/// <reference types="mocha" />
// The extension in the real extension host: letters open as `imr`, the language server's
// diagnostics, outline, folding, hovers and quick fixes reach VS Code, and settings change them.
// The workspace is a temp copy of test/editors/fixtures/ (the runners make it).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { checkLetterView, expectations, type DiagnosticLike } from '../../editors/expectations';
import { measurements } from './index';
import { codeOf, lspSeverity, waitFor, waitForDiagnostics, waitForLanguage } from './waitFor';

const EXTENSION_ID = 'imr-letters.imr-letters';

interface ImrExtensionApi {
  activationMs: number;
  serverReady(): Promise<void>;
  openedReadOnly(uri: vscode.Uri): Promise<boolean>;
}

function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the extension tests need a workspace folder holding the fixture letters');
  return vscode.Uri.joinPath(folder.uri, name);
}

function asLike(diagnostics: readonly vscode.Diagnostic[]): DiagnosticLike[] {
  return diagnostics.map((d) => ({ code: codeOf(d), severity: lspSeverity(d.severity), range: { start: { line: d.range.start.line } } }));
}

function hasCodes(...codes: string[]): (diagnostics: vscode.Diagnostic[]) => boolean {
  return (diagnostics) => codes.every((code) => diagnostics.some((d) => codeOf(d) === code));
}

async function open(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(name));
  await vscode.window.showTextDocument(document);
  return document;
}

/** A fresh copy of a fixture under a new name, for tests that edit the text. */
async function copyOf(fixture: string, name: string): Promise<vscode.Uri> {
  const target = workspaceUri(name);
  await vscode.workspace.fs.writeFile(target, await vscode.workspace.fs.readFile(workspaceUri(fixture)));
  return target;
}

async function setRules(rules: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('imr').update('rules', rules, vscode.ConfigurationTarget.Workspace);
}

suite('IMR letters in VS Code', () => {
  const defects = expectations['defects.imr'];

  suiteSetup(async () => {
    await setRules(undefined);
    const extension = vscode.extensions.getExtension<ImrExtensionApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this extension host`);
    const api = await extension.activate();
    measurements.activationMs = api.activationMs;
    await api.serverReady();
  });

  suiteTeardown(async () => {
    await setRules(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the extension activates in well under a second', () => {
    assert.ok(Number.isFinite(measurements.activationMs) && measurements.activationMs > 0, `activationMs = ${measurements.activationMs}`);
    assert.ok(measurements.activationMs < 1000, `activate() took ${measurements.activationMs} ms`);
  });

  test('a .imr letter opens as imr with its defects in the Problems and every item in the outline', async () => {
    const document = await open('defects.imr');
    assert.equal(document.languageId, 'imr');
    const diagnostics = await waitForDiagnostics(document.uri, hasCodes(...defects.defects.map((d) => d.code)), 'the defects of defects.imr');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    checkLetterView(defects, asLike(diagnostics), symbols);
    for (const d of diagnostics) {
      const target = typeof d.code === 'object' ? d.code.target : undefined;
      assert.ok(target, `${codeOf(d)} links to no rule documentation`);
      assert.match(target.toString(), new RegExp(codeOf(d)), `${codeOf(d)} links to ${target.toString()}`);
    }
  });

  test('folding ranges cover each item block', async () => {
    const document = await open('defects.imr');
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    assert.ok(ranges?.length, 'no folding ranges');
    for (const item of defects.items) {
      const fold = ranges.find((r) => r.start === item.firstLine);
      assert.ok(fold, `no fold starts at item line ${item.firstLine}; folds: ${JSON.stringify(ranges.map((r) => [r.start, r.end]))}`);
      assert.equal(fold.end, item.lastLine, `the fold of item line ${item.firstLine} ends at ${fold.end}`);
    }
  });

  test('hovering a decision explains it, hovering a defect shows its rule', async () => {
    const document = await open('defects.imr');
    const itemLine = document.lineAt(defects.items[0].firstLine).text;
    const decisionAt = new vscode.Position(defects.items[0].firstLine, itemLine.lastIndexOf('Upheld') + 2);
    const onDecision = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, decisionAt);
    const decisionText = hoverText(onDecision);
    assert.match(decisionText, /not medically\s+necessary/i, 'the hover on "Upheld" does not say what it means');

    const diagnostics = await waitForDiagnostics(document.uri, hasCodes('missing-guideline'), 'missing-guideline');
    const defect = diagnostics.find((d) => codeOf(d) === 'missing-guideline');
    assert.ok(defect);
    const onDefect = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, defect.range.start);
    assert.match(hoverText(onDefect), /missing-guideline/);
  });

  test('letters are evidence: no action edits the letter, a note goes to the clipboard', async () => {
    const document = await open('defects.imr');
    const diagnostics = await waitForDiagnostics(document.uri, hasCodes('missing-guideline'), 'missing-guideline');
    const described = (list: vscode.CodeAction[]) => JSON.stringify(list.map((a) => ({ title: a.title, edit: a.edit !== undefined })));
    for (const defect of diagnostics) {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, defect.range);
      assert.ok(actions.every((a) => a.edit === undefined), `an action edits the letter: ${described(actions)}`);
    }
    const defect = diagnostics.find((d) => codeOf(d) === 'missing-guideline')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, defect.range, vscode.CodeActionKind.QuickFix.value);
    const note = actions.find((a) => a.command?.command === 'imr.copyDefectNote');
    assert.ok(note?.command, `no "Copy a note" action: ${described(actions)}`);
    const before = document.getText();
    await vscode.commands.executeCommand(note.command.command, ...((note.command.arguments ?? []) as unknown[]));
    assert.match(await vscode.env.clipboard.readText(), /, item 2 "Physical therapy 2 x 6 for the lumbar spine" \(Overturned\), line \d+: .*\[IMR Letters rule missing-guideline: Guideline missing\]/);
    assert.equal(document.getText(), before, 'the letter changed');
    // A letter opens read-only: an edit through the editor does not reach it.
    const uri = await copyOf('defects.imr', 'evidence.imr');
    const evidence = await open('evidence.imr');
    const api = vscode.extensions.getExtension<ImrExtensionApi>(EXTENSION_ID)!.exports;
    assert.equal(await api.openedReadOnly(uri), true, 'evidence.imr was not opened read-only');
    const original = evidence.getText();
    const editor = await vscode.window.showTextDocument(evidence);
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), 'x')).then(() => undefined, () => undefined);
    assert.equal(evidence.getText(), original, 'an edit reached the letter: it did not open read-only');
    assert.equal(evidence.isDirty, false);
  });

  test('imr.rules changes severities and turns rules off', async () => {
    const document = await open('defects.imr');
    const severityOf = (code: string) => (ds: vscode.Diagnostic[]) => ds.find((d) => codeOf(d) === code)?.severity;
    const initial = await waitForDiagnostics(document.uri, hasCodes('missing-rationale'), 'missing-rationale');
    assert.notEqual(severityOf('missing-rationale')(initial), vscode.DiagnosticSeverity.Error, 'missing-rationale is already an error by default');
    try {
      await setRules({ 'missing-rationale': 'error' });
      await waitForDiagnostics(document.uri, (ds) => severityOf('missing-rationale')(ds) === vscode.DiagnosticSeverity.Error, 'missing-rationale to become an error');
      await setRules({ 'missing-rationale': 'off' });
      // Wait for the settled state, not the first change: the client may clear a letter's
      // diagnostics for a moment before it pulls them again.
      const off = await waitForDiagnostics(
        document.uri,
        (ds) => !ds.some((d) => codeOf(d) === 'missing-rationale') && ds.some((d) => codeOf(d) === 'missing-guideline'),
        'missing-rationale to go away while missing-guideline stays',
      );
      assert.equal(off.filter((d) => codeOf(d) === 'missing-rationale').length, 0);
    } finally {
      await setRules(undefined);
    }
    const restored = await waitForDiagnostics(document.uri, hasCodes('missing-rationale'), 'missing-rationale to come back');
    assert.equal(severityOf('missing-rationale')(restored), severityOf('missing-rationale')(initial));
  });

  test('the imr.disableRule command turns a rule off in the workspace settings', async () => {
    const document = await open('defects.imr');
    await waitForDiagnostics(document.uri, hasCodes('missing-guideline'), 'missing-guideline');
    try {
      await vscode.commands.executeCommand('imr.disableRule', 'missing-guideline');
      const rules = vscode.workspace.getConfiguration('imr').inspect<Record<string, string>>('rules')?.workspaceValue;
      assert.equal(rules?.['missing-guideline'], 'off');
      await waitForDiagnostics(document.uri, (ds) => !ds.some((d) => codeOf(d) === 'missing-guideline'), 'missing-guideline to go away');
    } finally {
      await setRules(undefined);
    }
  });

  test('the imr.listDefects command lists the defects of the letter', async () => {
    const document = await open('defects.imr');
    const diagnostics = await waitForDiagnostics(document.uri, hasCodes('missing-guideline', 'missing-rationale'), 'the defects');
    const result = await vscode.commands.executeCommand<{ count: number; text: string }>('imr.listDefects', document.uri.toString());
    assert.equal(result?.count, diagnostics.length);
    for (const code of ['missing-guideline', 'missing-rationale']) assert.match(result.text, new RegExp(code));
  });

  test('imr.openRulePage shows the rule page rendered, never the Markdown text', async () => {
    const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    const isPreviewOf = (id: string) => (tab: vscode.Tab) =>
      tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType) && tab.label.includes(`${id}.md`);
    assert.equal(await vscode.commands.executeCommand<boolean>('imr.openRulePage', 'missing-guideline'), true);
    await waitFor(vscode.window.tabGroups.onDidChangeTabs, () => tabs().find(isPreviewOf('missing-guideline')), () => `a preview tab of missing-guideline.md; tabs: ${tabs().map((t) => t.label).join(', ')}`);
    const asText = tabs().filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.path.endsWith('/docs/rules/missing-guideline.md'));
    assert.deepEqual(asText.map((t) => t.label), [], 'the page also opened as an editable text');
    // Not a rule, or not a rule id: nothing opens.
    const before = tabs().length;
    assert.equal(await vscode.commands.executeCommand<boolean>('imr.openRulePage', 'no-such-rule'), false);
    assert.equal(await vscode.commands.executeCommand<boolean>('imr.openRulePage', '../../package'), false);
    assert.equal(tabs().length, before);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the rule links of problems and of defect hovers run imr.openRulePage', async () => {
    const document = await open('defects.imr');
    const diagnostics = await waitForDiagnostics(document.uri, hasCodes('missing-guideline', 'missing-rationale'), 'the defects');
    for (const d of diagnostics) {
      const target = typeof d.code === 'object' ? d.code.target : undefined;
      assert.equal(target?.scheme, 'command', `${codeOf(d)} links to ${target?.toString()}`);
      assert.equal(target.path, 'imr.openRulePage');
      assert.deepEqual(JSON.parse(target.query), [codeOf(d)]);
    }
    const defect = diagnostics.find((d) => codeOf(d) === 'missing-rationale')!;
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, defect.range.start));
    assert.match(text, /\[More about Rationale missing\]\(command:imr\.openRulePage\?%5B%22missing-rationale%22%5D\)/);
    assert.doesNotMatch(text, /file:/);
    // Then the defect's actions, at the hovered position (a read-only letter's hover has no "Quick Fix...").
    const actions = /\[Actions for this defect\]\(command:imr\.defectActions\?([^)]*)\)/.exec(text);
    assert.ok(actions, text);
    const { line, character } = defect.range.start;
    assert.deepEqual(JSON.parse(decodeURIComponent(actions[1])), [document.uri.toString(), line, character]);
  });

  test('the defect actions of a read-only letter (Ctrl+.) need a defect at the cursor', async () => {
    const document = await open('defects.imr');
    await waitForDiagnostics(document.uri, hasCodes('missing-guideline'), 'missing-guideline');
    const editor = await vscode.window.showTextDocument(document);
    // Line 1, the letter's heading: no defect there, so no picker (it would wait for a choice).
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.equal(await vscode.commands.executeCommand<boolean>('imr.defectActions'), false);
    // Nor at a position a hover link passes, nor with arguments that are not a position.
    assert.equal(await vscode.commands.executeCommand<boolean>('imr.defectActions', document.uri.toString(), 0, 0), false);
    assert.equal(await vscode.commands.executeCommand<boolean>('imr.defectActions', 'not a uri', -1, 0.5), false);
  });

  test('a .txt letter is recognised by its content and checked', async () => {
    const uri = workspaceUri('letter.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const document = await waitForLanguage(uri, 'imr');
    const diagnostics = await waitForDiagnostics(document.uri, hasCodes(...defects.defects.map((d) => d.code)), 'the defects of letter.txt');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    checkLetterView(expectations['letter.txt'], asLike(diagnostics), symbols);
  });

  test('a plain .txt note stays plain text', async () => {
    const note = await open('note.txt');
    // The detector handles documents in the order they open: once a letter opened after the
    // note has become imr, the note has been looked at too.
    const later = await copyOf('letter.txt', 'letter-after-note.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(later));
    await waitForLanguage(later, 'imr');
    const current = vscode.workspace.textDocuments.find((d) => d.uri.toString() === note.uri.toString());
    assert.equal(current?.languageId, 'plaintext');
    assert.deepEqual(vscode.languages.getDiagnostics(note.uri).map(codeOf), []);
  });
});

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}
