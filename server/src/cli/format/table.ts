// --format csv and --format jsonl: the decisions table (server/src/report/table.ts), one row per
// item. CSV starts with a UTF-8 BOM and a header line; JSON Lines has neither, so the outputs of
// several shards concatenate as they are.
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
  return tableRows({ file: report.display, letter: report.letter, diagnostics: report.diagnostics });
}
