// textDocument/documentSymbol: sections and the items inside them. An item's three fields are
// not listed: they would triple the outline of a 21-item letter, and folding and hovers reach them.
import type { CancellationToken, DocumentSymbol, Range } from 'vscode-languageserver';
import type { Letter } from '../../engine';
import { throwIfCancelled } from '../guard';
import { itemSymbolDetail, itemSymbolName } from './itemSummary';
import { comparePositions, rangeContains } from '../params';
import { itemKind, SECTION_KIND } from './symbolKinds';

export function documentSymbols(letter: Letter, token?: CancellationToken): DocumentSymbol[] {
  // The category costs about 20 µs a name: a real letter has a few dozen items, a generated one
  // may hold 100,000, whose outline then goes without it.
  const withCategory = letter.items.length <= CATEGORY_LIMIT;
  const itemSymbols = letter.items.map((item, index) => {
    // A letter may hold 100,000 items: let a cancellation stop the work.
    if (index % 5000 === 4999) throwIfCancelled(token);
    return { item, symbol: itemSymbol(letter, index, withCategory) };
  });

  const roots: DocumentSymbol[] = [];
  const sections = letter.sections.map((section) => ({
    section,
    symbol: symbol(section.title || section.kind, undefined, SECTION_KIND, section.range, section.titleRange),
  }));
  let s = 0;
  for (const { item, symbol: child } of itemSymbols) {
    // Items and sections are both in document order: walk them together.
    while (s < sections.length && comparePositions(sections[s].section.range.end, item.range.start) < 0) s++;
    const home = sections[s];
    if (home && rangeContains(home.section.range, item.range.start)) {
      (home.symbol.children ??= []).push(child);
      home.symbol.range = union(home.symbol.range, child.range);
    } else {
      roots.push(child);
    }
  }
  roots.push(...sections.map((entry) => entry.symbol));
  roots.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return roots;
}

/** Above this many items, an item symbol's detail goes without the treatment category. */
export const CATEGORY_LIMIT = 5000;

/**
 * "Upheld: Norco 10/325 mg #120": the decision first, so that it shows even when the side bar
 * cuts the label, and never again in the detail; the name cut to 128 characters (VS Code's filter
 * skips longer labels), with the full name in the detail.
 */
function itemSymbol(letter: Letter, index: number, withCategory: boolean): DocumentSymbol {
  const item = letter.items[index];
  return symbol(itemSymbolName(item), itemSymbolDetail(letter, index, withCategory), itemKind(item.decision), item.range, item.nameRange);
}

/** Clients reject a symbol whose range does not contain its selectionRange, or an empty name. */
function symbol(name: string, detail: string | undefined, kind: DocumentSymbol['kind'], range: Range, selectionRange: Range): DocumentSymbol {
  const result: DocumentSymbol = { name: name.trim() || '(untitled)', kind, range: union(range, selectionRange), selectionRange };
  if (detail !== undefined) result.detail = detail;
  return result;
}

function union(a: Range, b: Range): Range {
  return {
    start: comparePositions(a.start, b.start) <= 0 ? a.start : b.start,
    end: comparePositions(a.end, b.end) >= 0 ? a.end : b.end,
  };
}
