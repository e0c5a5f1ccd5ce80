// The server's frame writer: each message is one whole frame in one write (header and body
// together, byte-counted), in the order given; a message that cannot be encoded fails alone; a
// stream error is reported and rejects the write.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import type { Message } from 'vscode-languageserver/node';
import { FramedWriter } from '../../server/src/lsp/transport';

class Recorder extends Writable {
  readonly chunks: Buffer[] = [];
  fail: Error | null = null;
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    if (this.fail) return done(this.fail);
    this.chunks.push(chunk);
    done();
  }
}

function parseFrame(frame: Buffer): unknown {
  const end = frame.indexOf('\r\n\r\n');
  const length = Number(/^Content-Length: (\d+)$/.exec(frame.subarray(0, end).toString('ascii'))?.[1]);
  const body = frame.subarray(end + 4);
  assert.equal(body.byteLength, length, 'the header counts the body in bytes');
  return JSON.parse(body.toString('utf8'));
}

const note = (n: number, text: string) => ({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: `${n} ${text}` } }) as Message;

describe('FramedWriter', () => {
  it('writes each message as one frame, in order, byte-counted', async () => {
    const stream = new Recorder();
    const writer = new FramedWriter(stream);
    await Promise.all([writer.write(note(1, 'plain')), writer.write(note(2, 'Décision — 🩺')), writer.write(note(3, ''))]);
    assert.equal(stream.chunks.length, 3, 'one write per message');
    assert.deepEqual(stream.chunks.map((chunk) => (parseFrame(chunk) as { params: { message: string } }).params.message), ['1 plain', '2 Décision — 🩺', '3 ']);
  });

  it('writes JSON given as text or UTF-8 bytes as it stands, in order with messages', async () => {
    const stream = new Recorder();
    const writer = new FramedWriter(stream);
    const bytes = new TextEncoder().encode('{"jsonrpc":"2.0","method":"b","params":{"text":"🩺"}}');
    await Promise.all([
      writer.write(note(1, 'first')),
      writer.writeJson('{"jsonrpc":"2.0","method":"m","params":{"text":"é"}}'),
      writer.writeJson(bytes),
      writer.write(note(4, 'last')),
    ]);
    assert.equal(stream.chunks.length, 4);
    assert.deepEqual(parseFrame(stream.chunks[1]), { jsonrpc: '2.0', method: 'm', params: { text: 'é' } });
    assert.deepEqual(parseFrame(stream.chunks[2]), { jsonrpc: '2.0', method: 'b', params: { text: '🩺' } });
    assert.equal((parseFrame(stream.chunks[3]) as { params: { message: string } }).params.message, '4 last');
  });

  it('a message that cannot be encoded fails alone', async () => {
    const stream = new Recorder();
    const writer = new FramedWriter(stream);
    const errors: unknown[] = [];
    writer.onError(([error]) => errors.push(error));
    await assert.rejects(writer.write({ jsonrpc: '2.0', method: 'x', params: { n: 1n } } as unknown as Message), TypeError);
    await writer.write(note(4, 'after'));
    assert.equal(errors.length, 1);
    assert.equal(stream.chunks.length, 1);
    assert.equal((parseFrame(stream.chunks[0]) as { params: { message: string } }).params.message, '4 after');
  });

  it('a stream that fails rejects the write and reports the error', async () => {
    const stream = new Recorder();
    stream.fail = new Error('EPIPE');
    const writer = new FramedWriter(stream);
    const errors: unknown[] = [];
    writer.onError(([error]) => errors.push(error));
    await assert.rejects(writer.write(note(5, 'lost')), /EPIPE/);
    assert.ok(errors.length >= 1);
  });
});
