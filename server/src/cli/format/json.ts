// JSON output: a contract other tools read. Shape (more keys may be added, none removed):
// {"version":1,"files":[{"path","appealDeadline","items":[{"name","decision","range","category",
//   "drugGroup","guidelineClasses":{"maximus","claimsAdministrator"}}],
//   "diagnostics":[{"code","severity","message","range","item"}]}],"notices",
//   "configuration":{"files":[config paths that applied],"ruleFlags":N},"exitCode"}
// A letter read from a PDF adds "pages" to its file and "page" to each diagnostic and item.
// Written one file at a time, so a report over thousands of letters streams.
import { classifyTreatment, itemGuidelineClasses, letterAppealDeadline, type Diagnostic, type Item } from '../../engine';
import type { FileReport, Reporter, RunSummary } from './reporter';

export function jsonReporter(): Reporter {
  return {
    start: () => '{"version":1,"files":[\n',
    separator: ',\n',
    pieces(report: FileReport): string[] {
      const pages = report.pages;
      const entry = {
        path: report.display,
        layout: report.letter.layout,
        metadata: report.letter.metadata,
        appealDeadline: letterAppealDeadline(report.letter),
        items: report.letter.items.map((item) => ({ ...itemJson(item), ...(pages ? { page: pages.pageOf(item.range.start) } : {}) })),
        diagnostics: report.diagnostics.map((d) => ({ ...diagnosticJson(d), ...(pages ? { page: pages.pageOf(d.range.start) } : {}) })),
        ...(pages ? { pages: pages.count } : {}),
      };
      return [JSON.stringify(entry)];
    },
    end(summary: RunSummary): string {
      const notices = summary.notices.map((n) => ({ path: n.display, level: n.level, message: n.message }));
      const configuration = { files: summary.configuration.files, ruleFlags: summary.configuration.ruleFlags };
      return `\n],"notices":${JSON.stringify(notices)},"configuration":${JSON.stringify(configuration)},"exitCode":${summary.exitCode}}\n`;
    },
  };
}

function itemJson(item: Item): object {
  return {
    name: item.name,
    decision: item.decision,
    range: item.range,
    nameRange: item.nameRange,
    decisionRange: item.decisionRange,
    leadIn: item.leadIn,
    ...classifyTreatment(item.name),
    guidelineClasses: itemGuidelineClasses(item),
  };
}

function diagnosticJson(d: Diagnostic): object {
  return { code: d.code, severity: d.severity, message: d.message, range: d.range, item: d.item };
}
