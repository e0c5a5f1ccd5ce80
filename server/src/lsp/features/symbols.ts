// textDocument/documentSymbol: sections, the items inside them, and each item's three fields.
import type { CancellationToken, DocumentSymbol, Range } from 'vscode-languageserver';
import { classifyTreatment, UNNAMED_ITEM, type Field, type Item, type Letter } from '../../engine';
import { FIELD_LABELS } from './explanations';
import { throwIfCancelled } from '../guard';
import { comparePositions, rangeContains } from '../params';
import { DETAIL_SEPARATOR } from '../protocol';
import { FIELD_KIND, itemDetail, itemKind, SECTION_KIND } from './symbolKinds';


export function documentSymbols(letter: Letter, token?: CancellationToken): DocumentSymbol[] {
  const itemSymbols: Array<{ item: Item; symbol: DocumentSymbol }> = [];
  // The category costs about 20 µs a name: a real letter has a few dozen items, a generated one
  // may hold 100,000, whose outline then gives the decision alone.
  const withCategory = letter.items.length <= CATEGORY_LIMIT;
  letter.items.forEach((item, index) => {
    // A letter may hold 100,000 items: let a cancellation stop the work.
    if (index % 5000 === 4999) throwIfCancelled(token);
    itemSymbols.push({ item, symbol: itemSymbol(item, withCategory) });
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

/** Above this many items, an item symbol's detail is its decision alone. */
export const CATEGORY_LIMIT = 5000;

function itemSymbol(item: Item, withCategory: boolean): DocumentSymbol {
  const fields = [item.claimsAdministratorGuideline, item.maximusGuideline, item.decisionRationale]
    .filter((field): field is Field => field !== null)
    .map((field) => symbol(FIELD_LABELS[field.kind], undefined, FIELD_KIND, fieldRange(field), field.labelRange));
  fields.sort((a, b) => comparePositions(a.range.start, b.range.start));
  // The decision goes in the name too, as the letter writes it ("Norco #120: Upheld"): VS Code's
  // outline and Go to Symbol show a symbol's name but not its detail.
  const decision = itemDetail(item.decision);
  const detail = withCategory ? `${decision}${DETAIL_SEPARATOR}${classifyTreatment(item.name).category}` : decision;
  const result = symbol(`${item.name || UNNAMED_ITEM}: ${decision}`, detail, itemKind(item.decision), item.range, item.nameRange);
  for (const field of fields) result.range = union(result.range, field.range);
  if (fields.length) result.children = fields;
  return result;
}

function fieldRange(field: Field): Range {
  return union(field.labelRange, field.textRange);
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
