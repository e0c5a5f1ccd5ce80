// Counts a letter's items and decisions from its document symbols, so the status bar needs no
// custom request: the server already names every item's symbol after its decision ("Upheld:
// ...", see DecisionDetail in the shared protocol).
import { DecisionDetail, type DecisionCounts } from '../../server/src/shared/protocol';

/** The part of a DocumentSymbol this module reads; SymbolInformation has neither, and counts as nothing. */
export interface SymbolLike {
  name?: string;
  detail?: string;
  children?: readonly SymbolLike[];
}

const UPHELD = DecisionDetail.upheld.toLowerCase();
const OVERTURNED = DecisionDetail.overturned.toLowerCase();
const NONE = DecisionDetail.none.toLowerCase();

/** The decision prefix of a symbol name ("upheld" of "Upheld: Norco #120"), lower case. */
function decisionOf(symbol: SymbolLike): string {
  const name = symbol.name ?? '';
  const colon = name.indexOf(': ');
  return colon < 0 ? '' : name.slice(0, colon).trim().toLowerCase();
}

/**
 * An item is any symbol whose name starts with one of the three decision strings, wherever it
 * sits in the tree (under a section today; at the top if the server ever flattens it). Its
 * children are not searched: nothing inside an item counts as an item.
 */
export function summarizeSymbols(symbols: readonly SymbolLike[] | undefined): DecisionCounts {
  const summary: DecisionCounts = { items: 0, upheld: 0, overturned: 0, noDecision: 0 };
  const visit = (list: readonly SymbolLike[]): void => {
    for (const symbol of list) {
      const detail = decisionOf(symbol);
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

/**
 * "3 items: 2 upheld, 1 overturned, 1 problem, 2 notes" (the no-decision count and the notes only
 * when there are some). Problems are errors and warnings, as the Problems view's badge counts
 * them; information diagnostics are notes. A text with no items that the server calls not a
 * letter reads "Not an IMR letter".
 */
export function formatSummary(summary: DecisionCounts, problems: number, notes = 0, notALetter = false): string {
  if (notALetter && summary.items === 0) return 'Not an IMR letter';
  const parts = [`${summary.upheld} upheld`, `${summary.overturned} overturned`];
  if (summary.noDecision > 0) parts.push(`${summary.noDecision} without decision`);
  parts.push(plural(problems, 'problem'));
  if (notes > 0) parts.push(plural(notes, 'note'));
  return `${plural(summary.items, 'item')}: ${parts.join(', ')}`;
}
