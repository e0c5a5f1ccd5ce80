// Bad input over stdio: unknown documents, positions past the end, malformed params, unknown
// methods, malformed JSON-RPC bytes, impossible edit ranges, a 50 MB document, binary content and
// a cancelled request. After each, the server still answers correctly and holds, for every open
// document, exactly the client's text. The client pulls diagnostics, so the server lints only
// when asked (which makes the cancellation observable).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
  WorkspaceSymbolRequest,
  type CodeAction,
  type DocumentSymbol,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { digest, fixtureUri, LspClient, PULL_CAPABILITIES } from './client';
import { fixture, generatedLetter, positionOf } from './text';

const CLEAN = fixtureUri('clean.imr');
const clean = fixture('clean.imr');
const UNKNOWN = 'file:///nowhere/never-opened.imr';
let client: LspClient;

interface Summary { version: number; items: number; overturned: number; length: number; sha256?: string; layout: string }

function summary(uri: string): Promise<Summary | null> {
  return client.connection.sendRequest('imr/letterSummary', { textDocument: { uri }, includeDigest: true });
}

/** The server answers a real request correctly and holds the client's text for every open document. */
async function assertHealthy(): Promise<void> {
  assert.equal(client.exited, null, `the server is running (stderr: ${client.stderr})`);
  const roots = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: CLEAN } })) as DocumentSymbol[];
  assert.deepEqual(roots.at(-1)?.children?.map((s) => s.name.split(': ')[0]), ['Upheld', 'Overturned']);
  for (const [uri, document] of client.documents) {
    const held = await summary(uri);
    assert.equal(held?.version, document.version, `${uri}: version`);
    assert.equal(held?.sha256, digest(document.getText()), `${uri}: the server's text equals the client's`);
  }
}

async function rejects(promise: Promise<unknown>, code: number): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof ResponseError && error.code === code);
}

before(async () => {
  client = await LspClient.start({ capabilities: PULL_CAPABILITIES, settings: { trace: { server: 'verbose' } } });
  client.open(CLEAN, clean);
  await assertHealthy();
});

after(async () => {
  await client.stop();
  const logged = client.logs.map((log) => log.message).join('\n');
  assert.ok(!logged.includes('Norco') && !logged.includes('Treatment number'), 'the server logged letter text');
});

describe('bad requests', () => {
  it('unknown documents get empty answers', async () => {
    const textDocument = { uri: UNKNOWN };
    const position = { line: 0, character: 0 };
    assert.deepEqual(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }), []);
    assert.deepEqual(await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument }), []);
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument, position }), null);
    assert.deepEqual(await client.connection.sendRequest(CodeActionRequest.type, { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }), []);
    assert.equal(await summary(UNKNOWN), null);
    assert.equal(await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'imr.listDefects', arguments: [UNKNOWN] }), null);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: UNKNOWN, version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: UNKNOWN } });
    await assertHealthy();
  });

  it('positions past the end, negative or fractional are clamped', async () => {
    const textDocument = { uri: CLEAN };
    for (const position of [{ line: 1e9, character: 1e9 }, { line: 0, character: 1e9 }, { line: -5, character: -5 }, { line: 21.7, character: 2.2 }]) {
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument, position });
      assert.ok(hover === null || typeof hover.contents === 'object');
    }
    const decision = await client.connection.sendRequest(HoverRequest.type, { textDocument, position: { ...positionOf(clean, 'Overturned'), character: 1e6 } });
    assert.match((decision?.contents as { value: string }).value, /^\*\*Overturned\*\*/, 'past the end of the line is its end, the end of the decision word');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument, range: { start: { line: 5000, character: 0 }, end: { line: -1, character: 99 } }, context: { diagnostics: [] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.kind), ['source.imr.listDefects']);
    await assertHealthy();
  });

  it('malformed params get InvalidParams; malformed notifications are ignored', async () => {
    const request = (method: string, params: unknown) => client.connection.sendRequest(method, params);
    await rejects(request('textDocument/hover', {}), ErrorCodes.InvalidParams);
    await rejects(request('textDocument/hover', { textDocument: { uri: CLEAN }, position: { line: 'one', character: 0 } }), ErrorCodes.InvalidParams);
    await rejects(request('textDocument/documentSymbol', { textDocument: { uri: 5 } }), ErrorCodes.InvalidParams);
    await rejects(request('textDocument/documentSymbol', null), ErrorCodes.InvalidParams);
    await rejects(request('textDocument/codeAction', { textDocument: { uri: CLEAN }, range: 'all' }), ErrorCodes.InvalidParams);
    await rejects(request('textDocument/diagnostic', [1, 2]), ErrorCodes.InvalidParams);
    await rejects(request('workspace/executeCommand', { arguments: [] }), ErrorCodes.InvalidParams);
    await rejects(request('workspace/executeCommand', { command: 'imr.nope' }), ErrorCodes.InvalidParams);
    await rejects(request('workspace/executeCommand', { command: 'imr.listDefects', arguments: [42] }), ErrorCodes.InvalidParams);
    const odd = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 5 as unknown as string })) as unknown[];
    assert.equal(odd.length, 2, 'a query that is not a string matches everything');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: 7 } } as never);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: CLEAN, version: 'x' }, contentChanges: 'all' } as never);
    await client.connection.sendNotification('textDocument/didClose', 'nothing');
    // The didChange above had no usable change but a version: the client's copy moves on with it.
    client.documents.set(CLEAN, (await import('vscode-languageserver-textdocument')).TextDocument.create(CLEAN, 'imr', client.documents.get(CLEAN)!.version + 1, clean));
    await assertHealthy();
  });

  it('unknown methods get MethodNotFound; unknown notifications are ignored', async () => {
    await rejects(client.connection.sendRequest('imr/doesNotExist', {}), ErrorCodes.MethodNotFound);
    await client.connection.sendNotification('imr/doesNotExist', { any: 1 });
    await client.connection.sendNotification('$/somethingOptional', {});
    await assertHealthy();
  });

  it('malformed JSON-RPC bytes on the raw stream are skipped', async () => {
    const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    await client.writeRaw(frame('{"jsonrpc":"2.0","id":'));
    await client.writeRaw(frame('not json at all'));
    await client.writeRaw(frame('{"jsonrpc":"2.0"}'));
    await client.writeRaw(frame('{"jsonrpc":"2.0","method":42,"id":"x"}'));
    await client.writeRaw(frame('[1,2,3]'));
    await client.writeRaw('X-Header-Without-Length: 1\r\n\r\n');
    await client.writeRaw('garbage line without a colon\r\n\r\n');
    await client.writeRaw(frame(JSON.stringify({ jsonrpc: '2.0', id: 99999, result: 'a response to nothing' })));
    await assertHealthy();
  });

  it('edits with impossible ranges keep the server\'s text equal to the client\'s', async () => {
    const uri = 'untitled:impossible.imr';
    client.open(uri, clean);
    const lines = clean.split('\n').length;
    client.change(uri, [{ range: { start: { line: 2, character: 5 }, end: { line: 1, character: 0 } }, text: 'swapped ' }]);
    client.change(uri, [{ range: { start: { line: lines + 40, character: 0 }, end: { line: lines + 90, character: 3 } }, text: '\nafter the end\n' }]);
    client.change(uri, [{ range: { start: { line: 3, character: 500 }, end: { line: 3, character: 900 } }, text: ' at the end of line 4' }]);
    client.change(uri, [{ range: { start: { line: -3, character: -1 }, end: { line: 0, character: 0 } }, text: 'START\r\n' }]);
    client.change(uri, [{ range: { start: { line: 5, character: 0 }, end: { line: lines + 7, character: 0 } }, text: 'a\nb\rc\r\nd' }]);
    client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '\uD800 lone surrogate, NUL \u0000, form feed \f' }]);
    // A change whose range is not a range is skipped (logged), the others of the batch still apply.
    const document = client.documents.get(uri)!;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: document.version + 1 },
      contentChanges: [{ range: { start: { line: 'x' }, end: null }, text: 'bad' } as never, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'ok ' }],
    });
    client.documents.set(uri, (await import('vscode-languageserver-textdocument')).TextDocument.create(uri, 'imr', document.version + 1, 'ok ' + document.getText()));
    await assertHealthy();
    client.close(uri);
  });
});

describe('large and binary documents', () => {
  it('a 50 MB letter is read whole, and the server still answers', async () => {
    const uri = 'untitled:fifty-megabytes.imr';
    const letter = generatedLetter(50_000_000);
    client.open(uri, letter.text);
    const held = await summary(uri);
    assert.equal(held?.items, letter.items);
    assert.equal(held?.overturned, letter.overturned);
    assert.equal(held?.length, letter.text.length);
    await assertHealthy();
    client.close(uri);
  });

  it('binary content is not a letter, and nothing breaks', async () => {
    const uri = 'untitled:binary.txt';
    let seed = 12345;
    const bytes = Buffer.alloc(1_000_000);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed >> 16;
    }
    client.open(uri, bytes.toString('latin1') + '\uDC00\u0000\r', 1, 'plaintext');
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
    assert.deepEqual(report.items.map((d) => d.code), ['not-a-letter']);
    assert.deepEqual(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), []);
    assert.deepEqual(await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }), []);
    await assertHealthy();
    client.close(uri);
  });
});

describe('cancellation', () => {
  it('a cancelled request is answered RequestCancelled and its letter is not linted', async () => {
    const busy = 'untitled:busy.imr';
    const cancelled = 'untitled:cancelled.imr';
    const letter = generatedLetter(10_000_000);
    client.open(busy, letter.text);
    client.open(cancelled, letter.text.replace('CM99-0000002', 'CM99-0000003'));
    // The first request keeps the server busy linting; the second is cancelled at once.
    const first = summary(busy);
    const source = new CancellationTokenSource();
    const second = client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: cancelled } }, source.token);
    source.cancel();
    await rejects(second, LSPErrorCodes.RequestCancelled);
    assert.equal((await first)?.items, letter.items);
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: CLEAN }, position: { line: 0, character: 0 } });
    const lints = client.logs.filter((log) => log.message.startsWith('lint ')).map((log) => log.message.split(' ')[1]);
    assert.ok(lints.includes(busy), 'the busy letter was linted');
    assert.ok(!lints.includes(cancelled), 'the cancelled request did not lint its letter');
    // Asked again without cancelling, it is answered.
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: cancelled } })) as DocumentSymbol[];
    assert.equal(symbols.at(-1)?.children?.length, letter.items);
    client.close(busy);
    client.close(cancelled);
    await assertHealthy();
  });
});

describe('the end of the connection', () => {
  it('a server whose client goes away without shutdown exits (code 1)', async () => {
    const other = await LspClient.start();
    const exited = new Promise<void>((resolve) => other.child.once('exit', () => resolve()));
    other.child.stdin.end();
    await exited;
    assert.equal(other.exited, 1);
    other.connection.dispose();
  });
});
