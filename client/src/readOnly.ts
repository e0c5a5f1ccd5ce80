// Letters are evidence: an IMR letter opens read-only, for this session, unless the setting
// imr.openLettersReadOnly is false (for people who annotate their copies). VS Code's own command
// marks the active editor read-only; "File: Set Active Editor Writeable in Session" undoes it.
import * as vscode from 'vscode';
import { LANGUAGE_ID, SETTINGS_SECTION } from '../../server/src/shared/protocol';

export const READ_ONLY_SETTING = 'openLettersReadOnly';
const SET_READ_ONLY = 'workbench.action.files.setActiveEditorReadonlyInSession';

export class ReadOnlyLetters implements vscode.Disposable {
  /** Documents already made read-only once: a reader who makes one writeable is not overruled. */
  private readonly done = new Map<string, Promise<void>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly log: (line: string) => void) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => void this.apply(editor)),
      vscode.workspace.onDidCloseTextDocument((document) => this.done.delete(document.uri.toString())),
      // A .txt letter becomes imr after it is shown: its editor is already active.
      vscode.workspace.onDidOpenTextDocument(() => void this.apply(vscode.window.activeTextEditor)),
    );
    void this.apply(vscode.window.activeTextEditor);
  }

  private async apply(editor: vscode.TextEditor | undefined): Promise<void> {
    const document = editor?.document;
    if (!document || document.languageId !== LANGUAGE_ID || document.isUntitled) return;
    const key = document.uri.toString();
    if (this.done.has(key)) return;
    if (!vscode.workspace.getConfiguration(SETTINGS_SECTION, document).get<boolean>(READ_ONLY_SETTING, true)) return;
    const applied = Promise.resolve(vscode.commands.executeCommand(SET_READ_ONLY)).then(
      () => undefined,
      (error: unknown) => this.log(`could not open a letter read-only: ${error instanceof Error ? error.message : String(error)}`),
    );
    this.done.set(key, applied);
    await applied;
  }

  /** Resolves once a letter was made read-only (at once if it never will be), for tests and other extensions. */
  async whenApplied(uri: vscode.Uri): Promise<boolean> {
    // Asked before the editor-change event reached this extension: handle the active editor now.
    const active = vscode.window.activeTextEditor;
    if (!this.done.has(uri.toString()) && active?.document.uri.toString() === uri.toString()) await this.apply(active);
    const applied = this.done.get(uri.toString());
    if (!applied) return false;
    await applied;
    return true;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
