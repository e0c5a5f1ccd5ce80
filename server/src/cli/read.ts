// Reads a letter's bytes and decodes them: a PDF (by its name or its %PDF- header) is read by the
// PDF reader (a worker thread, started with the first PDF), other binary files are refused,
// invalid UTF-8 is decoded with replacement characters (and said), a byte-order mark is dropped.
import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs';
import { promisify } from 'node:util';
import * as path from 'node:path';
import { looksLikePdf } from '../pdf/extract';
import { PdfReader } from '../pdf/reader';
import { describeError } from './discover';

export type Decoded =
  | { kind: 'text'; text: string; warning: string | null; /** For a PDF: where each page starts. */ pageStarts?: number[] }
  | { kind: 'binary' };

export type ReadResult = Decoded | { kind: 'error'; message: string };

/** How much of the start is sampled to tell text from binary. */
const SAMPLE_BYTES = 8192;
/** Share of control characters above which a sample counts as binary. */
const MAX_CONTROL_SHARE = 0.1;
/** The callback readFile: one read for a small file, where fs.promises.readFile reads in chunks. */
const readBytes = promisify(readFile);

export async function readLetter(absPath: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readBytes(absPath);
  } catch (err) {
    return { kind: 'error', message: `cannot read (${describeError(err)})` };
  }
  return isPdf(absPath, bytes) ? readPdf(bytes) : decodeLetter(bytes);
}

/** A PDF by its extension (then a file that is not one is said so) or by its header. */
export function isPdf(name: string | null, bytes: Uint8Array): boolean {
  return (name !== null && path.extname(name).toLowerCase() === '.pdf') || looksLikePdf(bytes.subarray(0, 1024));
}

/** One PDF reader per thread, started with the first PDF; idle, it keeps no process alive. */
let pdfReader: PdfReader | null = null;

export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  pdfReader ??= new PdfReader();
  const result = await pdfReader.read(bytes);
  if (!result.ok) return { kind: 'error', message: `PDF: ${result.message}, skipped` };
  return { kind: 'text', text: result.text, warning: null, pageStarts: result.pageStarts };
}

export function decodeLetter(bytes: Uint8Array): Decoded {
  // Windows editors save "Unicode" text as UTF-16 with a byte-order mark.
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { kind: 'text', text: new TextDecoder('utf-16le').decode(bytes), warning: null };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { kind: 'text', text: new TextDecoder('utf-16be').decode(bytes), warning: null };
  }
  if (looksBinary(bytes.subarray(0, SAMPLE_BYTES))) return { kind: 'binary' };
  // TextDecoder drops a leading UTF-8 byte-order mark and replaces invalid sequences with U+FFFD.
  const text = new TextDecoder('utf-8').decode(bytes);
  const warning = isUtf8(bytes) ? null : 'invalid UTF-8, decoded with replacement characters (U+FFFD)';
  return { kind: 'text', text, warning };
}

function looksBinary(sample: Uint8Array): boolean {
  if (sample.includes(0)) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i];
    // Tab, line feed, vertical tab, form feed (one per page in pdftotext output), carriage return.
    if ((byte < 0x20 && (byte < 0x09 || byte > 0x0d)) || byte === 0x7f) control++;
  }
  return sample.length > 0 && control / sample.length > MAX_CONTROL_SHARE;
}
