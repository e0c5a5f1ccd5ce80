// Counts a letter's items and decisions from its document symbols, so the status bar needs no
// custom request: the server already describes every item as a symbol whose detail is its
// decision (see DecisionDetail in the shared protocol).
import { DecisionDetail, DETAIL_SEPARATOR, type DecisionCounts } from '../../server/src/shared/protocol';

/** The part of a DocumentSymbol this module reads; SymbolInformation has neither, and counts as nothing. */
export interface SymbolLike {
  detail?: string;
  children?: readonly SymbolLike[];
}

const UPHELD = DecisionDetail.upheld.toLowerCase();
const OVERTURNED = DecisionDetail.overturned.toLowerCase();
const NONE = DecisionDetail.none.toLowerCase();

/**
 * An item is any symbol whose detail starts with one of the three decision strings, wherever it sits
 * in the tree (under a section today; at the top if the server ever flattens it). Its children
 * (the fields) are not searched: a field never counts as an item.
 */
export function summarizeSymbols(symbols: readonly SymbolLike[] | undefined): DecisionCounts {
  const summary: DecisionCounts = { items: 0, upheld: 0, overturned: 0, noDecision: 0 };
  const visit = (list: readonly SymbolLike[]): void => {
    for (const symbol of list) {
      const detail = (symbol.detail ?? '').split(DETAIL_SEPARATOR)[0].trim().toLowerCase();
      if (detail === UPHELD) summary.upheld++;
      else if (detail === OVERTURNED) summary.overturned++;
      else if (detail === NONE) summary.noDecision++;
      else {
        if (symbol.children) visit(symbol.children);
        continue;
      }
      summary.items++;
    }
  };
  visit(symbols ?? []);
  return summary;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "3 items: 2 upheld, 1 overturned, 1 problem" (the no-decision count only when there are some). */
export function formatSummary(summary: DecisionCounts, problems: number): string {
  const parts = [`${summary.upheld} upheld`, `${summary.overturned} overturned`];
  if (summary.noDecision > 0) parts.push(`${summary.noDecision} without decision`);
  parts.push(plural(problems, 'problem'));
  return `${plural(summary.items, 'item')}: ${parts.join(', ')}`;
}
