// workspace/executeCommand. The server implements imr.listDefects; imr.disableRule belongs to the
// client (servers cannot write settings), so a client that forwards it here gets told what to set.
import { ErrorCodes, ResponseError, type ExecuteCommandParams } from 'vscode-languageserver';
import type { LintResult } from '../../engine';
import { SETTINGS_SECTION, type ListDefectsResult } from '../protocol';

export function listDefects(uri: string, version: number, result: LintResult): ListDefectsResult {
  const lines = result.diagnostics.map((d) =>
    `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
  return { uri, version, count: lines.length, text: lines.length ? lines.join('\n') + '\n' : 'No defects found.\n' };
}

export function disableRuleAdvice(ruleId: string): string {
  return `To turn off the rule "${ruleId}", add it to your editor's settings for this workspace: ` +
    `"${SETTINGS_SECTION}.rules": { "${ruleId}": "off" }.`;
}

/** The first argument as a string, or an InvalidParams error naming the command. */
export function stringArgument(params: ExecuteCommandParams): string {
  const first: unknown = Array.isArray(params.arguments) ? params.arguments[0] : undefined;
  if (typeof first !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${params.command} expects a string argument`);
  return first;
}
