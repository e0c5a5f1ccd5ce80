// The open letters, as the client last described them. Incremental changes are applied by
// vscode-languageserver-textdocument after their ranges are clamped to the document: a range past
// the end means the end (the text is the same either way), and clamping first keeps the line
// index consistent, which the library does not do for ranges past the last line.
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { filePath } from './configFile';
import { clampRange, isRange, isRecord } from './params';
import { LANGUAGE_ID, pdfOfTextUri } from './protocol';

export type ChangeOutcome = { document: TextDocument; skipped: number } | { document: undefined; skipped: 0 };

export class DocumentStore {
  private readonly documents = new Map<string, TextDocument>();
  /**
   * A number that changes with every open and change of a document: clients may reuse a version
   * number for new text (issue 13), so caches are keyed by this, never by the version alone.
   */
  private readonly revisions = new Map<string, number>();
  private nextRevision = 1;
  /** Open PDF texts (VS Code's imr-pdf: documents) by the path of their PDF. */
  private readonly pdfViews = new Map<string, string>();

  /** The document's revision: different after every didOpen and didChange, even one that keeps the version. */
  revision(uri: string): number {
    return this.revisions.get(uri) ?? 0;
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  /**
   * Whether the letter at this file: URI is open: as itself, or as the text of its PDF. An open
   * letter is reported from its text; its file must not be reported a second time.
   */
  isOpen(uri: string): boolean {
    if (this.documents.has(uri)) return true;
    const file = filePath(uri);
    return file !== null && this.pdfViews.has(file);
  }

  all(): TextDocument[] {
    return [...this.documents.values()];
  }

  get size(): number {
    return this.documents.size;
  }

  /** Returns the document, or undefined when the params are not a didOpen's. */
  open(params: unknown): TextDocument | undefined {
    if (!isRecord(params) || !isRecord(params.textDocument)) return undefined;
    const { uri, languageId, version, text } = params.textDocument;
    if (typeof uri !== 'string' || typeof text !== 'string') return undefined;
    const document = TextDocument.create(
      uri,
      typeof languageId === 'string' ? languageId : LANGUAGE_ID,
      typeof version === 'number' && Number.isFinite(version) ? version : 0,
      text,
    );
    this.documents.set(uri, document);
    this.revisions.set(uri, this.nextRevision++);
    const file = pdfFileOf(uri);
    if (file !== null) this.pdfViews.set(file, uri);
    return document;
  }

  /**
   * Applies a didChange. Changes that are not a text change (no string text, or a range that is
   * not a range) are skipped and counted, so the caller can log them; the others still apply.
   */
  change(params: unknown): ChangeOutcome {
    if (!isRecord(params) || !isRecord(params.textDocument) || typeof params.textDocument.uri !== 'string') {
      return { document: undefined, skipped: 0 };
    }
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return { document: undefined, skipped: 0 };
    const version = typeof params.textDocument.version === 'number' && Number.isFinite(params.textDocument.version)
      ? params.textDocument.version
      : document.version + 1;
    const changes = Array.isArray(params.contentChanges) ? params.contentChanges : [];
    let skipped = 0;
    for (const change of changes) {
      const valid = toValidChange(document, change);
      if (valid) TextDocument.update(document, [valid], version);
      else skipped++;
    }
    // The version moves on even if every change was skipped: the client is at that version.
    TextDocument.update(document, [], version);
    this.revisions.set(document.uri, this.nextRevision++);
    return { document, skipped };
  }

  close(uri: string): boolean {
    this.revisions.delete(uri);
    const file = pdfFileOf(uri);
    if (file !== null && this.pdfViews.get(file) === uri) this.pdfViews.delete(file);
    return this.documents.delete(uri);
  }
}

/** The path of the PDF whose text this document is (an imr-pdf: document), or null. */
function pdfFileOf(uri: string): string | null {
  const pdf = pdfOfTextUri(uri);
  return pdf === null ? null : filePath(pdf);
}

function toValidChange(document: TextDocument, change: unknown): TextDocumentContentChangeEvent | undefined {
  if (!isRecord(change) || typeof change.text !== 'string') return undefined;
  if (change.range === undefined) return { text: change.text };
  if (!isRange(change.range)) return undefined;
  return { range: clampRange(document, change.range), text: change.text };
}
