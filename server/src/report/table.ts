// The decisions table: one row per item of a letter, built through one list of columns so that
// more columns can be appended (never removed or reordered: the column names and their order are
// a public contract, documented in the README). Pure: a letter and its diagnostics in, plain rows
// out. The CLI writes the rows as CSV or JSON Lines; the language server may build the same rows.
import { isoDate, itemTableFields, type Diagnostic, type Item, type ItemTableFields, type Letter } from '../engine';

/** A cell: text, a whole number, a list of rule ids, or null (unknown / not applicable). */
export type Cell = string | number | readonly string[] | null;

/** What a row is built from. `item` is null for the letter's own row (see tableRows). */
export interface RowSource {
  /** The path shown to the user. */
  file: string;
  letter: Letter;
  /** The rule ids of the diagnostics this row carries, in the order they were reported, once each. */
  problems: readonly string[];
  item: Item | null;
  itemIndex: number | null;
  /**
   * The page a line is on, for letters read from a PDF; absent for text letters (page is empty).
   * A hook for PDF reading: the reader that knows pages passes it in.
   */
  pageOfLine?: (line: number) => number | null;
}

export interface Column {
  name: string;
  value(row: RowSource): Cell;
}

/** The columns, in order. Append new ones at the end. */
export const COLUMNS: readonly Column[] = [
  { name: 'file', value: (r) => r.file },
  { name: 'page', value: (r) => (r.item && r.pageOfLine ? r.pageOfLine(r.item.range.start.line) : null) },
  { name: 'case_number', value: (r) => r.letter.metadata.caseNumber },
  { name: 'decision_date', value: (r) => isoDate(r.letter.metadata.decisionDate) },
  { name: 'item_index', value: (r) => r.itemIndex },
  { name: 'item', value: (r) => r.item?.name ?? null },
  { name: 'decision', value: (r) => r.item?.decision ?? null },
  { name: 'maximus_guideline', value: (r) => r.item?.maximusGuideline?.text ?? null },
  { name: 'problems', value: (r) => r.problems },
  // What the item means for the case (issue 12), from the engine's itemTableFields: the letter's
  // own row (item_index null) leaves them empty.
  { name: 'date_assigned', value: (r) => fieldsOf(r)?.dateAssigned ?? null },
  { name: 'days_to_decision', value: (r) => fieldsOf(r)?.daysToDecision ?? null },
  { name: 'priority', value: (r) => fieldsOf(r)?.priority ?? null },
  { name: 'reviewer_specialty', value: (r) => fieldsOf(r)?.reviewerSpecialty ?? null },
  { name: 'category', value: (r) => fieldsOf(r)?.category ?? null },
  { name: 'drug_group', value: (r) => fieldsOf(r)?.drugGroup ?? null },
  { name: 'maximus_guideline_class', value: (r) => fieldsOf(r)?.maximusGuidelineClass ?? null },
  { name: 'claims_administrator_guideline_class', value: (r) => fieldsOf(r)?.claimsAdministratorGuidelineClass ?? null },
  { name: 'appeal_deadline', value: (r) => fieldsOf(r)?.appealDeadline ?? null },
];

/** itemTableFields once per item, however many columns read it (the item objects are the letter's own). */
const fieldsCache = new WeakMap<Item, ItemTableFields>();
function fieldsOf(row: RowSource): ItemTableFields | null {
  if (!row.item) return null;
  let fields = fieldsCache.get(row.item);
  if (!fields) {
    fields = itemTableFields(row.letter, row.item);
    fieldsCache.set(row.item, fields);
  }
  return fields;
}

export const COLUMN_NAMES: readonly string[] = COLUMNS.map((c) => c.name);

export interface TableInput {
  file: string;
  letter: Letter;
  diagnostics: readonly Diagnostic[];
  pageOfLine?: (line: number) => number | null;
}

/**
 * The rows of one letter: one per item (item_index 0, 1, ...) with the rule ids of the problems
 * about that item; then, when the letter has no items or has problems about no one item (a
 * missing section, an older layout), one row with item_index null that carries those.
 * So every letter has at least one row, and every problem is on exactly one row.
 */
export function tableRows(input: TableInput): RowSource[] {
  const { file, letter, pageOfLine } = input;
  const perItem: string[][] = letter.items.map(() => []);
  const ofLetter: string[] = [];
  for (const d of input.diagnostics) {
    const list = d.item !== null && d.item >= 0 && d.item < perItem.length ? perItem[d.item] : ofLetter;
    if (!list.includes(d.code)) list.push(d.code);
  }
  const rows: RowSource[] = letter.items.map((item, index) => ({ file, letter, item, itemIndex: index, problems: perItem[index], pageOfLine }));
  if (rows.length === 0 || ofLetter.length > 0) rows.push({ file, letter, item: null, itemIndex: null, problems: ofLetter, pageOfLine });
  return rows;
}

/** A row's cells in column order. */
export function cells(row: RowSource, columns: readonly Column[] = COLUMNS): Cell[] {
  return columns.map((c) => c.value(row));
}

// --- CSV (RFC 4180) ----------------------------------------------------------------------------

/**
 * A UTF-8 byte order mark: Excel reads a CSV file as UTF-8 only when it starts with one (without
 * it, accents come out as mojibake in the system code page); LibreOffice, DuckDB, pandas
 * (encoding "utf-8-sig") and Python's csv module skip it.
 */
export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

export function csvHeader(columns: readonly Column[] = COLUMNS): string {
  return columns.map((c) => csvField(c.name)).join(',') + CSV_EOL;
}

export function csvLine(row: RowSource, columns: readonly Column[] = COLUMNS): string {
  return cells(row, columns).map(csvCell).join(',') + CSV_EOL;
}

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell !== 'string') return csvField(cell.join(';'));
  return csvField(defuseFormula(cell));
}

/** Quoted when it holds a comma, a quote or a line break (RFC 4180 §2.6), quotes doubled (§2.7). */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Text from a letter that a spreadsheet would run as a formula ("=HYPERLINK(...)", "+1", "@SUM")
 * gets a leading apostrophe (the OWASP advice for CSV injection). Item names and guidelines start
 * with a letter in practice, so real data is not changed; JSON Lines keeps the text as it is.
 */
function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

// --- JSON Lines --------------------------------------------------------------------------------

/** One JSON object per line, keys in column order; problems is an array of rule ids. */
export function jsonLine(row: RowSource, columns: readonly Column[] = COLUMNS): string {
  const object: Record<string, Cell> = {};
  for (const c of columns) object[c.name] = c.value(row);
  return JSON.stringify(object) + '\n';
}
