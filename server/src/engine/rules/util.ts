import type { Finding } from '../rule';
import type { Item, Letter } from '../types';

/** An item's name as messages quote it: short enough for a Problems view line. */
export function quote(item: Item): string {
  const name = item.name.length > 80 ? item.name.slice(0, 77) + '...' : item.name;
  return `"${name}"`;
}

/** Per-item label checks apply only to the layouts that label each item's fields. */
export function labelledItems(letter: Letter): readonly Item[] {
  return letter.layout === 'standard' ? letter.items : [];
}

/**
 * The findings of a check that looks at one labelled item at a time, at most one each: a loop,
 * not flatMap, so a letter of a thousand items builds no array per item.
 */
export function perItem(letter: Letter, check: (item: Item, index: number) => Finding | null): Finding[] {
  const items = labelledItems(letter);
  const out: Finding[] = [];
  for (let index = 0; index < items.length; index++) {
    const finding = check(items[index], index);
    if (finding !== null) out.push(finding);
  }
  return out;
}
