// What reading a PDF gives back, and the limits that bound it. Plain data: it crosses threads.

export interface PdfText {
  ok: true;
  /** The letter's text, pdftotext-compatible: lines end in "\n", each page ends in "\f". */
  text: string;
  /** Offset in `text` where each page starts (page n at pageStarts[n - 1]). */
  pageStarts: number[];
  pages: number;
}

export type PdfFailureReason = 'not-pdf' | 'password' | 'damaged' | 'no-text' | 'too-large' | 'too-many-pages' | 'timeout';

export interface PdfFailure {
  ok: false;
  reason: PdfFailureReason;
  /** One line for a user: what is wrong with this file. */
  message: string;
}

export type PdfResult = PdfText | PdfFailure;

/**
 * Limits on one PDF. Letters are 2 to 15 pages and under 1 MB; these leave room for long
 * appeals while bounding what one file can cost.
 */
export const LIMITS = {
  /** Bytes; a larger file is refused before it is read into the worker. */
  maxBytes: 50 * 1024 * 1024,
  /** Pages; a longer document is refused once opened. */
  maxPages: 500,
  /** Milliseconds for one file; then the worker is ended and a new one serves the next file. */
  timeoutMs: 60_000,
} as const;

/** The 1-based page holding `offset`, given the offsets where pages start. */
export function pageAt(pageStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Page starts of a text whose pages end in form feeds (what extraction and pdftotext write). */
export function pageStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\f'); i >= 0 && i + 1 < text.length; i = text.indexOf('\f', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The page of a position (0-based line and character, lines split at "\n" as extraction writes
 * them) in a PDF's text. A form feed ends a page, so a position on one belongs to the next page.
 */
export class PageLocator {
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly text: string,
    private readonly pageStarts: readonly number[],
  ) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  get count(): number {
    return this.pageStarts.length;
  }

  pageOf(position: { line: number; character: number }): number {
    const line = Math.min(Math.max(position.line, 0), this.lineStarts.length - 1);
    let offset = Math.min(this.lineStarts[line] + Math.max(position.character, 0), this.text.length);
    while (this.text.charCodeAt(offset) === 12 && offset + 1 < this.text.length) offset++;
    return Math.min(pageAt(this.pageStarts, offset), this.pageStarts.length);
  }
}
