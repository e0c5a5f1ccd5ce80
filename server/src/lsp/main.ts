// imr-language-server: `--stdio` for any LSP editor, `--node-ipc` for the VS Code client,
// `--socket=<port>` / `--pipe=<name>` to connect to an editor listening there. Every transport
// goes through transport.ts (framing that resynchronises, message checks, lifecycle).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { SERVER_NAME, serverVersion, startServer } from './server';
import { attachToStream, connectTransport, FramedWriter, ipcTransport, stdioTransport, type Transport } from './transport';
import { startLintWorkerIfAny } from './workspaceLint';

const USAGE = `usage: ${SERVER_NAME} --stdio | --node-ipc | --socket=<port> | --pipe=<name>\n`;

function serve(transport: Transport): void {
  const connection = createConnection(ProposedFeatures.all, transport.reader, transport.writer);
  transport.attachLog((message) => connection.console.warn(message));
  if (transport.input) attachToStream(connection, transport.input);
  // This same file is the workspace lint workers' script.
  const writer = transport.writer;
  startServer(connection, {
    lintWorkerScript: __filename,
    sendJson: writer instanceof FramedWriter ? (json) => writer.writeJson(json) : undefined,
  });
}

/** The value of `--name=value` or `--name value`, or undefined when the option is absent. */
function option(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === name) return args[i + 1] ?? '';
    if (args[i].startsWith(name + '=')) return args[i].slice(name.length + 1);
  }
  return undefined;
}

const args = process.argv.slice(2);
const port = option(args, '--socket');
const pipe = option(args, '--pipe');
if (startLintWorkerIfAny()) {
  // a workspace lint worker: it serves jobs until the server ends it
} else if (args.includes('--version')) {
  process.stdout.write(`${SERVER_NAME} ${serverVersion()}\n`);
} else if (args.includes('--stdio')) {
  serve(stdioTransport());
} else if (args.includes('--node-ipc')) {
  serve(ipcTransport());
} else if (port !== undefined || pipe !== undefined) {
  const portNumber = Number(port);
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && portNumber > 0 && portNumber < 65536)) {
    process.stderr.write(`${SERVER_NAME}: --socket needs a port number (1-65535), not "${port}"\n${USAGE}`);
    process.exitCode = 2;
  } else {
    connectTransport(port !== undefined ? { port: portNumber } : { pipe: pipe! }).then(
      (transport) => serve(transport),
      (error: Error) => {
        process.stderr.write(`${SERVER_NAME}: ${error.message}\n`);
        process.exitCode = 1;
      },
    );
  }
} else {
  process.stderr.write(USAGE);
  process.exitCode = 2;
}
