// Every letter of the real corpus (../shared/corpus/letters, 194 letters) opened through one
// server: the item symbols must match manifest.csv (count, Upheld, Overturned) for every letter.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DocumentSymbolRequest, SymbolKind, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { readManifest, requireShared } from '../support/paths';
import { LspClient, PULL_CAPABILITIES } from './client';

let CORPUS = '';

const ITEM_KINDS = new Set<SymbolKind>([SymbolKind.Constant, SymbolKind.Event, SymbolKind.Null]);

function itemSymbols(roots: DocumentSymbol[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const visit = (symbol: DocumentSymbol) => {
    if (ITEM_KINDS.has(symbol.kind)) out.push(symbol);
    else symbol.children?.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}

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
  for (const row of rows) {
    const uri = pathToFileURL(join(CORPUS, row.file)).href;
    const roots = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const items = itemSymbols(roots);
    total += items.length;
    const got = {
      items: items.length,
      upheld: items.filter((s) => s.detail?.startsWith('Upheld · ') && s.kind === SymbolKind.Constant).length,
      overturned: items.filter((s) => s.detail?.startsWith('Overturned · ') && s.kind === SymbolKind.Event).length,
    };
    if (got.items !== row.items || got.upheld !== row.upheld || got.overturned !== row.overturned) {
      mismatches.push(`${row.file}: manifest ${row.items} items (${row.upheld} upheld, ${row.overturned} overturned), ` +
        `symbols ${got.items} items (${got.upheld} upheld, ${got.overturned} overturned)`);
    }
  }
  assert.deepEqual(mismatches, [], `${mismatches.length} letters differ from the manifest:\n${mismatches.join('\n')}`);
  assert.equal(total, 439);
});
