// The language server under load, over stdio: a 50 MB letter is read up to the item limit, and a request
// cancelled while the server is busy with a 10 MB letter is answered RequestCancelled without
// linting its letter. Minutes on a busy machine, so not in `npm run test:fast`; `npm test` runs it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, DocumentDiagnosticRequest, DocumentSymbolRequest, type FullDocumentDiagnosticReport, HoverRequest, LSPErrorCodes, ResponseError, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { MAX_DIAGNOSTICS, MAX_ITEMS } from '../../server/src/engine';
import { fixtureUri, LspClient, PULL_CAPABILITIES } from '../lsp/client';
import { assertServerHealthy, letterSummary, type LetterSummaryLike } from '../lsp/health';
import { fixture, generatedLetter } from '../lsp/text';

const CLEAN = fixtureUri('clean.imr');
let client: LspClient;

const summary = (uri: string): Promise<LetterSummaryLike | null> => letterSummary(client, uri);
const assertHealthy = (): Promise<void> => assertServerHealthy(client, CLEAN);

async function rejects(promise: Promise<unknown>, code: number): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof ResponseError && error.code === code);
}

before(async () => {
  client = await LspClient.start({ capabilities: PULL_CAPABILITIES, settings: { trace: { server: 'verbose' } } });
  client.open(CLEAN, fixture('clean.imr'));
  await assertHealthy();
});

after(async () => {
  await client.stop();
  const logged = client.logs.map((log) => log.message).join('\n');
  assert.ok(!logged.includes('Norco') && !logged.includes('Treatment number'), 'the server logged letter text');
});

describe('large documents', () => {
  it('a 50 MB letter is read up to the item limit, and the server still answers', async () => {
    const uri = 'untitled:fifty-megabytes.imr';
    const letter = generatedLetter(50_000_000);
    assert.ok(letter.items > MAX_ITEMS, `${letter.items} items`);
    client.open(uri, letter.text);
    const held = await summary(uri);
    assert.equal(held?.items, MAX_ITEMS);
    assert.equal(held?.length, letter.text.length);
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
    assert.ok(report.items.length <= MAX_DIAGNOSTICS + 2, `${report.items.length} diagnostics`);
    assert.match(String(report.items.at(-1)?.message), /Only the first 100,000 items/);
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

