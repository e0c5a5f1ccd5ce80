// Reads a letter's bytes and decodes them: a PDF (by its name or its %PDF- header) is read by the
// PDF reader (a worker thread, started with the first PDF), other binary files are refused,
// invalid UTF-8 is decoded with replacement characters (and said), a byte-order mark is dropped.
import { isAscii, isUtf8 } from 'node:buffer';
import { promises as fs, readFile } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { isPdfName, looksLikePdf } from '../pdf/extract';
import { PdfReader } from '../pdf/reader';
import { errorCode, ioErrorReason } from '../ioErrors';

export type Decoded =
  | { kind: 'text'; text: string; warning: string | null; /** For a PDF: where each page starts. */ pageStarts?: number[] }
  | { kind: 'binary' };

export type ReadResult = Decoded | { kind: 'error'; message: string };

/** The largest letter read, in bytes: a letter is a few hundred KB; beyond this a file is refused unread. */
export const MAX_LETTER_BYTES = 64 * 1024 * 1024;

/** How much of the start is sampled to tell text from binary. */
const SAMPLE_BYTES = 8192;
/** Share of control characters above which a sample counts as binary. */
const MAX_CONTROL_SHARE = 0.1;
/** The callback readFile: one read for a small file, where fs.promises.readFile reads in chunks. */
const readBytes = promisify(readFile);

export async function readLetter(absPath: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    const stats = await fs.stat(absPath);
    if (!stats.isFile()) return { kind: 'error', message: 'not a regular file, skipped' };
    if (stats.size > MAX_LETTER_BYTES) return { kind: 'error', message: tooLarge(stats.size) };
    bytes = await readBytes(absPath);
  } catch (err) {
    if (errorCode(err) === 'EACCES' && (await cannotEnter(path.dirname(absPath)))) {
      return { kind: 'error', message: 'cannot read (permission denied: its folder can be listed but not entered)' };
    }
    return { kind: 'error', message: `cannot read (${ioErrorReason(err)})` };
  }
  // The file may have grown since it was measured.
  if (bytes.length > MAX_LETTER_BYTES) return { kind: 'error', message: tooLarge(bytes.length) };
  return isPdf(absPath, bytes) ? readPdf(bytes) : decodeLetter(bytes);
}

/** A PDF by its extension (then a file that is not one is said so) or by its header. */
export function isPdf(name: string | null, bytes: Uint8Array): boolean {
  return (name !== null && isPdfName(name)) || looksLikePdf(bytes.subarray(0, 1024));
}

/** One PDF reader per thread, started with the first PDF; idle, it keeps no process alive. */
let pdfReader: PdfReader | null = null;

export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  pdfReader ??= new PdfReader();
  const result = await pdfReader.read(bytes);
  if (!result.ok) return { kind: 'error', message: `PDF: ${result.message}, skipped` };
  return { kind: 'text', text: result.text, warning: null, pageStarts: result.pageStarts };
}

export function tooLarge(bytes: number): string {
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return `too large to be a letter (${mb(bytes)}; the limit is ${mb(MAX_LETTER_BYTES)}), skipped`;
}

/** True when the folder can be listed but not entered (read without search permission). */
async function cannotEnter(folder: string): Promise<boolean> {
  try {
    await fs.access(folder, fs.constants.X_OK);
    return false;
  } catch {
    return true;
  }
}

export function decodeLetter(bytes: Uint8Array): Decoded {
  // UTF-32 first: its little-endian mark starts like UTF-16's (FF FE).
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return decodeUtf32(bytes, true);
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return decodeUtf32(bytes, false);
  // Windows editors save "Unicode" text as UTF-16 with a byte-order mark.
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { kind: 'text', text: new TextDecoder('utf-16le').decode(bytes), warning: null };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { kind: 'text', text: new TextDecoder('utf-16be').decode(bytes), warning: null };
  }
  if (looksBinary(bytes.subarray(0, SAMPLE_BYTES))) return { kind: 'binary' };
  // Plain ASCII, as most letters are: the text UTF-8 decoding gives, read as one-byte characters,
  // with no validation pass (4 us instead of 21 us for a 20 KB letter).
  if (isAscii(bytes)) return { kind: 'text', text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), warning: null };
  // TextDecoder drops a leading UTF-8 byte-order mark and replaces invalid sequences with U+FFFD.
  const text = new TextDecoder('utf-8').decode(bytes);
  const warning = isUtf8(bytes) ? null : 'invalid UTF-8, decoded with replacement characters (U+FFFD)';
  return { kind: 'text', text, warning };
}

/** UTF-32 (after its byte-order mark), which TextDecoder does not read; invalid code points become U+FFFD. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): Decoded {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  let invalid = bytes.length % 4 !== 0;
  for (let i = 4; i + 4 <= bytes.length; i += 4) {
    let cp = view.getUint32(i, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      cp = 0xfffd;
      invalid = true;
    }
    chunk.push(cp);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  const warning = invalid ? 'invalid UTF-32, decoded with replacement characters (U+FFFD)' : null;
  return { kind: 'text', text: parts.join(''), warning };
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
