// Pull diagnostics (textDocument/diagnostic) for a client that supports them, as VS Code does:
// the server then does not push, answers "unchanged" for a result it already gave, and asks the
// client to pull again when the settings change.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DiagnosticSeverity,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  type DocumentDiagnosticReport,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { fixtureUri, LspClient, PULL_CAPABILITIES } from './client';
import { fixture, positionOf } from './text';

const DEFECTS = fixtureUri('defects.imr');
const defects = fixture('defects.imr');
let client: LspClient;

before(async () => {
  client = await LspClient.start({ capabilities: PULL_CAPABILITIES });
  client.open(DEFECTS, defects);
});

after(() => client.stop());

function pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
  return client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
}

function full(report: DocumentDiagnosticReport): FullDocumentDiagnosticReport {
  assert.equal(report.kind, 'full');
  return report;
}

describe('pull diagnostics', () => {
  it('are announced, and nothing is pushed', async () => {
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, { identifier: 'imr', interFileDependencies: false, workspaceDiagnostics: false });
    await pull(DEFECTS);
    // Any push would have been sent before the answer to this later request.
    await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: DEFECTS } });
    assert.equal(client.published.size, 0);
  });

  it('report the defects, then "unchanged" for the same version, then the new result after an edit', async () => {
    const first = full(await pull(DEFECTS));
    assert.deepEqual(first.items.map((d) => d.code).sort(), ['claims-administrator-uncited', 'duplicate-item', 'missing-guideline', 'missing-rationale']);
    assert.ok(first.items.every((d) => d.source === 'imr' && d.codeDescription?.href.endsWith(`${d.code}.md`)));
    assert.ok(first.resultId);
    const again = await pull(DEFECTS, first.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });

    // Remove the second "Norco" item's header: the duplicate is gone.
    const start = positionOf(defects, 'Norco 10/325 mg #120: Upheld', 0, 1);
    client.change(DEFECTS, [{ range: { start, end: { line: start.line, character: start.character + 4 } }, text: 'Tramadol' }]);
    const edited = full(await pull(DEFECTS, first.resultId));
    assert.notEqual(edited.resultId, first.resultId);
    assert.ok(!edited.items.some((d) => d.code === 'duplicate-item'));
    assert.equal(edited.items.length, 3);
  });

  it('a settings change asks the client to pull again, and the new pull has the new severities', async () => {
    const before = full(await pull(DEFECTS));
    const refreshed = client.waitFor('refresh', () => true, 'workspace/diagnostic/refresh');
    client.changeSettings({ rules: { 'missing-rationale': 'hint' } });
    await refreshed;
    const after = full(await pull(DEFECTS, before.resultId));
    assert.notEqual(after.resultId, before.resultId);
    assert.equal(after.items.find((d) => d.code === 'missing-rationale')?.severity, DiagnosticSeverity.Hint);
  });

  it('an unknown document gets an empty full report', async () => {
    assert.deepEqual(await pull('file:///nowhere/never-opened.imr'), { kind: 'full', items: [] });
  });
});
