import type { Finding, Rule } from '../rule';
import { UNNAMED_ITEM, type Item } from '../types';
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
    const items = letter.items;
    const firsts = firstsByHash(items) ?? firstsByMap(items);
    const out: Finding[] = [];
    for (let index = 0; index < items.length; index++) {
      const first = firsts[index];
      if (first < 0) continue;
      const item = items[index];
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

/** For each item, the index of the first item with the same key, or -1. */
type Firsts = Int32Array;

/**
 * Items told apart by a hash of their key, in an open-addressing table of first occurrences;
 * keys are built only where hashes meet, so a letter with a thousand items pays one pass over
 * the names and no string per item. The hash is not seeded, so names can be written to share
 * it ("a~" and "b_" do): past a budget of probes per item the table gives up (null) and the
 * caller uses a Map, whose string hashes V8 seeds, so no letter makes this quadratic.
 */
export function firstsByHash(items: readonly Item[]): Firsts | null {
  const hashes = new Int32Array(items.length);
  const keys: Array<string | undefined> = [];
  const keyOf = (index: number): string => (keys[index] ??= comparisonKey(items[index].name));
  const mask = tableSize(items.length) - 1;
  const table = new Int32Array(mask + 1); // index + 1 of the first item of each key; 0 = free
  const firsts = new Int32Array(items.length).fill(-1);
  let budget = PROBES_PER_ITEM * items.length + 64;
  for (let index = 0; index < items.length; index++) {
    const hash = (hashes[index] = keyHash(items[index].name));
    if ((hash === 0 || hash === UNNAMED_HASH) && IGNORED.has(keyOf(index))) continue;
    let slot = hash & mask;
    for (; table[slot] !== 0; slot = (slot + 1) & mask) {
      if (--budget < 0) return null;
      const earlier = table[slot] - 1;
      if (hashes[earlier] === hash && keyOf(earlier) === keyOf(index)) {
        firsts[index] = earlier;
        break;
      }
    }
    if (firsts[index] < 0) table[slot] = index + 1;
  }
  return firsts;
}

/** Probes allowed per item, on average, before the table gives up: real letters need about 1. */
const PROBES_PER_ITEM = 8;

/** The same answer as firstsByHash through a Map of keys: a string per item, linear always. */
export function firstsByMap(items: readonly Item[]): Firsts {
  const seen = new Map<string, number>();
  const firsts = new Int32Array(items.length).fill(-1);
  for (let index = 0; index < items.length; index++) {
    const key = comparisonKey(items[index].name);
    if (IGNORED.has(key)) continue;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else firsts[index] = first;
  }
  return firsts;
}

/** A power of two at least twice the count: probes stay short. */
function tableSize(count: number): number {
  let size = 16;
  while (size < count * 2) size *= 2;
  return size;
}

/** Names that identify nothing: empty, or the parser's placeholder. */
const IGNORED = new Set(['', comparisonKey(UNNAMED_ITEM)]);

/** Two names are the same item when these are equal. */
function comparisonKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '');
}

/**
 * A hash of comparisonKey(name), equal for equal keys, without building the key: every character
 * of the name that is not a space or a control, lower-cased. Every character is read, so names
 * that differ anywhere (in the middle too: "visit 1", "visit 2"...) hash apart and the table's
 * probes stay short whatever the letter: the cost is linear in the names' length. A non-ASCII
 * character may lower-case into ASCII (the Kelvin sign into "k") or vanish from the key (a Unicode
 * space): such a name is hashed through its key.
 */
export function keyHash(name: string): number {
  const h = asciiHash(name, true);
  return h >= 0 ? h : asciiHash(comparisonKey(name), false);
}

/** The hash of the characters that are not spaces; -1 when asked to stop at a non-ASCII one. */
function asciiHash(s: string, asciiOnly: boolean): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32) continue;
    if (c > 127 && asciiOnly) return -1;
    h = mix(h, c);
  }
  return h;
}

function mix(h: number, c: number): number {
  const lower = c >= 65 && c <= 90 ? c + 32 : c;
  return (Math.imul(h, 31) + lower) & 0x3fffffff; // never negative: -1 is asciiHash's signal
}

const UNNAMED_HASH = keyHash(UNNAMED_ITEM);
