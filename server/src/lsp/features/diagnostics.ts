// Engine diagnostics to LSP diagnostics. Each carries source "imr", its rule id as code, a link to
// the rule's doc, and in `data` the fixes its quick fix applies, stamped with the version they
// were computed for (code actions refuse data from another version).
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { ruleById, type Diagnostic, type Fix, type Severity } from '../../engine';
import type { Analysis } from '../analysis';
import { isRange, isRecord } from '../params';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { ruleDocHref } from '../ruleDocs';

export interface DiagnosticData {
  version: number;
  /** The analysis's revision (a version can be reused for new text): fixes apply only to it. */
  revision?: number;
  fixes: Fix[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostics(analysis: Analysis): LspDiagnostic[] {
  if (!analysis.result) return [];
  return analysis.result.diagnostics.map((diagnostic) => toLspDiagnostic(analysis, diagnostic));
}

export function toLspDiagnostic(analysis: Analysis, diagnostic: Diagnostic): LspDiagnostic {
  const lsp: LspDiagnostic = {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity] ?? DiagnosticSeverity.Warning,
    code: diagnostic.code,
    // The limit diagnostic (limits.ts) is not a rule and has no page.
    ...(ruleById(diagnostic.code) ? { codeDescription: { href: ruleDocHref(diagnostic.code) } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
  };
  if (diagnostic.related?.length) {
    lsp.relatedInformation = diagnostic.related.map((related) => ({
      location: { uri: analysis.uri, range: related.range },
      message: related.message,
    }));
  }
  const data: DiagnosticData = { version: analysis.version, revision: analysis.revision, fixes: diagnostic.fixes ?? [] };
  lsp.data = data;
  return lsp;
}

/** Reads back the data of a diagnostic a client returns in a code action request. */
export function readDiagnosticData(data: unknown): DiagnosticData | undefined {
  if (!isRecord(data) || typeof data.version !== 'number' || !Array.isArray(data.fixes)) return undefined;
  const fixes = data.fixes.filter(isFix);
  return { version: data.version, revision: typeof data.revision === 'number' ? data.revision : undefined, fixes };
}

function isFix(value: unknown): value is Fix {
  return isRecord(value) && typeof value.title === 'string' && Array.isArray(value.edits) &&
    value.edits.every((edit) => isRecord(edit) && typeof edit.newText === 'string' && isRange(edit.range));
}
