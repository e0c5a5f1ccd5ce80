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
    const seen = new Map<string, number>();
    const out: Finding[] = [];
    letter.items.forEach((item, index) => {
      const key = item.name.toLowerCase().replace(/\s+/g, '');
      if (key === '' || key === '(unnameditem)') return;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, index);
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
