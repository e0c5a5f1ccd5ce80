// PDF letters in VS Code. Opening letter.pdf (Explorer, Quick Open) resolves the custom editor
// `imr.pdfLetter`, which reads the PDF's text in a worker thread (server/src/pdf/reader.ts) and
// then yields: it opens the read-only virtual document `imr-pdf:/…/letter.pdf.imr` (an IMR
// letter like any other: outline, squiggles, hovers, folding, status bar) and closes itself. A
// PDF that cannot be read keeps the custom editor open, saying why. The custom editor has
// priority "default", so "Open With…"/"Reopen Editor With…" still offers every other PDF viewer.
// pdf.js is in dist/pdf-worker.js and loads when the first PDF opens, never at activation.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PdfReader } from '../../server/src/pdf/reader';
import { LIMITS, pageStartsOf, pageAt, type PdfResult } from '../../server/src/pdf/result';
import { PDF_TEXT_SCHEME } from '../../server/src/shared/protocol';

export const PDF_EDITOR_VIEW_TYPE = 'imr.pdfLetter';
export { PDF_TEXT_SCHEME };
/** PDFs whose text is kept (a letter's text is 10-100 KB); the oldest read is dropped first. */
const CACHED_PDFS = 32;

/** The virtual text document of a PDF: its path with ".imr" added, the PDF's URI as the query. */
export function textUriOf(pdf: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: PDF_TEXT_SCHEME, path: `${pdf.path}.imr`, query: pdf.toString() });
}

export function pdfUriOf(text: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(text.query, true);
}

export class PdfLetters implements vscode.CustomReadonlyEditorProvider, vscode.TextDocumentContentProvider, vscode.HoverProvider, vscode.Disposable {
  private reader: PdfReader | null = null;
  /** Text per PDF URI and modification time: the custom editor and the provider read once. */
  private readonly cache = new Map<string, { mtime: number; result: Promise<PdfResult> }>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly workerScript: string,
    private readonly log: (line: string) => void,
  ) {}

  register(): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.window.registerCustomEditorProvider(PDF_EDITOR_VIEW_TYPE, this, { supportsMultipleEditorsPerDocument: true }),
      vscode.workspace.registerTextDocumentContentProvider(PDF_TEXT_SCHEME, this),
      vscode.languages.registerHoverProvider({ scheme: PDF_TEXT_SCHEME }, this),
      this,
    );
  }

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const name = path.posix.basename(document.uri.path);
    panel.webview.options = { enableScripts: false };
    panel.webview.html = page(name, `Reading the text of ${name}…`);
    const result = await this.read(document.uri);
    if (!result.ok) {
      panel.webview.html = page(name, `${name} cannot be read as an IMR letter: ${result.message}.`, 'Open it with another PDF viewer: right-click it in the Explorer, then Open With….');
      return;
    }
    const text = await vscode.workspace.openTextDocument(textUriOf(document.uri));
    await vscode.window.showTextDocument(text, { viewColumn: panel.viewColumn ?? vscode.ViewColumn.Active, preview: false });
    panel.dispose();
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const result = await this.read(pdfUriOf(uri));
    // Shown only when the document is reopened after the PDF became unreadable.
    return result.ok ? result.text : `This PDF cannot be read: ${result.message}.\n`;
  }

  /** On a PDF letter's text: the page of the PDF the position is on. */
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover {
    const text = document.getText();
    const starts = pageStartsOf(text);
    const pageNumber = pageAt(starts, pageOffset(text, document.offsetAt(position)));
    const name = path.posix.basename(pdfUriOf(document.uri).path);
    return new vscode.Hover(new vscode.MarkdownString().appendText(`${name}: page ${pageNumber} of ${starts.length}`));
  }

  /** The page of each item in the outline and Go to Symbol: " (page N)" after its name. */
  addPages(document: vscode.TextDocument, symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
    const text = document.getText();
    const starts = pageStartsOf(text);
    const visit = (list: vscode.DocumentSymbol[]): void => {
      for (const symbol of list) {
        if (symbol.kind !== vscode.SymbolKind.Namespace && symbol.kind !== vscode.SymbolKind.Field) {
          symbol.name = `${symbol.name} (page ${pageAt(starts, pageOffset(text, document.offsetAt(symbol.selectionRange.start)))})`;
        }
        if (symbol.children.length) visit(symbol.children);
      }
    };
    visit(symbols);
    return symbols;
  }

  dispose(): void {
    this.changed.dispose();
    void this.reader?.close();
    this.reader = null;
  }

  private async read(uri: vscode.Uri): Promise<PdfResult> {
    let mtime = 0;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > LIMITS.maxBytes) {
        return { ok: false, reason: 'too-large', message: `${Math.round(stat.size / 1048576)} MB, more than the limit of ${LIMITS.maxBytes / 1048576} MB for a PDF` };
      }
      mtime = stat.mtime;
    } catch (error) {
      return { ok: false, reason: 'damaged', message: `cannot read the file (${error instanceof Error ? error.message : String(error)})` };
    }
    const key = uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.mtime === mtime) return cached.result;
    const result = this.extract(uri);
    this.cache.delete(key);
    this.cache.set(key, { mtime, result });
    if (this.cache.size > CACHED_PDFS) this.cache.delete(this.cache.keys().next().value!);
    if (cached) this.changed.fire(textUriOf(uri));
    return result;
  }

  private async extract(uri: vscode.Uri): Promise<PdfResult> {
    const started = performance.now();
    const bytes = await vscode.workspace.fs.readFile(uri);
    this.reader ??= new PdfReader({ workerScript: this.workerScript });
    const result = await this.reader.read(bytes);
    // Sizes, pages and timings only: never the letter's text.
    this.log(`PDF read in ${(performance.now() - started).toFixed(0)} ms: ${bytes.length} bytes, ${result.ok ? `${result.pages} pages` : result.reason}`);
    return result;
  }
}

/** A position on a page's closing form feed belongs to the next page's first line. */
function pageOffset(text: string, offset: number): number {
  let at = offset;
  while (text.charCodeAt(at) === 12 && at + 1 < text.length) at++;
  return at;
}

function page(title: string, message: string, hint = ''): string {
  const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${escape(title)}</title></head>
<body style="font-family: var(--vscode-font-family); padding: 1em 2em"><p id="message">${escape(message)}</p>${hint ? `<p>${escape(hint)}</p>` : ''}</body></html>`;
}
