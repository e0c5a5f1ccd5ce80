// The extension's commands: turning a rule off in the workspace settings (the server's code
// action "Turn off the rule ... in this workspace" calls it), with Undo, and back on; copying a
// note about a defect; opening a rule's page; showing the server's defect list; the actions for
// the defect at the cursor in a read-only letter, where VS Code's Quick Fix does not run.
import * as vscode from 'vscode';
import {
  DIAGNOSTIC_SOURCE,
  LANGUAGE_ID,
  SETTINGS_SECTION,
  type ListDefectsResult,
  type RuleSeveritySetting,
} from '../../server/src/shared/protocol';
import { PDF_TEXT_SCHEME, pdfUriOf } from './pdfLetters';
import { isRuleId } from './ruleLinks';

type RuleSettings = { [ruleId: string]: RuleSeveritySetting | undefined };

/** Sets `imr.rules[ruleId] = "off"` in the workspace settings (user settings when no folder is open). */
export async function disableRule(ruleId: unknown): Promise<boolean> {
  const id = typeof ruleId === 'string' && ruleId ? ruleId : await pickRuleOfActiveLetter();
  if (id === undefined) return false;
  // Anything but a kebab-case rule id must not become a settings key.
  if (!isRuleId(id)) {
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
  const previous = current[id];
  await config.update('rules', { ...current, [id]: 'off' }, target);
  // Say where it was written, and offer to take it back.
  const where = hasWorkspace ? 'the workspace settings (.vscode/settings.json)' : 'your user settings';
  void vscode.window
    .showInformationMessage(`IMR: the rule "${titleOf(id)}" is turned off in ${where}, under "imr.rules".`, 'Undo', 'Open Settings')
    .then(async (choice) => {
      if (choice === 'Undo') await setRule(id, previous, target);
      else if (choice === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'imr.rules');
    });
  return true;
}

/** Writes one rule's setting back (undefined removes it), keeping the others at that level. */
async function setRule(id: string, value: RuleSeveritySetting | undefined, target: vscode.ConfigurationTarget): Promise<void> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const inspected = config.inspect<RuleSettings>('rules');
  const level = target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue;
  const next: RuleSettings = { ...(level ?? {}) };
  if (value === undefined) delete next[id];
  else next[id] = value;
  await config.update('rules', Object.keys(next).length ? next : undefined, target);
}

/** Turns rules that were turned off back on: a picker of the rules set to "off" in settings. */
export async function enableRules(): Promise<number> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const inspected = config.inspect<RuleSettings>('rules');
  const levels: Array<[vscode.ConfigurationTarget, RuleSettings | undefined, string]> = [
    [vscode.ConfigurationTarget.Workspace, inspected?.workspaceValue, 'workspace settings'],
    [vscode.ConfigurationTarget.Global, inspected?.globalValue, 'user settings'],
  ];
  const picks = levels.flatMap(([target, rules, where]) =>
    Object.entries(rules ?? {})
      .filter(([, severity]) => severity === 'off')
      .map(([id]) => ({ label: titleOf(id), description: id, detail: `Turned off in the ${where}`, id, target })),
  );
  if (picks.length === 0) {
    void vscode.window.showInformationMessage('IMR: no rule is turned off.');
    return 0;
  }
  const chosen = await vscode.window.showQuickPick(picks, { canPickMany: true, placeHolder: 'Rules to turn back on' });
  for (const pick of chosen ?? []) await setRule(pick.id, undefined, pick.target);
  return chosen?.length ?? 0;
}

interface RulesSchema {
  properties?: Record<string, { description?: unknown } | undefined>;
}

/** The `imr.rules` settings schema an extension's manifest contributes, if any. */
function rulesSchemaOf(packageJSON: unknown): RulesSchema | undefined {
  const manifest = packageJSON as { contributes?: { configuration?: { properties?: Record<string, RulesSchema | undefined> } } } | undefined;
  return manifest?.contributes?.configuration?.properties?.['imr.rules'];
}

/** A rule's plain title from the settings schema this extension contributes ("Guideline missing: ..."). */
export function titleOf(id: string): string {
  const schemas = vscode.extensions.all.map((e) => rulesSchemaOf(e.packageJSON));
  const description = schemas.find((schema) => schema !== undefined)?.properties?.[id]?.description;
  return typeof description === 'string' && description.includes(': ') ? description.slice(0, description.indexOf(': ')) : id;
}

/** Copies a defect note to the clipboard; the letter is not touched. */
export async function copyDefectNote(note: unknown): Promise<boolean> {
  if (typeof note !== 'string' || !note) return false;
  await vscode.env.clipboard.writeText(note);
  void vscode.window.showInformationMessage('IMR: a note about this defect is on the clipboard.');
  return true;
}

/** Opens a rule's page rendered, read-only (Markdown preview of docs/rules/<id>.md). */
export async function openRulePage(extensionUri: vscode.Uri, ruleId: unknown): Promise<boolean> {
  if (typeof ruleId !== 'string' || !isRuleId(ruleId)) return false;
  const page = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    void vscode.window.showErrorMessage(`IMR: there is no page for the rule "${ruleId}".`);
    return false;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
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
  const picked = await vscode.window.showQuickPick(
    [...codes].sort().map((id) => ({ label: titleOf(id), description: id, id })),
    { placeHolder: 'Rule to turn off in this workspace' },
  );
  return picked?.id;
}

/** The active letter's uri, for a server command run from the palette without arguments. */
export function activeLetterUri(): string | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === LANGUAGE_ID ? document.uri.toString() : undefined;
}

function isListDefectsResult(value: unknown): value is ListDefectsResult {
  return typeof value === 'object' && value !== null && typeof (value as ListDefectsResult).text === 'string';
}

/**
 * A file URI as a path; the text of a PDF letter (`imr-pdf:/…/letter.pdf.imr?<PDF URI>`) as the
 * PDF's path, as the CLI names it; other URIs as they are.
 */
function displayPath(uri: string): string {
  try {
    const parsed = vscode.Uri.parse(uri, true);
    if (parsed.scheme === PDF_TEXT_SCHEME) {
      const pdf = pdfUriOf(parsed);
      return pdf.scheme === 'file' ? pdf.fsPath : pdf.toString(true);
    }
    return parsed.scheme === 'file' ? parsed.fsPath : uri;
  } catch {
    return uri;
  }
}

/**
 * Lines for the "IMR Defects" channel; tolerant of a server that answers with something else.
 * The header gives the path and the same counts as the status bar (problems are errors and
 * warnings, information are notes); each entry starts `path:line:column`, which the output view
 * turns into a link to that place.
 */
export function formatDefects(result: unknown): string[] {
  if (!isListDefectsResult(result)) {
    return [typeof result === 'string' ? result : (JSON.stringify(result, null, 2) ?? 'no answer from the server')];
  }
  const path = displayPath(result.uri);
  const entries = result.count === 0 ? [] : result.text.split('\n').filter((line) => /^\d+:\d+ /.test(line));
  const problems = entries.filter((line) => / (?:error|warning) /.test(line.slice(0, 40))).length;
  const notes = entries.filter((line) => / information /.test(line.slice(0, 40))).length;
  const counts = [`${problems} problem${problems === 1 ? '' : 's'}`];
  if (notes > 0) counts.push(`${notes} note${notes === 1 ? '' : 's'}`);
  const header = `${path}: ${counts.join(', ')}`;
  if (entries.length === 0) return [header, '  No defects found.'];
  return [header, ...entries.map((line) => `  ${path}:${line.replace(/ information /, ' note ')}`)];
}

/**
 * The actions for a defect (copy a note, open the rule's page, turn the rule off), in a picker:
 * those at [uri, line, character] (0-based) when a hover's "Actions for this defect" link passes
 * them, else those at the cursor (Ctrl+., the editor's context menu). VS Code's Quick Fix (Ctrl+.,
 * the light bulb, "Quick Fix..." in a hover) only runs in an editor that can be written, and
 * letters open read-only: this gives a reader the same actions there. Only actions that run a
 * command are offered: none edits the letter.
 */
export async function defectActions(...args: unknown[]): Promise<boolean> {
  const target = defectTarget(args);
  if (!target) return false;
  const found = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command> | undefined>(
    'vscode.executeCodeActionProvider',
    target.uri,
    target.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const actions = (found ?? []).filter(
    (a): a is vscode.CodeAction & { command: vscode.Command } => 'kind' in a && a.edit === undefined && typeof a.command === 'object',
  );
  if (actions.length === 0) {
    void vscode.window.showInformationMessage('IMR: no defect at the cursor. Put the cursor on a squiggle, or see the Problems view.');
    return false;
  }
  const picked = await vscode.window.showQuickPick(
    actions.map((action) => ({ label: action.title, action })),
    { placeHolder: 'Actions for this defect (the letter is not changed)' },
  );
  if (!picked) return false;
  await vscode.commands.executeCommand(picked.action.command.command, ...((picked.action.command.arguments ?? []) as unknown[]));
  return true;
}

/** Where to look for defects: the position a hover link passes, else the active letter's selection. */
function defectTarget([uri, line, character]: unknown[]): { uri: vscode.Uri; range: vscode.Range } | undefined {
  const isIndex = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (typeof uri === 'string' && isIndex(line) && isIndex(character)) {
    try {
      const position = new vscode.Position(line, character);
      return { uri: vscode.Uri.parse(uri, true), range: new vscode.Range(position, position) };
    } catch {
      return undefined;
    }
  }
  // From a key or a menu (which passes the editor's resource): the cursor of the active letter.
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) return undefined;
  return { uri: editor.document.uri, range: editor.selection };
}
