// Opens a .txt file as an IMR letter when its text is one (pdftotext output is how most people
// get these letters). Reads only the first few KB and calls the shared cheap, pure check
// (server/src/shared/letterSigns.ts: the client imports nothing else of the server).
// Only documents shown in an editor are switched: the workbench and other extensions also open
// documents in the background for a moment (and reopen them), and switching those would start
// the language server on files nobody is looking at, in a loop of open, switch and close.
import * as vscode from 'vscode';
import { LETTER_PREFIX_CHARS, looksLikeLetter } from '../../server/src/shared/letterSigns';
import { LANGUAGE_ID } from '../../server/src/shared/protocol';

export function isPlainTextFile(document: vscode.TextDocument): boolean {
  return document.languageId === 'plaintext' && /\.txt$/i.test(document.uri.path);
}

export class LetterDetector implements vscode.Disposable {
  /**
   * Documents already checked, by identity. A language change keeps the *same* TextDocument,
   * while closing and reopening a file makes a new one. So a letter that a person switches back
   * to Plain Text stays plain text, and a file opened again later is checked afresh.
   */
  private readonly checked = new WeakSet<vscode.TextDocument>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly log: (line: string) => void) {
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors((editors) => this.checkEditors(editors)),
    );
    this.checkEditors(vscode.window.visibleTextEditors);
  }

  private checkEditors(editors: readonly vscode.TextEditor[]): void {
    for (const editor of editors) void this.check(editor.document);
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    if (!isPlainTextFile(document)) return;
    if (this.checked.has(document)) return;
    this.checked.add(document);
    const started = performance.now();
    const prefix = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(LETTER_PREFIX_CHARS)));
    const isLetter = looksLikeLetter(prefix);
    const ms = (performance.now() - started).toFixed(2);
    if (!isLetter) return;
    try {
      await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
      this.log(`opened a .txt file as an IMR letter (content check ${ms} ms)`);
    } catch (error) {
      this.log(`could not switch a .txt file to imr: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
