// Starts the language server (dist/server.js) over node IPC. Loaded with a dynamic import from
// extension.ts, so vscode-languageclient is only evaluated once the first letter is open.
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SETTINGS_SECTION, LANGUAGE_ID, SERVER_NODE_FLAGS } from '../../server/src/shared/protocol';
import { protocolToCodeUri } from './rulePageLinks';

export type { LanguageClient };

/**
 * @param middleware sees every server command the client runs (palette, code action) with its
 *   result, so the extension can show what the server returned.
 */
export function createServerClient(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  middleware: Middleware,
): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
      // The read-only text of a PDF letter (client/src/pdfLetters.ts).
      { scheme: 'imr-pdf', language: LANGUAGE_ID },
    ],
    // The server pulls settings per document (workspace/configuration); this makes the client
    // also notify it when anything under `imr` changes, so severities update live.
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel: output,
    middleware,
    // Rule page links open the page rendered (client/src/rulePageLinks.ts); the rest as by default.
    uriConverters: { code2Protocol: (uri) => uri.toString(), protocol2Code: protocolToCodeUri },
  };
  // The id `imr` makes vscode-languageclient honour the `imr.trace.server` setting.
  return new LanguageClient('imr', 'IMR Letters Language Server', serverOptions, clientOptions);
}
