// The stdio transport. vscode-jsonrpc's stream reader stops reading the bytes it already holds
// when a header block is malformed (no Content-Length, a line without ':'): the next message
// then waits in its buffer until more bytes arrive, and a client waiting on an answer hangs. We
// build the reader ourselves and let it resume after such an error. Because the connection is then
// not created by `--stdio`, we also do the two things the library does for stdio: route console
// output away from stdout (it carries the protocol) and exit when stdin ends.
import { StreamMessageReader, StreamMessageWriter, type Connection, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';
import { inspect } from 'node:util';

export function stdioTransport(): [MessageReader, MessageWriter] {
  const reader = new StreamMessageReader(process.stdin);
  // onData is private in the typings; an empty chunk makes the reader go on with what it holds.
  const resumable = reader as unknown as { onData?: (data: Uint8Array) => void };
  if (typeof resumable.onData === 'function') {
    const resume = resumable.onData.bind(reader);
    reader.onError(() => setImmediate(() => resume(new Uint8Array(0))));
  }
  return [reader, new StreamMessageWriter(process.stdout)];
}

export function attachToStdio(connection: Connection): void {
  const text = (args: unknown[]) => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ');
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const exit = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
}
