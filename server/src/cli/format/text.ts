// Text output like other linters: `path:line:col severity message [code]`, then a summary.
// For a PDF, ` (page N)` follows; line and column are those of its extracted text.
import { configurationLine, oneBased, plural, safeForTerminal, type FileReport, type Reporter, type RunSummary } from './reporter';

export function textReporter(): Reporter {
  return {
    start: () => '',
    separator: '',
    pieces(report: FileReport): string[] {
      return report.diagnostics.map((d) => {
        const { line, column } = oneBased(d.range.start);
        const page = report.pages ? ` (page ${report.pages.pageOf(d.range.start)})` : '';
        return `${safeForTerminal(report.display)}:${line}:${column} ${d.severity} ${oneLine(d.message)} [${d.code}]${page}\n`;
      });
    },
    end(summary: RunSummary): string {
      const { counts, files, filesWithProblems } = summary.totals;
      const problems = counts.error + counts.warning + counts.information + counts.hint;
      const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.information, 'info')];
      if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
      const where = problems > 0 ? `in ${plural(filesWithProblems, 'file')} (${files} checked)` : `in ${plural(files, 'file')}`;
      return `${plural(problems, 'problem')} (${parts.join(', ')}) ${where}\n${safeForTerminal(configurationLine(summary.configuration))}\n`;
    },
  };
}

/** A message never breaks the one-line-per-problem shape that editors and grep rely on, nor drives the terminal. */
function oneLine(message: string): string {
  return safeForTerminal(message.replace(/[\r\n]+/g, ' '));
}
