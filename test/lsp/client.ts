// A small LSP client for the protocol tests: it starts the BUILT server (node with
// SERVER_NODE_FLAGS, dist/server.js --stdio) as a child process and speaks LSP to it with
// vscode-languageserver-protocol. It keeps its own copy of every open document (updated with the
// same library as an editor's), answers workspace/configuration from `settings`, and lets tests
// wait on events; it never sleeps.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,

  RegistrationRequest,
  WorkDoneProgressCreateRequest,
  WorkspaceFoldersRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER_NODE_FLAGS } from '../../server/src/shared/protocol';

/** The repository root (tests run from out/test/lsp/). */
export const ROOT = resolve(__dirname, '..', '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');
export const FIXTURES = join(ROOT, 'test', 'lsp', 'fixtures');

const WAIT_MS = 20_000;

/** What an editor that supports everything the server offers declares (VS Code-like, push diagnostics). */
export const PUSH_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
    symbol: {},
    executeCommand: {},
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { lineFoldingOnly: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } }, dataSupport: true },
  },
};

export const PULL_CAPABILITIES: ClientCapabilities = {
  ...PUSH_CAPABILITIES,
  workspace: { ...PUSH_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
  textDocument: { ...PUSH_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
};

export interface StartOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** The `imr` section answered to workspace/configuration (read at each request). */
  settings?: unknown;
  /** Workspace folders sent in initialize, as file: URIs or paths; the server reads their letters (none by default: only open letters). */
  workspaceFolders?: string[];
}

/** The URI under which VS Code opens a PDF's text (client/src/pdfLetters.ts): the PDF's URI as the query. */
export function pdfTextUri(pdfUri: string): string {
  return `imr-pdf:${new URL(pdfUri).pathname}.imr?${encodeURIComponent(pdfUri)}`;
}

/** Workspace folders as the client reports them, from file: URIs or paths. */
export function workspaceFoldersOf(folders: readonly string[]): { uri: string; name: string }[] {
  return folders.map((folder) => {
    const uri = asUri(folder);
    return { uri, name: uri.slice(uri.lastIndexOf('/') + 1) };
  });
}

export class LspClient {
  readonly events = new EventEmitter();
  readonly logs: LogMessageParams[] = [];
  /** Every $/progress notification (work-done progress: begin, report, end). */
  readonly progress: { token: string | number; value: unknown }[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly documents = new Map<string, TextDocument>();
  configurationRequests = 0;
  refreshRequests = 0;
  stderr = '';
  exited: number | null = null;
  settings: unknown;
  /** Per-folder `imr` settings: answered for a scopeUri inside a folder URI given here, before `settings`. */
  folderSettings = new Map<string, unknown>();
  /** The folders answered to workspace/workspaceFolders (those sent in initialize until changed). */
  folders: { uri: string; name: string }[] = [];
  initializeResult!: InitializeResult;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    settings: unknown,
  ) {
    this.settings = settings;
    this.events.setMaxListeners(1000);
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    // With the flags every launcher passes (the young-generation size, gc() exposed).
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, options.settings ?? {});
    child.stderr.on('data', (chunk: Buffer) => { client.stderr += chunk.toString(); });
    child.on('exit', (code) => {
      client.exited = code ?? -1;
      client.events.emit('exit');
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = client.published.get(params.uri) ?? [];
      list.push(params);
      client.published.set(params.uri, list);
      client.events.emit('diagnostics', params);
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      client.logs.push(params);
      client.events.emit('log', params);
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      client.messages.push(params);
      client.events.emit('showMessage', params);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => {
      client.configurationRequests++;
      return params.items.map((item) => {
        if (item.section !== 'imr') return null;
        for (const [folder, settings] of client.folderSettings) if (item.scopeUri === folder || item.scopeUri?.startsWith(folder + '/')) return settings;
        return client.settings;
      });
    });
    connection.onRequest(WorkspaceFoldersRequest.type, () => client.folders);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    connection.onNotification('$/progress', (params: { token: string | number; value: unknown }) => {
      client.progress.push(params);
      client.events.emit('progress', params);
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      client.refreshRequests++;
      client.events.emit('refresh');
    });
    connection.listen();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.workspaceFolders?.length ? asUri(options.workspaceFolders[0]) : null,
      capabilities: options.capabilities ?? PUSH_CAPABILITIES,
      initializationOptions: options.initializationOptions,
      workspaceFolders: options.workspaceFolders?.length ? workspaceFoldersOf(options.workspaceFolders) : null,
    });
    client.folders = workspaceFoldersOf(options.workspaceFolders ?? []);
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  open(uri: string, text: string, version = 1, languageId = 'imr'): TextDocument {
    const document = TextDocument.create(uri, languageId, version, text);
    this.documents.set(uri, document);
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return document;
  }

  /** Applies the changes to the client's copy (as an editor does) and sends them; returns the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    const version = document.version + 1;
    TextDocument.update(document, changes, version);
    // Re-created from its text: the library's line index goes wrong after a range past the last
    // line (its text does not), and the client's copy must stay a faithful editor.
    this.documents.set(uri, TextDocument.create(uri, document.languageId, version, document.getText()));
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** The codes of the last diagnostics published for the URI, joined by ","; undefined if none were. */
  lastCodes(uri: string): string | undefined {
    return this.published.get(uri)?.at(-1)?.diagnostics.map((d) => String(d.code)).join();
  }

  close(uri: string): void {
    this.documents.delete(uri);
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  changeSettings(settings: unknown): void {
    this.settings = settings;
    void this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  text(uri: string): string {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document.getText();
  }

  /** Resolves with the first publishDiagnostics for uri at `version` (already received or to come). */
  waitForDiagnostics(uri: string, version: number | undefined): Promise<PublishDiagnosticsParams> {
    const matches = (params: PublishDiagnosticsParams) => params.uri === uri && params.version === version;
    const already = this.published.get(uri)?.find(matches);
    if (already) return Promise.resolve(already);
    return this.waitFor('diagnostics', matches, `diagnostics for ${uri} v${version}`);
  }

  /** Resolves with the next event of that name satisfying the predicate; rejects after a long timeout or on exit. */
  waitFor<T>(event: string, predicate: (value: T) => boolean, what: string): Promise<T> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => done(new Error(`timed out waiting for ${what}`)), WAIT_MS);
      const onEvent = (value: T) => {
        if (predicate(value)) done(undefined, value);
      };
      const onExit = () => done(new Error(`server exited (code ${this.exited}) while waiting for ${what}; stderr: ${this.stderr}`));
      const done = (error?: Error, value?: T) => {
        clearTimeout(timer);
        this.events.off(event, onEvent);
        this.events.off('exit', onExit);
        if (error) reject(error);
        else resolvePromise(value as T);
      };
      this.events.on(event, onEvent);
      this.events.once('exit', onExit);
    });
  }

  /** Writes bytes straight to the server's stdin, bypassing the JSON-RPC writer. */
  writeRaw(bytes: string | Buffer): Promise<void> {
    return new Promise((resolveWrite, reject) => this.child.stdin.write(bytes, (error) => (error ? reject(error) : resolveWrite())));
  }

  async stop(): Promise<void> {
    if (this.exited === null) {
      const exit = new Promise<void>((resolveExit) => {
        if (this.exited !== null) resolveExit();
        else this.events.once('exit', () => resolveExit());
      });
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
      await exit;
    }
    this.connection.dispose();
  }
}

export function fixtureUri(name: string): string {
  return pathToFileURL(join(FIXTURES, name)).href;
}

/** SHA-256 of a text's UTF-16LE code units, as imr/letterSummary computes it. */
export function digest(text: string): string {
  return createHash('sha256').update(text, 'utf16le').digest('hex');
}

/** Applies the text edits of a WorkspaceEdit (documentChanges or changes) for one document. */
export function applyWorkspaceEdit(document: TextDocument, edit: WorkspaceEdit): string {
  const edits = edit.documentChanges
    ? edit.documentChanges.flatMap((change) => ('edits' in change && change.textDocument.uri === document.uri ? change.edits : []))
    : edit.changes?.[document.uri] ?? [];
  return TextDocument.applyEdits(document, edits);
}

/** A folder as a file: URI (given as one, or as a path). */
function asUri(folder: string): string {
  return folder.startsWith('file:') ? folder : pathToFileURL(folder).href;
}
