// Rebuilds a page's text from positioned text runs, as pdftotext (poppler) prints it in its
// default reading order, so that a letter read from its PDF is the text the engine already knows.
// Pure: runs in, string out. Only positions, widths and font sizes are read, never the words.
//
// The reading, in the terms of em (the font size of the runs involved):
// - runs whose baselines lie within half an em of a line's first run join that line; a line's
//   runs are sorted by x, with one space where the gap exceeds SPACE_EM or a blank run lies between;
// - a line splits into cells at gaps of CELL_GAP_EM or more; two or more consecutive lines with
//   several cells form a table (a one-cell line joins it when it starts in a column other than
//   the first), printed column by column, each column a flow of its own; a lone line with several
//   cells prints them as lines of its flow;
// - every other run of lines is one flow; each flow ends with an empty line, each page with a
//   form feed; a line ending in "-" followed by another line of its flow is joined to it with
//   the hyphen dropped (what poppler does, even to "non-opioid" split at the hyphen).

export interface TextRun {
  str: string;
  /** Start of the baseline, in page units (y grows upwards, as in PDF). */
  x: number;
  y: number;
  /** Advance width and font size, in page units. */
  width: number;
  size: number;
}

/** A gap wider than this many ems between two runs of a line is a space. */
const SPACE_EM = 0.15;
/** A gap this many ems wide or wider separates two cells (columns of a table, or a redaction). */
const CELL_GAP_EM = 1;
/** Baselines closer than this many ems are one line. */
const SAME_LINE_EM = 0.5;
/** Column starts closer than this many ems are one column. */
const SAME_COLUMN_EM = 1;

interface Cell {
  x: number;
  text: string;
  size: number;
}

interface Line {
  y: number;
  cells: Cell[];
}

const isBlank = (s: string): boolean => s.trim() === '';

/** The text of one page: its flows, each line ending in "\n", each flow followed by an empty line; then "\f". */
export function pageText(runs: readonly TextRun[]): string {
  const lines = buildLines(runs);
  let out = '';
  for (const flow of flows(lines)) out += flowText(flow) + '\n';
  return out + '\f';
}

/** Groups runs into lines (top to bottom), each split into cells at wide gaps. */
export function buildLines(runs: readonly TextRun[]): Line[] {
  const usable = runs.filter((r) => r.str.length > 0 && Number.isFinite(r.x) && Number.isFinite(r.y) && r.size > 0);
  usable.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  let current: TextRun[] = [];
  let baseline = 0;
  let em = 0;
  for (const run of usable) {
    if (current.length > 0 && Math.abs(run.y - baseline) <= SAME_LINE_EM * Math.max(em, run.size)) {
      current.push(run);
      em = Math.max(em, run.size);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [run];
    baseline = run.y;
    em = run.size;
  }
  if (current.length > 0) groups.push(current);

  const lines: Line[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    const cells: Cell[] = [];
    let cell: Cell | null = null;
    let end = 0; // right edge of the last printed run
    let blankBetween = false;
    for (const run of group) {
      if (isBlank(run.str)) {
        blankBetween = true;
        continue;
      }
      const size = cell ? Math.max(cell.size, run.size) : run.size;
      const gap = run.x - end;
      if (cell === null || gap >= CELL_GAP_EM * size) {
        cell = { x: run.x, text: run.str, size: run.size };
        cells.push(cell);
      } else {
        const space = (blankBetween || gap > SPACE_EM * size) && !/\s$/.test(cell.text) && !/^\s/.test(run.str);
        cell.text += (space ? ' ' : '') + run.str;
        cell.size = size;
      }
      end = run.x + run.width;
      blankBetween = false;
    }
    for (const c of cells) c.text = c.text.trim();
    const kept = cells.filter((c) => c.text.length > 0);
    if (kept.length > 0) lines.push({ y: group[0].y, cells: kept });
  }
  return lines;
}

/** The page's flows in reading order: each a list of line texts. */
function flows(lines: readonly Line[]): string[][] {
  const result: string[][] = [];
  let body: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].cells.length < 2) {
      body.push(lines[i].cells[0].text);
      i++;
      continue;
    }
    // A table: this line and the following lines that have several cells, or one cell that
    // starts in a column other than the first.
    const rows: Line[] = [lines[i]];
    const columns = columnStarts(lines[i].cells);
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j];
      if (line.cells.length >= 2) {
        for (const c of line.cells) addColumn(columns, c);
      } else if (!startsInLaterColumn(line.cells[0], columns)) {
        break;
      }
      rows.push(line);
    }
    if (rows.filter((r) => r.cells.length >= 2).length < 2) {
      // One line with a wide gap (a redaction, a signature beside a date) is not a table: its
      // cells are lines of the flow it sits in.
      for (const c of lines[i].cells) body.push(c.text);
      i++;
      continue;
    }
    if (body.length > 0) result.push(body);
    body = [];
    columns.sort((a, b) => a.x - b.x);
    for (const column of columns) {
      const cells: string[] = [];
      for (const row of rows) {
        for (const c of row.cells) if (columnOf(c, columns) === column) cells.push(c.text);
      }
      if (cells.length > 0) result.push(cells);
    }
    i = j;
  }
  if (body.length > 0) result.push(body);
  return result;
}

interface Column {
  x: number;
  size: number;
}

function columnStarts(cells: readonly Cell[]): Column[] {
  const columns: Column[] = [];
  for (const c of cells) addColumn(columns, c);
  return columns;
}

function addColumn(columns: Column[], cell: Cell): void {
  if (!columns.some((col) => Math.abs(col.x - cell.x) <= SAME_COLUMN_EM * Math.max(col.size, cell.size))) {
    columns.push({ x: cell.x, size: cell.size });
  }
}

/** The column whose start is nearest the cell's start. */
function columnOf(cell: Cell, columns: readonly Column[]): Column {
  let best = columns[0];
  for (const col of columns) if (Math.abs(col.x - cell.x) < Math.abs(best.x - cell.x)) best = col;
  return best;
}

function startsInLaterColumn(cell: Cell, columns: readonly Column[]): boolean {
  const leftmost = Math.min(...columns.map((c) => c.x));
  return columns.some((col) => col.x !== leftmost && Math.abs(col.x - cell.x) <= SAME_COLUMN_EM * Math.max(col.size, cell.size));
}

/** A flow's lines, joined as poppler joins them: a line ending in "-" runs on into the next. */
function flowText(lines: readonly string[]): string {
  let out = '';
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (k + 1 < lines.length && line.endsWith('-')) out += line.slice(0, -1);
    else out += line + '\n';
  }
  return out;
}
