// "Is the server still well?", asked after each piece of bad input (test/lsp/robustness.test.ts,
// test/stress/lsp.test.ts): it answers a real request correctly and holds, for every open
// document, exactly the client's text.
import assert from 'node:assert/strict';
import { DocumentSymbolRequest, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { LETTER_SUMMARY_METHOD } from '../../server/src/shared/protocol';
import { digest, type LspClient } from './client';

export interface LetterSummaryLike { version: number; items: number; overturned: number; length: number; sha256?: string; layout: string }

/** `imr/letterSummary` with the digest of the text the server holds. */
export function letterSummary(client: LspClient, uri: string): Promise<LetterSummaryLike | null> {
  return client.connection.sendRequest(LETTER_SUMMARY_METHOD, { textDocument: { uri }, includeDigest: true });
}

/** The server answers a real request on `cleanUri` (an open clean letter with an Upheld and an Overturned item) and holds the client's text for every open document. */
export async function assertServerHealthy(client: LspClient, cleanUri: string): Promise<void> {
  assert.equal(client.exited, null, `the server is running (stderr: ${client.stderr})`);
  const roots = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: cleanUri } })) as DocumentSymbol[];
  assert.deepEqual(roots.at(-1)?.children?.map((s) => [s.name.split(': ')[0], s.detail]), [['Upheld', 'pharmaceuticals'], ['Overturned', 'physical-medicine']]);
  for (const [uri, document] of client.documents) {
    const held = await letterSummary(client, uri);
    assert.equal(held?.version, document.version, `${uri}: version`);
    assert.equal(held?.sha256, digest(document.getText()), `${uri}: the server's text equals the client's`);
  }
}
