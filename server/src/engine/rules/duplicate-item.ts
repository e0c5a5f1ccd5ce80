import type { Finding, Rule } from '../rule';
import { quote } from './util';

export const duplicateItem: Rule = {
  id: 'duplicate-item',
  title: 'Item decided twice',
  defaultSeverity: 'warning',
  description: 'The same item (case- and space-insensitive name) decided twice in one letter.',
  docs: `Each disputed item is decided once.

**What it finds.** Two items in one letter whose names are the same when letter case and spaces are ignored (\`Norco 10/325 mg #120\` and \`NORCO 10/325mg #120\`). The diagnostic is on the second one and links to the first.

**Why it matters.** Two decisions on one request are at best a copy-paste slip and at worst two different decisions on the same treatment; a reader counting decisions, or acting on them, counts it twice.

**What to do.** Check the PDF: a page break sometimes repeats a line. If the letter really decides the same request twice, compare the two decisions.`,
  check(letter) {
    // Items are told apart by a hash of their key, in an open-addressing table of first
    // occurrences; keys are built only where hashes meet, so a letter with a thousand items
    // pays one pass over the names and no string per item.
    const items = letter.items;
    const hashes = new Int32Array(items.length);
    const keys: Array<string | undefined> = [];
    const keyOf = (index: number): string => (keys[index] ??= comparisonKey(items[index].name));
    const mask = tableSize(items.length) - 1;
    const table = new Int32Array(mask + 1); // index + 1 of the first item of each key; 0 = free
    const out: Finding[] = [];
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      const hash = (hashes[index] = keyHash(item.name));
      if ((hash === 0 || hash === UNNAMED_HASH) && IGNORED.has(keyOf(index))) continue;
      let slot = hash & mask;
      let first = -1;
      for (; table[slot] !== 0; slot = (slot + 1) & mask) {
        const earlier = table[slot] - 1;
        if (hashes[earlier] === hash && keyOf(earlier) === keyOf(index)) {
          first = earlier;
          break;
        }
      }
      if (first < 0) {
        table[slot] = index + 1;
        continue;
      }
      out.push({
        message: `Item ${quote(item)} is decided twice in this letter (first as item ${first + 1}).`,
        range: item.nameRange,
        item: index,
        related: [{ range: items[first].nameRange, message: 'First decided here.' }],
      });
    }
    return out;
  },
};

/** A power of two at least twice the count: probes stay short. */
function tableSize(count: number): number {
  let size = 16;
  while (size < count * 2) size *= 2;
  return size;
}

/** Names that identify nothing: empty, or the parser's placeholder. */
const IGNORED = new Set(['', comparisonKey('(unnamed item)')]);

/** Two names are the same item when these are equal. */
function comparisonKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '');
}

/** How many key characters the hash reads from each end of a name: enough to tell most apart. */
const SPAN = 12;

/**
 * A hash of comparisonKey(name), equal for equal keys, without building the key: the name's
 * first and last SPAN characters that are not spaces or controls, lower-cased. Characters in
 * between are not read, so they cannot tell two keys' hashes apart. A non-ASCII character among
 * those read may lower-case into ASCII (the Kelvin sign into "k") or vanish from the key (a
 * Unicode space): the name is then hashed through its key.
 */
function keyHash(name: string): number {
  const h = windowHash(name, true);
  return h >= 0 ? h : windowHash(comparisonKey(name), false);
}

/** The hash of the two windows; -1 when asked to stop at a non-ASCII character and one is read. */
function windowHash(s: string, asciiOnly: boolean): number {
  let h = 0;
  let i = 0;
  for (let seen = 0; i < s.length && seen < SPAN; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32) continue;
    if (c > 127 && asciiOnly) return -1;
    h = mix(h, c);
    seen++;
  }
  for (let j = s.length - 1, seen = 0; j >= i && seen < SPAN; j--) {
    const c = s.charCodeAt(j);
    if (c <= 32) continue;
    if (c > 127 && asciiOnly) return -1;
    h = mix(h, c);
    seen++;
  }
  return h;
}

function mix(h: number, c: number): number {
  const lower = c >= 65 && c <= 90 ? c + 32 : c;
  return (Math.imul(h, 31) + lower) & 0x3fffffff; // never negative: -1 is windowHash's signal
}

const UNNAMED_HASH = keyHash('(unnamed item)');
