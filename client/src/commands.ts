// The extension's commands: turning a rule off in the workspace settings (the server's code
// action "disable this rule in this workspace" calls it) and showing the server's defect list.
import * as vscode from 'vscode';
import {
  DIAGNOSTIC_SOURCE,
  LANGUAGE_ID,
  SETTINGS_SECTION,
  type ListDefectsResult,
  type RuleSeveritySetting,
} from '../../server/src/shared/protocol';

// Rule ids are kebab-case words (missing-decision, ...). Anything else is not a rule id and must
// not become a settings key.
const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

type RuleSettings = { [ruleId: string]: RuleSeveritySetting | undefined };

/** Sets `imr.rules[ruleId] = "off"` in the workspace settings (user settings when no folder is open). */
export async function disableRule(ruleId: unknown): Promise<boolean> {
  const id = typeof ruleId === 'string' && ruleId ? ruleId : await pickRuleOfActiveLetter();
  if (id === undefined) return false;
  if (!RULE_ID.test(id)) {
    void vscode.window.showErrorMessage(`IMR: "${id}" is not a rule id.`);
    return false;
  }
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const hasWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0 || vscode.workspace.workspaceFile !== undefined;
  const target = hasWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  // Only the value already at that level is merged: copying the effective value would write
  // user-level rule settings into the workspace.
  const inspected = config.inspect<RuleSettings>('rules');
  const current = (hasWorkspace ? inspected?.workspaceValue : inspected?.globalValue) ?? {};
  await config.update('rules', { ...current, [id]: 'off' }, target);
  void vscode.window.showInformationMessage(
    `IMR: rule "${id}" is off in the ${hasWorkspace ? 'workspace' : 'user'} settings (imr.rules).`,
  );
  return true;
}

/** From the palette there is no argument: offer the rules that fire on the active letter. */
async function pickRuleOfActiveLetter(): Promise<string | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  const codes = new Set<string>();
  if (document?.languageId === LANGUAGE_ID) {
    for (const d of vscode.languages.getDiagnostics(document.uri)) {
      const code = typeof d.code === 'object' ? d.code.value : d.code;
      if (d.source === DIAGNOSTIC_SOURCE && code !== undefined) codes.add(String(code));
    }
  }
  if (codes.size === 0) {
    void vscode.window.showInformationMessage('IMR: the active letter has no problems to turn off.');
    return undefined;
  }
  return vscode.window.showQuickPick([...codes].sort(), { placeHolder: 'Rule to turn off in this workspace' });
}

/** The active letter's uri, for a server command run from the palette without arguments. */
export function activeLetterUri(): string | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === LANGUAGE_ID ? document.uri.toString() : undefined;
}

function isListDefectsResult(value: unknown): value is ListDefectsResult {
  return typeof value === 'object' && value !== null && typeof (value as ListDefectsResult).text === 'string';
}

/** Lines for the "IMR Defects" channel; tolerant of a server that answers with something else. */
export function formatDefects(result: unknown): string[] {
  if (!isListDefectsResult(result)) {
    return [typeof result === 'string' ? result : (JSON.stringify(result, null, 2) ?? 'no answer from the server')];
  }
  const header = `${result.uri} (version ${result.version}): ${result.count} defect${result.count === 1 ? '' : 's'}`;
  return [header, ...result.text.split('\n').filter((line) => line.length > 0).map((line) => `  ${line}`)];
}
