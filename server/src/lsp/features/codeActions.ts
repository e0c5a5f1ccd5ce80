// textDocument/codeAction: the engine's fixes as quick fixes, "disable this rule" per rule, and a
// source action that lists every defect. Fixes come from the diagnostic's data when it was
// computed for the document's current version, else from the current analysis: an edit is never
// built against text that has changed since.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_DIAGNOSTICS, ruleById, type Fix, type LintResult } from '../../engine';
import type { Analysis } from '../analysis';
import { readDiagnosticData, toLspDiagnostic } from './diagnostics';
import { isRange, isRecord, rangesIntersect } from '../params';
import { Commands, DIAGNOSTIC_SOURCE, LIST_DEFECTS_KIND } from '../protocol';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, LIST_DEFECTS_KIND];

export interface CodeActionInput {
  document: TextDocument;
  analysis: Analysis;
  result: LintResult;
  params: CodeActionParams;
  /** The client applies `documentChanges` (versioned edits, rejected if the text moved on). */
  versionedEdits: boolean;
}

export function codeActions({ document, analysis, result, params, versionedEdits }: CodeActionInput): CodeAction[] {
  const only = Array.isArray(params.context?.only) ? params.context.only.filter((k): k is string => typeof k === 'string') : undefined;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(requested + '.'));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const diagnostics = imrDiagnostics(params, analysis, result);
    for (const diagnostic of diagnostics) {
      const fixes = fixesFor(diagnostic, document, analysis, result);
      fixes.forEach((fix, i) => {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: i === 0,
          edit: workspaceEdit(document, fix.edits, versionedEdits),
        });
      });
    }
    const ruleIds = [...new Set(diagnostics.map((d) => String(d.code)))].filter((id) => ruleById(id) !== undefined);
    for (const ruleId of ruleIds) {
      const title = `Disable rule "${ruleId}" in this workspace`;
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: diagnostics.filter((d) => d.code === ruleId),
        command: { title, command: Commands.disableRule, arguments: [ruleId] },
      });
    }
  }

  if (wants(LIST_DEFECTS_KIND)) {
    const title = 'List every defect of this letter';
    actions.push({ title, kind: LIST_DEFECTS_KIND, command: { title, command: Commands.listDefects, arguments: [document.uri] } });
  }
  return actions;
}

/** The imr diagnostics the client sent; clients that send none get those of the current analysis in the range. */
function imrDiagnostics(params: CodeActionParams, analysis: Analysis, result: LintResult): LspDiagnostic[] {
  // A letter never has more than MAX_DIAGNOSTICS (+ the limit notes): more sent are not ours.
  const sent = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics.slice(0, MAX_DIAGNOSTICS + 2) : [];
  const ours = sent.filter((d) => isRecord(d) && d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string' && isRange(d.range));
  if (ours.length > 0 || sent.length > 0) return ours;
  return result.diagnostics
    .filter((d) => rangesIntersect(d.range, params.range))
    .map((d) => toLspDiagnostic(analysis, d));
}

function fixesFor(diagnostic: LspDiagnostic, document: TextDocument, analysis: Analysis, result: LintResult): Fix[] {
  const data = readDiagnosticData(diagnostic.data);
  if (data && data.version === document.version && data.revision === analysis.revision) return data.fixes;
  // Stale or missing data: the current analysis's diagnostics of that rule at that place.
  return result.diagnostics
    .filter((d) => d.code === diagnostic.code && rangesIntersect(d.range, diagnostic.range))
    .flatMap((d) => d.fixes ?? []);
}

function workspaceEdit(document: TextDocument, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  if (versioned) return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
  return { changes: { [document.uri]: edits } };
}
