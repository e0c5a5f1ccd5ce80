// A minimal LSP client over a child's stdio, as an editor drives the server: JSON-RPC framing by
// vscode-jsonrpc, push diagnostics (no pull capability), incremental sync.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { SERVER_NODE_FLAGS } from '../server/src/shared/protocol';
import { now } from './stats';

interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

type Waiter = { uri: string; version: number | undefined; resolve: (at: number) => void };

export class LspClient {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  private readonly waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  /** Called for every publishDiagnostics (the workspace bench counts letters with it). */
  onPublish: ((uri: string, at: number) => void) | null = null;
  /** Time from spawn to the initialize answer. */
  initializeMs = Number.NaN;
  /** The workspace folders the client answers `workspace/workspaceFolders` with. */
  private folders: { uri: string; name: string }[] = [];

  private constructor(serverPath: string) {
    this.child = spawn(process.execPath, [...SERVER_NODE_FLAGS, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const at = now();
      this.onPublish?.(params.uri, at);
      for (let i = 0; i < this.waiters.length; i++) {
        const w = this.waiters[i];
        if (w.uri === params.uri && (w.version === undefined || params.version === undefined || params.version >= w.version)) {
          this.waiters.splice(i--, 1);
          w.resolve(at);
        }
      }
    });
    // Answer what a server may ask of an editor; the bench client has no settings to give.
    this.connection.onRequest('workspace/configuration', (params: { items?: unknown[] }) => (params.items ?? []).map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/workspaceFolders', () => this.folders);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  /**
   * Spawns the server and completes the initialize handshake, timing start to answer. With
   * `folderEvents` the client says it can add folders later (addFolder), as VS Code does.
   */
  static async start(serverPath: string, workspaceFolder: string | null = null, folderEvents = false): Promise<LspClient> {
    const started = now();
    const client = new LspClient(serverPath);
    client.folders = workspaceFolder === null ? [] : [{ uri: pathToFileURL(workspaceFolder).href, name: 'letters' }];
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: client.folders[0]?.uri ?? null,
      workspaceFolders: workspaceFolder === null ? (folderEvents ? [] : null) : client.folders,
      capabilities: {
        textDocument: { synchronization: { dynamicRegistration: false }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
        workspace: folderEvents ? { workspaceFolders: true } : {},
      },
    });
    client.initializeMs = now() - started;
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  /** Adds a workspace folder (the client must have started with `folderEvents`). */
  async addFolder(folder: string): Promise<void> {
    const added = { uri: pathToFileURL(folder).href, name: 'letters' };
    this.folders.push(added);
    await this.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [added], removed: [] } });
  }

  /** Resolves with the time the next diagnostics for `uri` (at least `version`) arrive. */
  private nextDiagnostics(uri: string, version: number | undefined): Promise<number> {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  /** didOpen and the time until its diagnostics are published. */
  async open(uri: string, text: string): Promise<number> {
    const version = 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    const arrived = this.nextDiagnostics(uri, version);
    const start = now();
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'imr', version, text } });
    return (await arrived) - start;
  }

  /** Sends didOpen without waiting; the returned promise resolves when its diagnostics arrive. */
  openAsync(uri: string, text: string): { sent: number; diagnostics: Promise<number> } {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    const diagnostics = this.nextDiagnostics(uri, 1);
    const sent = now();
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'imr', version: 1, text } });
    return { sent, diagnostics };
  }

  /** Types one character at `line`:0 and times until the diagnostics of that version arrive. */
  async typeOneChar(uri: string, line: number): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const arrived = this.nextDiagnostics(uri, version);
    const start = now();
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }],
    });
    return (await arrived) - start;
  }

  /** Times one documentSymbol request; returns the time and the number of top-level symbols. */
  async documentSymbol(uri: string): Promise<{ ms: number; symbols: number }> {
    const start = now();
    const result = await this.connection.sendRequest<unknown[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
    return { ms: now() - start, symbols: result?.length ?? 0 };
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    this.texts.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resident memory of the server process in bytes (VmRSS, Linux), or NaN elsewhere. */
  residentBytes(): number {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status);
      return kb ? Number(kb[1]) * 1024 : Number.NaN;
    } catch {
      return Number.NaN;
    }
  }

  /** shutdown, exit, and make sure the process is gone. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The process may already be gone.
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
