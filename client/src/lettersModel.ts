// The IMR Letters view's model, without vscode: grouping (none, by folder, by outcome) and the
// filter (decision, rule, text). Pure, so it is tested without an editor.
import type { WorkspaceLetterEntry } from '../../server/src/shared/protocol';

export type Grouping = 'none' | 'folder' | 'outcome';

export interface LetterFilter {
  decision: 'Upheld' | 'Overturned' | null;
  rule: string | null;
  /** Matched, ignoring case, against the file name, the case number and the item names. */
  text: string;
}

export const NO_FILTER: LetterFilter = { decision: null, rule: null, text: '' };

export type Outcome = 'All upheld' | 'All overturned' | 'Partly overturned' | 'No decision';

export function outcomeOf(letter: WorkspaceLetterEntry): Outcome {
  const upheld = letter.items.some((i) => i.decision === 'Upheld');
  const overturned = letter.items.some((i) => i.decision === 'Overturned');
  if (upheld && overturned) return 'Partly overturned';
  if (overturned) return 'All overturned';
  if (upheld) return 'All upheld';
  return 'No decision';
}

export function isFilterActive(filter: LetterFilter): boolean {
  return filter.decision !== null || filter.rule !== null || filter.text.trim() !== '';
}

/** Reads "decision:upheld rule:missing-guideline norco" into a filter (words after the keys are text). */
export function parseFilter(input: string): LetterFilter {
  const filter: LetterFilter = { decision: null, rule: null, text: '' };
  const words: string[] = [];
  for (const word of input.trim().split(/\s+/).filter(Boolean)) {
    const m = /^(decision|rule):(.+)$/i.exec(word);
    if (m && m[1].toLowerCase() === 'decision') {
      const d = m[2].toLowerCase();
      if (d === 'upheld') filter.decision = 'Upheld';
      else if (d === 'overturned') filter.decision = 'Overturned';
      else words.push(word);
    } else if (m) {
      filter.rule = m[2];
    } else {
      words.push(word);
    }
  }
  filter.text = words.join(' ');
  return filter;
}

export function describeFilter(filter: LetterFilter): string {
  const parts: string[] = [];
  if (filter.decision) parts.push(`decision:${filter.decision.toLowerCase()}`);
  if (filter.rule) parts.push(`rule:${filter.rule}`);
  if (filter.text.trim()) parts.push(filter.text.trim());
  return parts.join(' ');
}

/**
 * The letters the filter keeps, each with the items it keeps: a decision or rule filter keeps
 * the items that match (a rule also matches the letter's own problems); text keeps a letter whose
 * file, case number or any item matches, with all its items.
 */
export function applyFilter(letters: readonly WorkspaceLetterEntry[], filter: LetterFilter, fileName: (uri: string) => string): WorkspaceLetterEntry[] {
  if (!isFilterActive(filter)) return [...letters];
  const text = filter.text.trim().toLowerCase();
  const out: WorkspaceLetterEntry[] = [];
  for (const letter of letters) {
    let items = letter.items;
    if (filter.decision) items = items.filter((i) => i.decision === filter.decision);
    if (filter.rule) {
      const rule = filter.rule;
      const ofLetter = letter.letterRules.includes(rule);
      items = items.filter((i) => i.rules.includes(rule));
      if (items.length === 0 && !ofLetter) continue;
    }
    if (filter.decision && items.length === 0) continue;
    if (text) {
      const haystack = [fileName(letter.uri), letter.caseNumber ?? '', ...letter.items.map((i) => i.name)].join('\n').toLowerCase();
      if (!haystack.includes(text)) continue;
    }
    out.push({ ...letter, items });
  }
  return out;
}

export interface Group {
  label: string;
  letters: WorkspaceLetterEntry[];
}

/** Groups in a stable order: folders by path, outcomes in a fixed order. */
export function groupLetters(letters: readonly WorkspaceLetterEntry[], grouping: Grouping, folderOf: (uri: string) => string): Group[] {
  if (grouping === 'none') return [{ label: '', letters: [...letters] }];
  const order: Outcome[] = ['All upheld', 'Partly overturned', 'All overturned', 'No decision'];
  const groups = new Map<string, WorkspaceLetterEntry[]>();
  for (const letter of letters) {
    const key = grouping === 'folder' ? folderOf(letter.uri) : outcomeOf(letter);
    const list = groups.get(key) ?? [];
    list.push(letter);
    groups.set(key, list);
  }
  const keys = [...groups.keys()].sort((a, b) =>
    grouping === 'outcome' ? order.indexOf(a as Outcome) - order.indexOf(b as Outcome) : a.localeCompare(b));
  return keys.map((label) => ({ label, letters: groups.get(label)! }));
}

/** The badge: letters with at least one problem. */
export function lettersWithProblems(letters: readonly WorkspaceLetterEntry[]): number {
  return letters.filter((l) => l.problems > 0).length;
}
