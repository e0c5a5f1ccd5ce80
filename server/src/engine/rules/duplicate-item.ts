import type { Finding, Rule } from '../rule';
import { quote } from './util';

export const duplicateItem: Rule = {
  id: 'duplicate-item',
  defaultSeverity: 'warning',
  description: 'The same item (case- and space-insensitive name) decided twice in one letter.',
  docs: `Each disputed item is decided once.

**What it finds.** Two items in one letter whose names are the same when letter case and spaces are ignored (\`Norco 10/325 mg #120\` and \`NORCO 10/325mg #120\`). The diagnostic is on the second one and links to the first.

**Why it matters.** Two decisions on one request are at best a copy-paste slip and at worst two different decisions on the same treatment; a reader counting decisions, or acting on them, counts it twice.

**How to fix the letter.** Check the PDF: a page break sometimes repeats a line. If the letter really decides the same request twice, compare the two decisions.`,
  check(letter) {
    // Items are told apart by a hash of their key; keys are built only where hashes meet, so a
    // letter with a thousand items pays one pass over the names and no string per item.
    const firstByHash = new Map<number, number>();
    const firstByKey = new Map<string, number>(); // only items whose hash another item shares
    const out: Finding[] = [];
    letter.items.forEach((item, index) => {
      const hash = keyHash(item.name);
      if ((hash === 0 || hash === UNNAMED_HASH) && IGNORED.has(comparisonKey(item.name))) return;
      const sameHash = firstByHash.get(hash);
      if (sameHash === undefined) {
        firstByHash.set(hash, index);
        return;
      }
      // The first item of a hash is the first of its key too: register it before comparing.
      const sameHashKey = comparisonKey(letter.items[sameHash].name);
      if (!firstByKey.has(sameHashKey)) firstByKey.set(sameHashKey, sameHash);
      const key = comparisonKey(item.name);
      const first = firstByKey.get(key);
      if (first === undefined) {
        firstByKey.set(key, index);
        return;
      }
      out.push({
        message: `Item ${quote(item)} is decided twice in this letter (first as item ${first + 1}).`,
        range: item.nameRange,
        item: index,
        related: [{ range: letter.items[first].nameRange, message: 'First decided here.' }],
      });
    });
    return out;
  },
};

/** Names that identify nothing: empty, or the parser's placeholder. */
const IGNORED = new Set(['', comparisonKey('(unnamed item)')]);

/** Two names are the same item when these are equal. */
function comparisonKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '');
}

/**
 * A hash of comparisonKey(name) without building it: equal keys give equal hashes. Non-ASCII
 * names share one bucket, because lower-casing can turn a non-ASCII character into ASCII ones.
 */
function keyHash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c > 127) return -1;
    if (c <= 32) continue;
    if (c >= 65 && c <= 90) c += 32;
    h = (Math.imul(h, 31) + c) & 0x3fffffff; // a small integer: no number is boxed as a Map key
  }
  return h;
}

const UNNAMED_HASH = keyHash('(unnamed item)');
