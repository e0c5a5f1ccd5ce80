// imr-language-server: `--stdio` for any LSP editor, `--node-ipc` for the VS Code client.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { SERVER_NAME, serverVersion, startServer } from './server';
import { attachToStdio, stdioTransport } from './transport';

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${SERVER_NAME} ${serverVersion()}\n`);
} else if (args.includes('--stdio')) {
  const [reader, writer] = stdioTransport();
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  attachToStdio(connection);
  startServer(connection);
} else if (args.some((arg) => arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'))) {
  // vscode-languageserver reads these transports from argv itself.
  startServer(createConnection(ProposedFeatures.all));
} else {
  process.stderr.write(`usage: ${SERVER_NAME} --stdio | --node-ipc | --socket=<port> | --pipe=<name>\n`);
  process.exitCode = 2;
}
