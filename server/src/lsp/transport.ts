// The server's transports, built here rather than by vscode-languageserver, so that no client
// can deafen the server or make a library log a letter (issue 13):
// - FramedReader reads LSP frames (Content-Length headers) from a stream: stdio, a socket or a
//   pipe. A frame whose length is wrong by a few bytes (a client counting characters instead of
//   bytes), a header that is not a header, or a length that is not a number or over the limit
//   never leaves it deaf: it resynchronises on the next `Content-Length:` and still delivers a
//   message whose JSON is whole. Only public vscode-jsonrpc API is used (AbstractMessageReader).
// - FramedWriter writes each message as one frame in one write, in the order given. The
//   library's stream writer takes an event-loop turn per message behind a semaphore and writes
//   header and body apart, so a keystroke's diagnostics waited behind every workspace letter
//   queued before them (measured: 3-5 ms of a 6 ms p95 while 10,000 letters were read).
// - Gate sits between any reader and the connection: a message that is not a well-formed
//   request, notification or response is dropped with a log line that names no content (the
//   library would log it whole, letter included, as window/logMessage); and it keeps the
//   lifecycle: -32002 before initialize, a second initialize refused, requests after shutdown
//   refused.
import * as net from 'node:net';
import { inspect } from 'node:util';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  type Connection,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

/** The largest message read, in bytes (a 50 MB letter is about 52 MB of JSON). Larger ones are skipped. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** A header block longer than this is not one. */
const MAX_HEADER_BYTES = 8 * 1024;
/** After this long without new bytes, a frame whose length was too long is tried as it stands. */
const STALL_MS = 50;

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const CONTENT_LENGTH = Buffer.from('Content-Length:', 'ascii');

export type Note = (message: string) => void;

/** Reads LSP frames from a byte stream; see the file comment. */
export class FramedReader extends AbstractMessageReader implements MessageReader {
  private callback: DataCallback | undefined;
  private readonly bytes = new ByteQueue();
  /** Where the next search for a header starts while resynchronising (bytes before it were searched). */
  private scanned = 1;
  /** The body length of the frame being read, or -1 while reading headers, or -2 while resynchronising. */
  private want = -1;
  private stallTimer: NodeJS.Timeout | undefined;
  /** Bytes thrown away while resynchronising past a message over the limit. */
  private discarded = 0;
  private note: Note = () => undefined;

  constructor(private readonly stream: NodeJS.ReadableStream) {
    super();
  }

  /** Where to say that bytes were skipped (set once the connection's console exists). */
  setNote(note: Note): void {
    this.note = note;
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string) => this.onData(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.stream.on('data', onData);
    this.stream.on('error', onError);
    this.stream.on('end', onClose);
    this.stream.on('close', onClose);
    return {
      dispose: () => {
        this.callback = undefined;
        this.stream.off('data', onData);
        this.stream.off('error', onError);
        this.stream.off('end', onClose);
        this.stream.off('close', onClose);
        clearTimeout(this.stallTimer);
      },
    };
  }

  private onData(chunk: Buffer): void {
    clearTimeout(this.stallTimer);
    this.bytes.append(chunk);
    this.drain();
    if (this.want !== -1 && this.bytes.length > 0) {
      this.stallTimer = setTimeout(() => this.onStall(), STALL_MS);
      this.stallTimer.unref?.();
    }
  }

  private drain(): void {
    for (;;) {
      if (this.want === -1) {
        if (!this.readHeader()) return;
      } else if (this.want === -2) {
        if (!this.resynchronise()) return;
      } else {
        if (this.bytes.length < this.want) return;
        const message = parseJson(this.bytes.view().subarray(0, this.want));
        if (message !== undefined) {
          this.bytes.consume(this.want);
          this.want = -1;
          this.deliver(message);
        } else {
          // The length was wrong or the body is not JSON: look for where the next frame starts.
          this.want = -2;
          this.scanned = 1;
        }
      }
    }
  }

  /** Reads a header block; false when more bytes are needed. */
  private readHeader(): boolean {
    // Whitespace between frames (a stray line break) is not an error.
    let buffer = this.bytes.view();
    let start = 0;
    while (start < buffer.length && (buffer[start] === 0x0d || buffer[start] === 0x0a)) start++;
    if (start > 0) {
      this.bytes.consume(start);
      buffer = this.bytes.view();
    }
    const end = buffer.subarray(0, MAX_HEADER_BYTES).indexOf(HEADER_END);
    if (end < 0) {
      if (buffer.length > MAX_HEADER_BYTES) {
        this.note(`skipped bytes that were not an LSP header`);
        this.want = -2;
        this.scanned = 1;
        return true;
      }
      return false;
    }
    const length = contentLength(buffer.subarray(0, end).toString('latin1'));
    this.bytes.consume(end + HEADER_END.length);
    if (typeof length === 'string') {
      this.note(`a malformed LSP header (${length}): reading on from the next header`);
      this.want = -2;
      this.scanned = 1;
    } else {
      this.want = length;
    }
    return true;
  }

  /**
   * The buffer holds the rest of a frame that could not be read as announced. If a JSON message
   * stands whole before the next `Content-Length:`, it is delivered; either way reading goes on
   * from that header. False when more bytes are needed.
   */
  private resynchronise(): boolean {
    const buffer = this.bytes.view();
    // Bytes already searched are not searched again: a long body arriving in chunks costs one pass.
    const next = buffer.indexOf(CONTENT_LENGTH, Math.max(1, this.scanned));
    if (next < 0) {
      this.scanned = Math.max(1, buffer.length - CONTENT_LENGTH.length + 1);
      if (buffer.length > MAX_MESSAGE_BYTES) {
        // Keep only a tail that could hold the start of the next header.
        const drop = buffer.length - CONTENT_LENGTH.length;
        this.discarded += drop;
        this.bytes.consume(drop);
        this.scanned = 1;
      }
      return false;
    }
    const message = this.discarded > 0 ? undefined : parseJson(buffer.subarray(0, next));
    if (message !== undefined) this.deliver(message);
    else this.note(`skipped ${this.discarded + next} bytes of a frame that could not be read`);
    this.discarded = 0;
    this.bytes.consume(next);
    this.want = -1;
    return true;
  }

  /** No bytes came for a while: a frame announced too long may be whole already. */
  private onStall(): void {
    if (this.want === -1 || this.discarded > 0) return;
    const message = parseJson(this.bytes.view());
    if (message === undefined) return;
    this.bytes.consume(this.bytes.length);
    this.want = -1;
    this.deliver(message);
  }

  private deliver(message: unknown): void {
    this.callback?.(message as Message);
  }
}

/** Bytes received and not yet read: appended at the end, consumed from the front, grown by doubling. */
class ByteQueue {
  private store = Buffer.alloc(64 * 1024);
  private start = 0;
  private end = 0;

  get length(): number {
    return this.end - this.start;
  }

  view(): Buffer {
    return this.store.subarray(this.start, this.end);
  }

  append(chunk: Buffer): void {
    if (this.end + chunk.length > this.store.length) {
      const needed = this.length + chunk.length;
      if (needed <= this.store.length / 2) {
        this.store.copy(this.store, 0, this.start, this.end);
      } else {
        let size = this.store.length;
        while (size < needed) size *= 2;
        const grown = Buffer.alloc(size);
        this.store.copy(grown, 0, this.start, this.end);
        this.store = grown;
      }
      this.end -= this.start;
      this.start = 0;
    }
    chunk.copy(this.store, this.end);
    this.end += chunk.length;
  }

  consume(n: number): void {
    this.start += n;
    if (this.start >= this.end) {
      this.start = this.end = 0;
      // Give a big buffer back once a big message has been read.
      if (this.store.length > 1024 * 1024) this.store = Buffer.alloc(64 * 1024);
    }
  }
}

/** The Content-Length of a header block, or what is wrong with it. */
function contentLength(block: string): number | string {
  let length: number | string = 'no Content-Length';
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return 'a line without a name';
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,12}$/.test(value)) return 'Content-Length is not a number';
    const n = Number(value);
    if (n > MAX_MESSAGE_BYTES) return `Content-Length ${n} is over the ${MAX_MESSAGE_BYTES}-byte limit`;
    length = n;
  }
  return length;
}

/** The JSON value of the bytes when they are one whole JSON object (whitespace around allowed), else undefined. */
function parseJson(bytes: Buffer): unknown {
  // Cheap test first: a message is an object, so its last non-space byte is '}'.
  let last = bytes.length - 1;
  while (last >= 0 && (bytes[last] === 0x20 || bytes[last] === 0x0a || bytes[last] === 0x0d || bytes[last] === 0x09)) last--;
  if (last < 0 || bytes[last] !== 0x7d) return undefined;
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

type Phase = 'new' | 'running' | 'shut down';

/**
 * Checks every message's shape and the lifecycle before the connection sees it; answers what
 * it refuses through the writer. See the file comment.
 */
export class Gate extends AbstractMessageReader implements MessageReader {
  private phase: Phase = 'new';
  private note: Note = () => undefined;

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
  ) {
    super();
    inner.onError((error) => this.fireError(error));
    inner.onClose(() => this.fireClose());
    inner.onPartialMessage((info) => this.firePartialMessage(info));
  }

  setNote(note: Note): void {
    this.note = note;
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      const passed = this.check(message);
      if (passed) callback(passed);
    });
  }

  override dispose(): void {
    super.dispose();
    this.inner.dispose();
  }

  private check(message: unknown): Message | undefined {
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      this.note('dropped a message that is not a JSON object');
      return undefined;
    }
    const m = message as Record<string, unknown>;
    const hasId = m.id !== undefined;
    const validId = typeof m.id === 'string' || (typeof m.id === 'number' && Number.isFinite(m.id));
    if (m.method === undefined) {
      if (validId && ('result' in m || 'error' in m)) return m as unknown as Message;
      this.note('dropped a message with no method that is not a response');
      return undefined;
    }
    if (typeof m.method !== 'string') {
      this.note('dropped a message whose method is not a string');
      return undefined;
    }
    const method = m.method;
    if (hasId && !validId) {
      this.note(`dropped a ${safeName(method)} message whose id is neither a string nor a number`);
      return undefined;
    }
    if (hasId) return this.request(m, method);
    // A notification: before initialize and after shutdown, only exit counts.
    if (this.phase !== 'running' && method !== 'exit') return undefined;
    return m as unknown as Message;
  }

  private request(m: Record<string, unknown>, method: string): Message | undefined {
    const id = m.id as string | number;
    if (method === 'initialize') {
      if (this.phase === 'new') {
        this.phase = 'running';
        return m as unknown as Message;
      }
      this.refuse(id, ErrorCodes.InvalidRequest, 'initialize may be sent only once');
      return undefined;
    }
    if (this.phase === 'new') {
      this.refuse(id, ErrorCodes.ServerNotInitialized, 'the server is not initialized yet: send initialize first');
      return undefined;
    }
    if (this.phase === 'shut down') {
      this.refuse(id, ErrorCodes.InvalidRequest, 'the server is shut down: only the exit notification is accepted');
      return undefined;
    }
    if (method === 'shutdown') this.phase = 'shut down';
    return m as unknown as Message;
  }

  private refuse(id: string | number, code: number, message: string): void {
    void this.writer.write({ jsonrpc: '2.0', id, error: { code, message } } as Message).catch(() => undefined);
  }
}

/** Writes LSP frames to a byte stream; see the file comment. */
export class FramedWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let body: string;
    try {
      const encoded = JSON.stringify(message) as string | undefined;
      if (encoded === undefined) throw new TypeError('the message is not a JSON value');
      body = encoded;
    } catch (error) {
      // A message that cannot be encoded (a cycle, a BigInt) fails alone.
      this.fireError(error, message, ++this.errors);
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return this.writeJson(body, message);
  }

  /**
   * Writes a message already encoded as JSON (text, or UTF-8 bytes; the server's own, never a
   * client's), in order with write(): the workspace's letters keep their diagnostics as JSON, so
   * publishing them needs no parse and no stringify.
   */
  writeJson(json: string | Uint8Array, message?: Message): Promise<void> {
    const body = typeof json === 'string' ? Buffer.from(json, 'utf8') : json;
    const header = Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii');
    const frame = Buffer.concat([header, body], header.byteLength + body.byteLength);
    return new Promise((resolve, reject) => {
      // The stream keeps the order of writes; stdout on a Linux pipe writes at once.
      this.stream.write(frame, (error?: Error | null) => {
        if (error) {
          this.fireError(error, message, ++this.errors);
          reject(error);
        } else {
          resolve();
        }
      });
    });
  }

  end(): void {
    this.stream.end();
  }
}

/** A method name fit for the log, or a placeholder: a client could put anything there. */
function safeName(method: string): string {
  return /^[\w$/.-]{1,80}$/.test(method) ? method : '(unnamed)';
}

export interface Transport {
  reader: Gate;
  writer: MessageWriter;
  /** The byte stream read, when there is one: the server exits when it ends. */
  input?: NodeJS.ReadableStream;
  /** Where the log goes once the connection exists; the transports write skipped bytes there. */
  attachLog(note: Note): void;
}

function transport(inner: MessageReader, writer: MessageWriter, framed?: FramedReader, input?: NodeJS.ReadableStream): Transport {
  const reader = new Gate(inner, writer);
  return {
    reader,
    writer,
    input,
    attachLog(note) {
      reader.setNote(note);
      framed?.setNote(note);
    },
  };
}

export function stdioTransport(): Transport {
  const framed = new FramedReader(process.stdin);
  return transport(framed, new FramedWriter(process.stdout), framed, process.stdin);
}

export function ipcTransport(): Transport {
  return transport(new IPCMessageReader(process), new IPCMessageWriter(process));
}

/**
 * `--socket=<port>` (the client listens on 127.0.0.1) or `--pipe=<name>`: connects, and resolves
 * with the transport; rejects with a message when nothing is listening.
 */
export function connectTransport(target: { port: number } | { pipe: string }): Promise<Transport> {
  return new Promise((resolve, reject) => {
    const socket = 'port' in target ? net.createConnection(target.port, '127.0.0.1') : net.createConnection(target.pipe);
    const failed = (error: Error & { code?: string }) => {
      const where = 'port' in target ? `127.0.0.1:${target.port}` : target.pipe;
      reject(new Error(`cannot connect to ${where} (${error.code ?? error.message}): is the editor listening there?`));
    };
    socket.once('error', failed);
    socket.once('connect', () => {
      socket.off('error', failed);
      const framed = new FramedReader(socket);
      resolve(transport(framed, new FramedWriter(socket), framed, socket));
    });
  });
}

/**
 * What the library does for `--stdio` and we must do ourselves: console output away from the
 * protocol stream, and exit when the input ends (0 after shutdown, 1 otherwise).
 */
export function attachToStream(connection: Connection, input: NodeJS.ReadableStream): void {
  const text = (args: unknown[]) => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ');
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const exit = () => process.exit(shutdown ? 0 : 1);
  input.on('end', exit);
  input.on('close', exit);
}
