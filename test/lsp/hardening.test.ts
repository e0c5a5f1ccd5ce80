// Issue 13, the server: a reused version number never serves the old text's results; the log
// names documents by a short hash unless tracing is on; one letter's diagnostics are capped.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DocumentDiagnosticRequest,
  type CodeAction,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { LIMIT_CODE, MAX_DIAGNOSTICS } from '../../server/src/engine';
import { LspClient, PULL_CAPABILITIES } from './client';
import { fixture } from './text';

const clean = fixture('clean.imr');
/** The clean letter with its first MAXIMUS guideline label gone: one missing-guideline. */
const defective = clean.replace('MAXIMUS guideline: Decision based on MTUS Chronic Pain', 'Decision based on MTUS Chronic Pain');

let client: LspClient;

before(async () => {
  client = await LspClient.start({ capabilities: PULL_CAPABILITIES, settings: {} });
});

after(async () => {
  await client.stop();
});

const pull = async (uri: string) =>
  ((await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport).items;

describe('a version number reused for new text', () => {
  it('gets the new text\'s diagnostics and code actions, not the cached ones', async () => {
    assert.notEqual(defective, clean);
    const uri = 'untitled:reused-version.imr';
    client.open(uri, clean, 1);
    assert.deepEqual((await pull(uri)).map((d) => d.code), []);
    // Same version, new text (a client that does not bump versions, or reopens with version 1).
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 1 }, contentChanges: [{ text: defective }] });
    const after = await pull(uri);
    assert.deepEqual(after.map((d) => d.code), ['missing-guideline']);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: after[0].range,
      context: { diagnostics: after },
    })) as CodeAction[];
    const note = actions.find((a) => a.command?.command === 'imr.copyDefectNote');
    assert.match(String(note?.command?.arguments?.[0]), /no "MAXIMUS guideline:"/, 'the new text\'s defect note is offered');
    // And back again, still version 1.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 1 }, contentChanges: [{ text: clean }] });
    assert.deepEqual((await pull(uri)).map((d) => d.code), []);
    client.close(uri);
  });
});

describe('the log', () => {
  it('names a document by a short hash, not its path, unless tracing is on', async () => {
    const uri = 'file:///claims/CM17-0123456%20Jane%20Doe/letter.imr';
    client.open(uri, clean, 1);
    // A malformed change makes the server log a warning naming the document.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range: 'bad', text: 'x' } as never] });
    await pull(uri);
    const line = client.logs.map((l) => l.message).find((m) => m.includes('skipped 1 malformed change'));
    assert.ok(line, 'the warning was logged');
    assert.match(line, /doc#[0-9a-f]{8} \(name of 10 chars\)/);
    assert.ok(!/Jane|CM17|claims/.test(line), `no path in: ${line}`);
    client.close(uri);
  });
});

describe('limits', () => {
  it('a letter with thousands of problems gets at most the limit and one "and N more"', async () => {
    const uri = 'untitled:many-problems.imr';
    const lines = Array.from({ length: 20_000 }, (_, i) => `Item ${i}: Upheld`);
    client.open(uri, `IMR ISSUES, DECISIONS AND RATIONALES\nThe Final Determination was based on decisions for the disputed items/services set forth below:\n${lines.join('\n')}\n`);
    const items = await pull(uri);
    assert.equal(items.length, MAX_DIAGNOSTICS + 1);
    assert.equal(items.at(-1)?.code, LIMIT_CODE);
    assert.match(items.at(-1)!.message, /and 39,000 more problems/);
    assert.equal(items.at(-1)?.codeDescription, undefined, 'not a rule: no rule page');
    client.close(uri);
  });
});
