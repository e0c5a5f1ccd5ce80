// The server started as every launcher starts it (SERVER_NODE_FLAGS: gc() exposed) collects its
// young generation after answering a change, for push and pull clients alike (youngGeneration.ts).
// Each collection is logged, with its duration, when tracing is verbose: that is what these
// tests watch for, with the letter's text typed into many times so that the young generation fills.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { DocumentDiagnosticRequest } from 'vscode-languageserver-protocol';
import { fixtureUri, LspClient, PULL_CAPABILITIES, PUSH_CAPABILITIES } from './client';
import { fixture } from './text';

const LETTER = fixtureUri('defects.imr');
const COLLECTED = /^young generation collected after answering file:/;
const KEYSTROKES = 300;

const clients: LspClient[] = [];
after(() => Promise.all(clients.map((client) => client.stop())));

async function typeInto(client: LspClient, answered: (version: number) => Promise<unknown>): Promise<void> {
  client.open(LETTER, fixture('defects.imr'));
  await answered(1);
  for (let i = 0; i < KEYSTROKES; i++) {
    const version = client.change(LETTER, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    await answered(version);
  }
}

function collections(client: LspClient): string[] {
  return client.logs.map((log) => log.message).filter((message) => COLLECTED.test(message));
}

describe('the young generation, after answering a change', () => {
  it('is collected after pushed diagnostics', async () => {
    const client = await LspClient.start({ capabilities: PUSH_CAPABILITIES, settings: { trace: { server: 'verbose' } } });
    clients.push(client);
    await typeInto(client, (version) => client.waitForDiagnostics(LETTER, version));
    const seen = collections(client);
    assert.ok(seen.length > 0, `no collection logged in ${KEYSTROKES} keystrokes`);
    assert.ok(seen.length < KEYSTROKES, 'a collection after every keystroke: the young generation was not checked first');
    assert.ok(seen.every((line) => /: \d+\.\d ms$/.test(line)), seen[0]);
  });

  it('is collected after pulled diagnostics', async () => {
    const client = await LspClient.start({ capabilities: PULL_CAPABILITIES, settings: { trace: { server: 'verbose' } } });
    clients.push(client);
    await typeInto(client, () => client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: LETTER } }));
    // The collection runs just after the last answer is written: one more request lets it log.
    await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: LETTER } });
    assert.ok(collections(client).length > 0, `no collection logged in ${KEYSTROKES} keystrokes`);
  });
});
