// workspace/symbol: every item of every letter (open, or read from the workspace folders) whose name matches the query: the query's
// characters in order, ignoring case (so a substring matches too; an empty query matches all).
import type { SymbolInformation } from 'vscode-languageserver';
import { UNNAMED_ITEM, type Decision, type Range } from '../../engine';
import { itemKind } from './symbolKinds';

/** The query's characters in order in the name, ignoring case and the query's spaces. */
export function matchesQuery(name: string, query: string): boolean {
  const haystack = name.toLowerCase();
  let at = 0;
  for (const char of query.toLowerCase()) {
    if (char === ' ') continue;
    at = haystack.indexOf(char, at);
    if (at < 0) return false;
    at += char.length;
  }
  return true;
}

/** What symbols are made of: a Letter, or what the workspace keeps of one. */
export interface SymbolSource {
  metadata: { caseNumber: string | null };
  items: ReadonlyArray<{ name: string; decision: Decision | null; nameRange: Range }>;
}

export function letterSymbols(uri: string, letter: SymbolSource, query: string): SymbolInformation[] {
  const container = letter.metadata.caseNumber ?? fileName(uri);
  const out: SymbolInformation[] = [];
  for (const item of letter.items) {
    if (!matchesQuery(item.name, query)) continue;
    out.push({
      name: item.name || UNNAMED_ITEM,
      kind: itemKind(item.decision),
      location: { uri, range: item.nameRange },
      containerName: item.decision ? `${container} · ${item.decision}` : `${container} · no decision`,
    });
  }
  return out;
}

function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
