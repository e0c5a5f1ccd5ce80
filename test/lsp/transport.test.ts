// Issue 13, the transport: raw bytes to the built server over stdio, no LSP library in between,
// so that frames can be as broken as a real client makes them. A miscounted Content-Length, a
// header that is not one, or a huge length never leaves the server deaf; malformed messages never
// put letter text in a log; the lifecycle is kept; --socket with nothing listening says so.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { SERVER } from './client';

/** A marker that stands for letter text: it must never come back in a log or a message. */
const SECRET = 'Norco 10/325 mg #120 for Jane Q. Worker';
const LETTER = `IMR ISSUES, DECISIONS AND RATIONALES\n${SECRET} \u2014 refill: Upheld\nMAXIMUS guideline: Decision based on MTUS.\nDecision rationale: Not medically necessary.\n`;

interface Received {
  id?: number | string | null;
  method?: string;
  params?: { message?: string };
  result?: unknown;
  error?: { code: number; message: string };
}

class RawClient {
  readonly received: Received[] = [];
  private pending = Buffer.alloc(0);
  private waiters: Array<() => void> = [];
  exitCode: number | null = null;
  stderr = '';

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => this.read(chunk));
    child.stderr.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
    child.on('exit', (code) => {
      this.exitCode = code ?? -1;
      this.wake();
    });
  }

  static start(): RawClient {
    return new RawClient(spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' }));
  }

  write(bytes: string | Buffer): void {
    this.child.stdin.write(bytes);
  }

  send(message: object, lengthDelta = 0): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length + lengthDelta}\r\n\r\n`, 'ascii'), body]));
  }

  async request(id: number, method: string, params: unknown = {}): Promise<Received> {
    this.send({ id, method, params });
    return this.answer(id);
  }

  async answer(id: number): Promise<Received> {
    for (;;) {
      const found = this.received.find((m) => m.id === id && m.method === undefined);
      if (found) return found;
      if (this.exitCode !== null) throw new Error(`server exited (${this.exitCode}) before answering ${id}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer to request ${id} within 10 s: deaf?`)), 10_000);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async initialize(): Promise<void> {
    const answer = await this.request(0, 'initialize', { processId: null, rootUri: null, capabilities: {} });
    assert.ok(answer.result, 'initialize answered');
    this.send({ method: 'initialized', params: {} });
  }

  logs(): string {
    return this.received.filter((m) => m.method === 'window/logMessage' || m.method === 'window/showMessage').map((m) => m.params?.message ?? '').join('\n');
  }

  async stop(): Promise<void> {
    if (this.exitCode === null) {
      this.child.kill();
      await new Promise((resolve) => this.child.once('exit', resolve));
    }
  }

  private read(chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    for (;;) {
      const end = this.pending.indexOf('\r\n\r\n');
      if (end < 0) break;
      const length = Number(/Content-Length: (\d+)/i.exec(this.pending.subarray(0, end).toString())?.[1]);
      if (this.pending.length < end + 4 + length) break;
      this.received.push(JSON.parse(this.pending.subarray(end + 4, end + 4 + length).toString('utf8')) as Received);
      this.pending = this.pending.subarray(end + 4 + length);
    }
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

const summaryOf = (client: RawClient, id: number, uri: string) =>
  client.request(id, 'imr/letterSummary', { textDocument: { uri } }).then((m) => m.result as { items: number; length: number } | null);

describe('frames with a wrong Content-Length', () => {
  for (const [what, delta] of [['one byte short', -1], ['one byte long', 1], ['counted in characters (the em dash is 3 bytes)', -2]] as const) {
    it(`a didOpen ${what} is still read, and the server answers what follows`, async () => {
      const client = RawClient.start();
      try {
        await client.initialize();
        const uri = `untitled:miscounted-${delta}.imr`;
        client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'imr', version: 1, text: LETTER } } }, delta);
        const held = await summaryOf(client, 1, uri);
        assert.equal(held?.length, LETTER.length, 'the miscounted letter was opened whole');
        assert.equal(held?.items, 1);
        assert.ok(!client.logs().includes(SECRET), 'no letter text in the log');
      } finally {
        await client.stop();
      }
    });
  }

  it('a frame announced one byte long, with nothing after it, is read once the client pauses', async () => {
    const client = RawClient.start();
    try {
      await client.initialize();
      client.send({ id: 7, method: 'imr/letterSummary', params: { textDocument: { uri: 'untitled:none.imr' } } }, 1);
      assert.equal((await client.answer(7)).result, null);
    } finally {
      await client.stop();
    }
  });

  for (const [what, header] of [
    ['"abc"', 'Content-Length: abc'],
    ['a huge number', 'Content-Length: 99999999999999'],
    ['no length at all', 'Content-Type: application/vscode-jsonrpc'],
    ['a line that is not a header', 'this is not a header'],
  ] as const) {
    it(`a header with ${what} is skipped and the server stays responsive`, async () => {
      const client = RawClient.start();
      try {
        await client.initialize();
        client.write(`${header}\r\n\r\n{"jsonrpc":"2.0","method":"$/nothing","params":{"text":"${SECRET}"}}`);
        const answer = await client.request(3, 'imr/letterSummary', { textDocument: { uri: 'untitled:none.imr' } });
        assert.equal(answer.result, null);
        assert.equal(client.exitCode, null, 'still running');
        assert.ok(!client.logs().includes(SECRET), 'no letter text in the log');
      } finally {
        await client.stop();
      }
    });
  }
});

describe('malformed messages never log their content', () => {
  it('an id of null or true, or neither method nor id, is dropped without logging the message', async () => {
    const client = RawClient.start();
    try {
      await client.initialize();
      const textDocument = { uri: 'untitled:secret.imr', languageId: 'imr', version: 1, text: LETTER };
      client.send({ id: null, method: 'textDocument/didOpen', params: { textDocument } });
      client.send({ id: true, method: 'textDocument/didOpen', params: { textDocument } });
      client.send({ params: { textDocument } });
      client.send({ id: { nested: SECRET }, result: SECRET });
      client.send({ method: 42, params: { textDocument } });
      const answer = await client.request(5, 'imr/letterSummary', { textDocument: { uri: 'untitled:secret.imr' } });
      assert.equal(answer.result, null, 'none of them opened the letter');
      assert.ok(!client.logs().includes(SECRET), `no letter text in the log:\n${client.logs()}`);
      assert.ok(client.logs().includes('dropped'), 'the drops are logged, without content');
    } finally {
      await client.stop();
    }
  });
});

describe('lifecycle', () => {
  it('a request before initialize gets -32002; notifications before it are dropped', async () => {
    const client = RawClient.start();
    try {
      client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'untitled:early.imr', languageId: 'imr', version: 1, text: LETTER } } });
      const early = await client.request(1, 'textDocument/documentSymbol', { textDocument: { uri: 'untitled:early.imr' } });
      assert.equal(early.error?.code, -32002);
      await client.initialize();
      assert.equal(await summaryOf(client, 2, 'untitled:early.imr'), null, 'the early didOpen was dropped');
    } finally {
      await client.stop();
    }
  });

  it('a second initialize is refused; after shutdown requests are refused and exit ends the process (0)', async () => {
    const client = RawClient.start();
    try {
      await client.initialize();
      const again = await client.request(1, 'initialize', { processId: null, rootUri: null, capabilities: {} });
      assert.equal(again.error?.code, -32600);
      assert.equal((await client.request(2, 'shutdown')).error, undefined);
      const late = await client.request(3, 'textDocument/documentSymbol', { textDocument: { uri: 'untitled:x.imr' } });
      assert.equal(late.error?.code, -32600);
      client.send({ method: 'exit' });
      await new Promise((resolve) => (client.exitCode === null ? client.child.once('exit', resolve) : resolve(null)));
      assert.equal(client.exitCode, 0);
    } finally {
      await client.stop();
    }
  });

  it('--socket with nothing listening exits non-zero with a message', async () => {
    // A port that was free a moment ago: listen, note the port, close.
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port: p } = server.address() as { port: number };
        server.close(() => resolve(p));
      });
    });
    const child = spawn(process.execPath, [SERVER, `--socket=${port}`], { stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve(null);
      }, 10_000);
      child.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    assert.notEqual(code, null, 'the server exited instead of waiting for ever');
    assert.notEqual(code, 0);
    assert.match(stderr, new RegExp(`cannot connect to 127\\.0\\.0\\.1:${port}`));
  });
});
