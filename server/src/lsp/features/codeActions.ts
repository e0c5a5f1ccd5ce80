// textDocument/codeAction: actions that help a reader without touching the letter, which is
// evidence: copy a note describing the defect (case number, item, rule), open the rule's page,
// turn the rule off; and a source action that lists every defect. No action carries an edit.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_DIAGNOSTICS, ruleById, type LintResult } from '../../engine';
import type { Analysis } from '../analysis';
import { toLspDiagnostic } from './diagnostics';
import { isRange, isRecord, rangesIntersect } from '../params';
import { Commands, DIAGNOSTIC_SOURCE, LIST_DEFECTS_KIND } from '../protocol';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, LIST_DEFECTS_KIND];

export interface CodeActionInput {
  document: TextDocument;
  analysis: Analysis;
  result: LintResult;
  params: CodeActionParams;
  /** The client applies `documentChanges` (versioned edits). Unused: no action edits the letter. */
  versionedEdits: boolean;
}

export function codeActions({ document, analysis, result, params }: CodeActionInput): CodeAction[] {
  const only = Array.isArray(params.context?.only) ? params.context.only.filter((k): k is string => typeof k === 'string') : undefined;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(requested + '.'));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const diagnostics = imrDiagnostics(params, analysis, result);
    for (const diagnostic of diagnostics) {
      const title = 'Copy a note about this defect';
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        command: { title, command: Commands.copyDefectNote, arguments: [defectNote(document, result, diagnostic)] },
      });
    }
    const ruleIds = [...new Set(diagnostics.map((d) => String(d.code)))].filter((id) => ruleById(id) !== undefined);
    for (const ruleId of ruleIds) {
      const related = diagnostics.filter((d) => d.code === ruleId);
      const open = `Open the page of the rule "${ruleTitle(ruleId)}"`;
      actions.push({ title: open, kind: CodeActionKind.QuickFix, diagnostics: related, command: { title: open, command: Commands.openRulePage, arguments: [ruleId] } });
      // The same words as the command "Turn Off a Rule in This Workspace".
      const off = `Turn off the rule "${ruleTitle(ruleId)}" in this workspace`;
      actions.push({ title: off, kind: CodeActionKind.QuickFix, diagnostics: related, command: { title: off, command: Commands.disableRule, arguments: [ruleId] } });
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

/** A rule's plain title: its `title`, else its id. */
export function ruleTitle(ruleId: string): string {
  return ruleById(ruleId)?.title ?? ruleId;
}

/**
 * A note for a memo or an appeal: the letter (case number, else file name), the item with its
 * decision, the place, what was found and the rule. Built from the current analysis; the
 * diagnostic's message is used when the analysis no longer holds it.
 */
export function defectNote(document: TextDocument, result: LintResult, diagnostic: LspDiagnostic): string {
  const { letter } = result;
  const found = result.diagnostics.find((d) => d.code === diagnostic.code && rangesIntersect(d.range, diagnostic.range));
  const path = document.uri.split(/[?#]/, 1)[0];
  const file = safeDecode(path.slice(path.lastIndexOf('/') + 1) || document.uri);
  const where = letter.metadata.caseNumber ? `IMR case ${letter.metadata.caseNumber} (${file})` : file;
  const item = found?.item != null ? letter.items[found.item] : undefined;
  const what = item ? `, item ${found!.item! + 1} "${item.name}" (${item.decision ?? 'no decision'})` : '';
  const rule = ruleById(String(diagnostic.code));
  return `${where}${what}, line ${diagnostic.range.start.line + 1}: ${found?.message ?? diagnostic.message} ` +
    `[IMR Letters rule ${diagnostic.code}${rule?.title ? `: ${rule.title}` : ''}]`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
