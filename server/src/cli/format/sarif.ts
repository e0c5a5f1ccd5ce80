// SARIF 2.1.0 output (valid against the OASIS schema): one run, the rule registry as
// tool.driver.rules with their docs as help, one result per diagnostic. Results stream out
// one file at a time; the invocation (exit code, unreadable inputs) closes the run.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Rule, Severity } from '../../engine';
import { oneBased, type FileReport, type Notice, type Reporter, type ReporterContext, type RunSummary } from './reporter';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
/** Artifact URIs are relative to this base, which the run maps to the working folder. */
const SRCROOT = 'SRCROOT';

export function sarifReporter(context: ReporterContext): Reporter {
  const ruleIndex = new Map(context.rules.map((rule, i) => [rule.id, i]));
  return {
    separator: ',\n',
    start(): string {
      const head = {
        $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name: 'imr-lint',
                version: context.version,
                semanticVersion: context.version,
                ...(context.homepage ? { informationUri: context.homepage } : {}),
                rules: context.rules.map(ruleDescriptor),
              },
            },
            originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(context.cwd) } },
            columnKind: 'utf16CodeUnits',
            results: [],
          },
        ],
      };
      // Leave the run and its results array open (results is its last key): results and the
      // invocation follow.
      const text = JSON.stringify(head);
      return `${text.slice(0, -']}]}'.length)}\n`;
    },
    pieces(report: FileReport): string[] {
      return report.diagnostics.map((d) => JSON.stringify(result(d, report, context.cwd, ruleIndex.get(d.code))));
    },
    end(summary: RunSummary): string {
      const invocation = {
        executionSuccessful: summary.exitCode !== 2,
        exitCode: summary.exitCode,
        toolExecutionNotifications: summary.notices.map((n) => notification(n, context.cwd)),
        // The configuration files that applied, named so that a clean result can be trusted.
        properties: { configurationFiles: summary.configuration.files, ruleFlags: summary.configuration.ruleFlags },
      };
      return `\n],"invocations":[${JSON.stringify(invocation)}]}]}\n`;
    },
  };
}

function ruleDescriptor(rule: Rule): object {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: sentence(rule.description) },
    fullDescription: { text: sentence(firstParagraph(plainText(rule.docs)) || rule.description) },
    help: { text: plainText(rule.docs), markdown: rule.docs },
    defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
    properties: { defaultSeverity: rule.defaultSeverity },
  };
}

function result(d: Diagnostic, report: FileReport, cwd: string, index: number | undefined): object {
  const start = oneBased(d.range.start);
  const end = oneBased(d.range.end);
  return {
    ruleId: d.code,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVELS[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(report.absPath, cwd),
          region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
        },
      },
    ],
    properties: { severity: d.severity, item: d.item, ...(report.pages ? { page: report.pages.pageOf(d.range.start) } : {}) },
  };
}

function notification(notice: Notice, cwd: string): object {
  return {
    level: notice.level,
    message: { text: `${notice.display}: ${notice.message}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(path.resolve(cwd, notice.display), cwd) } }],
  };
}

/** Relative to SRCROOT inside the working folder, a file: URI outside it, a description for stdin. */
function artifactLocation(absPath: string | null, cwd: string): object {
  if (absPath === null) return { description: { text: 'standard input' } };
  const rel = path.relative(cwd, absPath);
  if (rel === '' || rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel)) {
    return { uri: pathToFileURL(absPath).href };
  }
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function pascalCase(id: string): string {
  return id.replace(/(?:^|-)([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** SARIF asks that plain-text messages be sentences. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function firstParagraph(text: string): string {
  return text.split(/\n\s*\n/)[0]?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Markdown docs as plain text for SARIF viewers that do not render Markdown. */
function plainText(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\[([^[\]]*)\]\(([^()\s]*)\)/g, '$1 ($2)')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .trim();
}
