// Every letter of the real corpus (../shared/corpus/letters, 194 letters) opened through one
// server: the item symbols must match manifest.csv (count, Upheld, Overturned) for every letter,
// each named decision first within the 128 characters VS Code's filter reads. About 1.5 s of CPU,
// so `npm test` runs it and `npm run test:fast` does not; test/unit/corpus.test.ts reads the same
// letters in-process in both, and test/lsp the server's symbols on our own fixtures.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, DocumentDiagnosticRequest, DocumentSymbolRequest, SymbolKind, type CodeAction, type Diagnostic, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { readManifest, requireShared } from '../support/paths';
import { LspClient, PULL_CAPABILITIES } from '../lsp/client';
import { itemSymbols } from '../lsp/symbols';

let CORPUS = '';

let client: LspClient;

before(async () => {
  // Fails, saying where it looked, when ../shared is absent; the letters are never copied here.
  CORPUS = requireShared('corpus');
  client = await LspClient.start({ capabilities: PULL_CAPABILITIES });
});

after(() => client?.stop());

it('the item symbols of every corpus letter match the manifest', async () => {
  const rows = readManifest();
  assert.equal(rows.length, 194);
  for (const row of rows) {
    const path = join(CORPUS, row.file);
    client.open(pathToFileURL(path).href, readFileSync(path, 'utf8'), 1, 'imr');
  }
  const mismatches: string[] = [];
  let total = 0;
  let cut = 0;
  for (const row of rows) {
    const uri = pathToFileURL(join(CORPUS, row.file)).href;
    const roots = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const items = itemSymbols(roots);
    total += items.length;
    cut += items.filter((s) => s.name.endsWith('…')).length;
    const got = {
      items: items.length,
      upheld: items.filter((s) => s.name.startsWith('Upheld: ') && s.kind === SymbolKind.Constant).length,
      overturned: items.filter((s) => s.name.startsWith('Overturned: ') && s.kind === SymbolKind.Event).length,
    };
    for (const s of items) {
      if (s.name.length > 128) mismatches.push(`${row.file}: a symbol name of ${s.name.length} characters`);
      // The decision is in the name once, never again in the detail.
      if (/\b(?:upheld|overturned)\b/i.test(s.detail ?? '')) mismatches.push(`${row.file}: "${s.name}" repeats a decision in its detail "${s.detail}"`);
      if (s.name.endsWith('…') && !s.detail?.includes(s.name.slice(s.name.indexOf(': ') + 2, -1))) mismatches.push(`${row.file}: "${s.name}" is cut without its full name in the detail`);
      if (s.children?.length) mismatches.push(`${row.file}: "${s.name}" lists ${s.children.length} fields`);
    }
    if (got.items !== row.items || got.upheld !== row.upheld || got.overturned !== row.overturned) {
      mismatches.push(`${row.file}: manifest ${row.items} items (${row.upheld} upheld, ${row.overturned} overturned), ` +
        `symbols ${got.items} items (${got.upheld} upheld, ${got.overturned} overturned)`);
    }
  }
  assert.deepEqual(mismatches, [], `${mismatches.length} letters differ from the manifest:\n${mismatches.join('\n')}`);
  assert.equal(total, 439);
  // The 6 longest corpus items (the surgeries) are cut, and only they.
  assert.equal(cut, 6);
});

it('no code action on any corpus defect edits the letter', async () => {
  let defects = 0;
  for (const row of readManifest()) {
    const uri = pathToFileURL(join(CORPUS, row.file)).href;
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as { items?: Diagnostic[] };
    for (const diagnostic of report.items ?? []) {
      defects++;
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
      })) as CodeAction[];
      assert.ok(actions.some((a) => a.command?.command === 'imr.copyDefectNote'), `${row.file}: no note to copy`);
      assert.deepEqual(actions.filter((a) => a.edit !== undefined).map((a) => a.title), [], `${row.file}: an action edits the letter`);
    }
  }
  // The 79 "claims administrator cited no evidence" notes; no warning is left on the corpus.
  assert.equal(defects, 79);
});
