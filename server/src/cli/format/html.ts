// --format html: one self-contained summary page (server/src/report/html.ts). Each file's piece is
// its summary record as JSON (small, made in a worker thread when there are workers); the main
// thread collects them and writes the page at the end. Letters are linked relative to the working
// folder, where the report is expected to be saved; those outside it by file: URL.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { summaryHtml, summaryRecord, type SummaryRecord } from '../../report/html';
import type { FileReport, Reporter, RunSummary } from './reporter';

export function htmlReporter(generator: string): Reporter {
  return {
    collect: true,
    start: () => '',
    separator: '',
    pieces: (report: FileReport) => [JSON.stringify(summaryRecord(report.display, hrefOf(report), report.letter, report.diagnostics))],
    end: (_summary: RunSummary, collected: readonly string[] = []) =>
      summaryHtml(collected.map((piece) => JSON.parse(piece) as SummaryRecord), { generator }),
  };
}

function hrefOf(report: FileReport): string | null {
  if (report.absPath === null) return null;
  if (path.isAbsolute(report.display)) return pathToFileURL(report.absPath).href;
  return report.display.split(/[\\/]/).map(encodeURIComponent).join('/');
}
