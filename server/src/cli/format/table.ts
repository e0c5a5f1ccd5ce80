// --format csv and --format jsonl: the decisions table (server/src/report/table.ts), one row per
// item. CSV starts with a UTF-8 BOM and a header line; JSON Lines has neither, so the outputs of
// several shards concatenate as they are. A letter read from a PDF fills the page column.
import { csvHeader, csvLine, CSV_BOM, jsonLine, tableRows } from '../../report/table';
import type { FileReport, Reporter } from './reporter';

export function csvReporter(): Reporter {
  return {
    start: () => CSV_BOM + csvHeader(),
    separator: '',
    pieces: (report: FileReport) => rowsOf(report).map((row) => csvLine(row)),
    end: () => '',
  };
}

export function jsonlReporter(): Reporter {
  return {
    start: () => '',
    separator: '',
    pieces: (report: FileReport) => rowsOf(report).map((row) => jsonLine(row)),
    end: () => '',
  };
}

function rowsOf(report: FileReport): ReturnType<typeof tableRows> {
  const pages = report.pages;
  // A line's page is its first character's: extraction ends each page with "\f" right before the
  // next page's first line, so a form feed is only ever at a line's start and every character of
  // a line is on one page; the item's page is then the JSON output's item "page".
  const pageOfLine = pages ? (line: number) => pages.pageOf({ line, character: 0 }) : undefined;
  return tableRows({ file: report.display, letter: report.letter, diagnostics: report.diagnostics, pageOfLine });
}
