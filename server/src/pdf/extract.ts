// Turns PDF bytes into letter text with pdf.js: each page's positioned text runs are laid out
// as lines by layout.ts. pdf.js is passed in (the worker bundle imports it statically), so this
// module loads nothing itself. Every failure becomes a PdfFailure with a reason a user can act on.
import * as path from 'node:path';
import { pageText, type TextRun } from './layout';
import { LIMITS, type PdfFailure, type PdfResult } from './result';

/** The part of pdf.js this module uses. */
export interface PdfJs {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
}

interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}

interface PdfPage {
  getViewport(params: { scale: number }): { transform: number[] };
  getTextContent(params?: Record<string, unknown>): Promise<{ items: Array<Record<string, unknown>> }>;
  cleanup(): void;
}

/** Whether a file's name says PDF: it ends in .pdf, any case. */
export function isPdfName(file: string): boolean {
  return path.extname(file).toLowerCase() === '.pdf';
}

/** The first bytes of every PDF: "%PDF-", within the first KB (some writers put junk before it). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

export async function extractText(pdfjs: PdfJs, bytes: Uint8Array, maxPages: number = LIMITS.maxPages): Promise<PdfResult> {
  if (!looksLikePdf(bytes)) return failure('not-pdf', 'not a PDF file (no %PDF- header)');
  const task = pdfjs.getDocument({
    data: bytes,
    // Text only: no fonts loaded into a DOM, no eval, no network, no console noise.
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    // An empty password: an owner-password-only PDF opens; one needing a user password throws.
    password: '',
  });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    return describeOpenError(error);
  }
  try {
    if (doc.numPages > maxPages) {
      return failure('too-many-pages', `${doc.numPages} pages, more than the limit of ${maxPages}`);
    }
    let text = '';
    const pageStarts: number[] = [];
    let printed = 0; // characters other than blanks and form feeds
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      // Positions as the page is shown: its /Rotate and crop box applied, so a page stored
      // sideways and turned for display reads in the order a person sees.
      const view = page.getViewport({ scale: 1 }).transform;
      page.cleanup();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        const run = toRun(item, view);
        if (run) runs.push(run);
      }
      pageStarts.push(text.length);
      const t = pageText(runs);
      printed += t.replace(/\s/g, '').length;
      text += t;
    }
    if (printed === 0) {
      return failure('no-text', `no text layer in ${doc.numPages === 1 ? 'its page' : `its ${doc.numPages} pages`} (a scanned image?); text in images is not read (no OCR)`);
    }
    return { ok: true, text, pageStarts, pages: doc.numPages };
  } catch (error) {
    return describeOpenError(error);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/**
 * A text item of pdf.js as a run: baseline start, advance width and font size in page units,
 * with y growing upwards on the page as shown (`view` maps PDF space to the shown page, y down).
 */
function toRun(item: Record<string, unknown>, view: readonly number[]): TextRun | null {
  const str = item.str;
  const transform = item.transform;
  const width = item.width;
  if (typeof str !== 'string' || !Array.isArray(transform) || transform.length < 6) return null;
  const [a, b, c, d, e, f] = multiply(view, transform as number[]);
  // The font size is the length of the text matrix's vertical vector (the horizontal one for
  // text set with a horizontal scale); either is fine when both are zero-free.
  const size = Math.hypot(c, d) || Math.hypot(a, b);
  return { str, x: e, y: -f, width: typeof width === 'number' ? width : 0, size };
}

/** The product of two PDF matrices [a b c d e f]: m applied after n. */
function multiply(m: readonly number[], n: readonly number[]): number[] {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function describeOpenError(error: unknown): PdfFailure {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return failure('password', 'encrypted with a password needed to open it; imr-letters cannot read it (save an unprotected copy)');
  }
  if (name === 'InvalidPDFException') {
    return failure('damaged', `damaged or truncated PDF (${oneLine(message)})`);
  }
  return failure('damaged', `cannot read this PDF (${oneLine(message)})`);
}

function failure(reason: PdfFailure['reason'], message: string): PdfFailure {
  return { ok: false, reason, message };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
