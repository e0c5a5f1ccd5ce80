// The status bar item for the active letter: items, decisions and problems. Items come from
// the document symbols the server provides; problems from the diagnostics it published (source
// "imr"). Clicking it opens the Problems view.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, LANGUAGE_ID } from '../../server/src/shared/protocol';
import { formatSummary, summarizeSymbols, type SymbolLike } from './letterSummary';

// Typing fires many changes; the server re-parses anyway, so ask for symbols once it settles.
const EDIT_DEBOUNCE_MS = 300;

export class LetterStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Incremented per refresh: an answer that arrives after a newer refresh began is dropped. */
  private generation = 0;
  /**
   * Symbols are asked for only once the server runs: asked earlier, they queue behind its start,
   * and asked for a document that has closed meanwhile, VS Code would load it again just to answer.
   */
  private serverRunning = false;

  constructor() {
    this.item = vscode.window.createStatusBarItem('imr.letterSummary', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'IMR Letter Summary';
    this.item.command = 'workbench.actions.view.problems';
    this.item.tooltip = 'IMR letter: items, decisions and problems. Click to open the Problems view.';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const uri = this.activeLetter()?.uri.toString();
        if (uri && event.uris.some((u) => u.toString() === uri)) this.refresh();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.activeLetter()) this.refreshSoon();
      }),
      vscode.workspace.onDidCloseTextDocument(() => this.refresh()),
    );
    this.refresh();
  }

  /** Called once the language server answers requests. */
  serverStarted(): void {
    this.serverRunning = true;
    this.refresh();
  }

  refresh(): void {
    clearTimeout(this.timer);
    const generation = ++this.generation;
    const document = this.activeLetter();
    if (!document || !this.serverRunning) {
      this.item.hide();
      return;
    }
    void this.compute(document).then(
      (text) => {
        if (generation !== this.generation || document.isClosed || document !== this.activeLetter()) return;
        this.item.text = text;
        this.item.show();
      },
      () => {
        // The request failed (the server restarting, say): keep what is shown; the next
        // diagnostics or edit triggers another refresh.
      },
    );
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), EDIT_DEBOUNCE_MS);
  }

  private activeLetter(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === LANGUAGE_ID ? document : undefined;
  }

  private async compute(document: vscode.TextDocument): Promise<string> {
    const symbols = await vscode.commands.executeCommand<SymbolLike[] | undefined>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
    const ours = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
    // The same counts as the Problems view and List Defects: problems are errors and warnings,
    // information diagnostics are notes.
    const problems = ours.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).length;
    const notes = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Information).length;
    const notALetter = ours.some((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'not-a-letter');
    return formatSummary(summarizeSymbols(symbols), problems, notes, notALetter);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
