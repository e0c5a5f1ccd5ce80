// The item symbols of a document-symbol tree, wherever they sit: the kinds an item can have
// (Upheld Constant, Overturned Event, no decision Key), written out here rather than imported, so
// that a test still notices when the server's kinds change.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-protocol';

const ITEM_KINDS = new Set<SymbolKind>([SymbolKind.Constant, SymbolKind.Event, SymbolKind.Key]);

export function itemSymbols(roots: readonly DocumentSymbol[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const visit = (symbol: DocumentSymbol): void => {
    if (ITEM_KINDS.has(symbol.kind)) out.push(symbol);
    else symbol.children?.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}
