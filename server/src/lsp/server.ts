// Wires the features to a connection. Each handler is thin: read params, get the letter's
// analysis, hand the engine's data to a feature module, answer. Handlers are guarded (see guard.ts).
import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  DocumentDiagnosticReportKind,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
  type Connection,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type ExecuteCommandParams,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceDocumentDiagnosticReport,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { lint } from '../engine';
import { summaryHtml, summaryRecord, type SummaryRecord } from '../report/html';
import { csvHeader, csvLine, CSV_BOM, tableRows } from '../report/table';
import { AnalysisCache } from './analysis';
import { CONFIG_FILE_NAME } from '../config/discovery';
import { LetterConfigs } from './configs';
import { codeActions, CODE_ACTION_KINDS } from './features/codeActions';
import { disableRuleAdvice, listDefects, stringArgument } from './features/commands';
import { toLspDiagnostics } from './features/diagnostics';
import { DiagnosticsPusher } from './features/diagnosticsPush';
import { filePath } from './configFile';
import { DocumentStore } from './documents';
import { foldingRanges } from './features/folding';
import { guardNotification, guardRequest, throwIfCancelled, yieldToEventLoop } from './guard';
import { hover } from './features/hover';
import { codeLenses } from './features/meaning';
import { Letters } from './letters';
import { errorForLog, Log } from './log';
import { clampPosition, clampRange, invalidParams, isRecord, requirePosition, requireRange, requireUri } from './params';
import { pdfOfTextUri, Commands, LETTER_SUMMARY_METHOD, SERVER_COMMANDS, SETTINGS_SECTION, WORKSPACE_LETTERS_CHANGED, WORKSPACE_LETTERS_METHOD, WORKSPACE_REPORT_METHOD, type LetterSummary, type WorkspaceLetterEntry } from './protocol';
import { packageInfo } from '../packageInfo';
import { SettingsStore } from './settings';
import { documentSymbols } from './features/symbols';
import { letterSymbols } from './features/workspaceSymbols';
import { isConfigFile, REMOVED_ID, viewEntry, Workspace, type Progress } from './workspace';
import { collectAfterAnswer } from './youngGeneration';
import { publishDiagnosticsJson, viewOf, workspaceDiagnostics, workspaceView, type WorkspaceLetter } from './workspaceLint';
import { isPdfName } from '../pdf/extract';
import { PageLocator, pageStartsOf } from '../pdf/result';

export const SERVER_NAME = 'imr-language-server';

/** The package's version (package.json, read once). */
export function serverVersion(): string {
  return packageInfo().version;
}

export interface ServerOptions {
  /** The bundle that starts a workspace lint worker when run as one (main.ts); none: lint in this thread. */
  lintWorkerScript?: string;
  /**
   * Sends a message already encoded as JSON, in order with the connection's (stdio and sockets):
   * workspace letters are published from the JSON they keep, with no parse and no stringify.
   */
  sendJson?: (json: string | Uint8Array) => Promise<void>;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const log = new Log(connection.console);
  const documents = new DocumentStore();
  const cache = new AnalysisCache(log);
  let letters: Letters | undefined;
  let pusher: DiagnosticsPusher | undefined;
  let pull = false;
  let refreshSupport = false;
  let versionedEdits = false;
  let registerConfigurationChange = false;
  let foldingLimit: number | undefined;
  let watchConfigs = false;
  let workspaceFolderEvents = false;
  const configs = new LetterConfigs(log, (message) => {
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  });
  let workspace: Workspace | undefined;
  let registerWatchers = false;
  let answeredWorkspace = false;
  let roots: string[] = [];
  let progressSupport = false;

  process.on('uncaughtException', (error) => log.error(`uncaught exception: ${errorForLog(error)}`));
  process.on('unhandledRejection', (error) => log.error(`unhandled rejection: ${errorForLog(error)}`));

  const ready = (): Letters => {
    if (!letters) throw new Error('request before initialize');
    return letters;
  };

  /** A push client's report of a workspace letter, or an empty one: from the JSON the letter keeps where the transport takes JSON. */
  const pushWorkspaceLetter = (uri: string, letter: WorkspaceLetter | null): void => {
    if (letter && options.sendJson) void options.sendJson(publishDiagnosticsJson(uri, letter)).catch(() => undefined);
    else void connection.sendDiagnostics({ uri, diagnostics: letter ? workspaceDiagnostics(letter) : [] }).catch(() => undefined);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities ?? {};
    const configuration = capabilities.workspace?.configuration === true;
    const settings = new SettingsStore(
      configuration ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }) : null,
      params.initializationOptions,
      (reason) => log.warn(`workspace/configuration failed (${reason}); using defaults`),
    );
    configs.setFolders(workspaceFolderUris(params));
    letters = new Letters(documents, settings, cache, configs);
    watchConfigs = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    workspaceFolderEvents = capabilities.workspace?.workspaceFolders === true;
    pull = capabilities.textDocument?.diagnostic !== undefined;
    refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
    versionedEdits = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    registerConfigurationChange = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    foldingLimit = capabilities.textDocument?.foldingRange?.rangeLimit;
    registerWatchers = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    progressSupport = capabilities.window?.workDoneProgress === true;
    const publish = (uri: string, version: number | undefined, diagnostics: LspDiagnostic[]): void => {
      void connection.sendDiagnostics({ uri, version, diagnostics }).catch(() => undefined);
    };
    if (!pull) pusher = new DiagnosticsPusher(letters, publish, log);
    roots = workspaceRoots(params);
    // A client that reports folder changes may add the first folder later.
    if (roots.length > 0 || workspaceFolderEvents) {
      const store = settings;
      workspace = new Workspace(roots, {
        settingsFor: (uri) => store.get(uri),
        configs,
        documents,
        log,
        // Open letters are reported from their text, by the pusher or by document pulls.
        changed: (uri, letter) => {
          if (!pull && !documents.isOpen(uri)) pushWorkspaceLetter(uri, letter);
          lettersChanged();
        },
        progress: (title) => startProgress(title),
      }, pull, options.lintWorkerScript ?? null);
    }
    log.info(`${SERVER_NAME} ${serverVersion()}: diagnostics ${pull ? 'pulled by the client' : 'pushed'}`);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'IMR letter' },
        foldingRangeProvider: true,
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        executeCommandProvider: { commands: [...SERVER_COMMANDS] },
        workspaceSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...(pull ? { diagnosticProvider: { identifier: 'imr', interFileDependencies: false, workspaceDiagnostics: workspace !== undefined } } : {}),
      },
      serverInfo: { name: SERVER_NAME, version: serverVersion() },
    };
  });

  connection.onInitialized(() => {
    if (registerConfigurationChange) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    // Letters and configs when the workspace is read; else the configs alone, for open letters.
    if (workspace && registerWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{imr,txt,pdf,IMR,TXT,PDF}' }, { globPattern: `**/${CONFIG_FILE_NAME}` }],
      }).catch(() => undefined);
    } else if (watchConfigs) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] }).catch(() => undefined);
    }
    if (workspaceFolderEvents) connection.workspace.onDidChangeWorkspaceFolders(guardNotification(log, 'workspace/didChangeWorkspaceFolders', async () => {
      const folders = await connection.workspace.getWorkspaceFolders();
      configs.setFolders((folders ?? []).map((f) => f.uri));
      roots = folderPaths(folders ?? []);
      workspace?.setRoots(roots);
      relintAll();
    }));
    void workspace?.scan();
  });

  /** Settings or a config file changed: every letter's results may change, open or not. */
  const relintAll = (): void => {
    if (pusher) pusher.scheduleAll();
    else if (refreshSupport) void connection.sendRequest(DiagnosticRefreshRequest.type).catch(() => undefined);
    void workspace?.scan();
  };
  /** Tells the view to ask again, at most every 300 ms. */
  let changedTimer: NodeJS.Timeout | undefined;
  const lettersChanged = (): void => {
    changedTimer ??= setTimeout(() => {
      changedTimer = undefined;
      void connection.sendNotification(WORKSPACE_LETTERS_CHANGED).catch(() => undefined);
    }, 300);
  };

  /** A work-done progress the user can cancel, when the client shows them. */
  const startProgress = async (title: string): Promise<Progress | null> => {
    if (!progressSupport) return null;
    try {
      const reporter = await connection.window.createWorkDoneProgress();
      reporter.begin(title, 0, undefined, true);
      return { report: (percentage, message) => reporter.report(percentage, message), done: () => reporter.done(), token: reporter.token };
    } catch {
      return null;
    }
  };

  connection.onDidChangeWatchedFiles(guardNotification(log, 'workspace/didChangeWatchedFiles', async (params) => {
    if (!isRecord(params) || !Array.isArray(params.changes)) return;
    let configChanged = false;
    for (const change of params.changes.slice(0, 100_000)) {
      if (!isRecord(change) || typeof change.uri !== 'string') continue;
      const file = filePath(change.uri);
      if (file === null) continue;
      if (isConfigFile(file)) {
        configChanged = true;
        continue;
      }
      if (!workspace) continue;
      if (change.type === FileChangeType.Deleted) workspace.deleted(file);
      else await workspace.refresh(file);
    }
    if (configChanged) {
      configs.changed();
      relintAll();
    }
  }));

  // --- documents ---------------------------------------------------------------------------
  connection.onDidOpenTextDocument(guardNotification(log, 'textDocument/didOpen', (params) => {
    const document = documents.open(params);
    if (!document) {
      log.warn('textDocument/didOpen ignored: malformed params');
      return;
    }
    cache.delete(document.uri);
    pusher?.schedule(document.uri);
    // The text of a PDF the workspace reported: its problems now come from the open text alone.
    const pdf = pdfOfTextUri(document.uri);
    if (workspace && pdf !== null && workspace.byUri(pdf)) {
      if (pusher) connection.sendDiagnostics({ uri: pdf, diagnostics: [] }).catch(() => undefined);
      workspace.viewOpened();
    }
    if (workspace) lettersChanged();
  }));

  connection.onDidChangeTextDocument(guardNotification(log, 'textDocument/didChange', (params) => {
    const { document, skipped } = documents.change(params);
    if (!document) {
      log.warn('textDocument/didChange ignored: unknown document or malformed params');
      return;
    }
    if (skipped) log.warn(`textDocument/didChange ${log.doc(document.uri)} v${document.version}: skipped ${skipped} malformed change(s)`);
    pusher?.schedule(document.uri);
    workspace?.typing();
    if (workspace) lettersChanged();
  }));

  connection.onDidCloseTextDocument(guardNotification(log, 'textDocument/didClose', (params) => {
    const uri = isRecord(params) && isRecord(params.textDocument) ? params.textDocument.uri : undefined;
    if (typeof uri !== 'string') return;
    ready().close(uri);
    pusher?.closed(uri);
    // The letter's file (unsaved edits are gone; or the PDF whose text this was) is its truth
    // again: read it and report it in full.
    const fileUri = pdfOfTextUri(uri) ?? uri;
    const file = filePath(fileUri);
    if (workspace && file !== null) {
      workspace.closed(fileUri);
      const letter = workspace.byUri(fileUri);
      if (letter && pusher) pushWorkspaceLetter(fileUri, letter);
      void workspace.refresh(file);
    }
  }));

  connection.onDidChangeConfiguration(guardNotification(log, 'workspace/didChangeConfiguration', (params) => {
    ready().settings.changed(isRecord(params) ? params.settings : undefined);
    configs.changed();
    relintAll();
  }));

  // --- features ----------------------------------------------------------------------------
  connection.onDocumentSymbol(guardRequest(log, 'textDocument/documentSymbol', [], async (params, token) => {
    const letter = await ready().getEnabled(requireUri(params), token);
    return letter ? documentSymbols(letter.result.letter, token) : [];
  }));

  connection.onFoldingRanges(guardRequest(log, 'textDocument/foldingRange', [], async (params, token) => {
    const letter = await ready().getEnabled(requireUri(params), token);
    return letter ? foldingRanges(letter.result.letter, foldingLimit) : [];
  }));

  connection.onHover(guardRequest(log, 'textDocument/hover', null, async (params, token) => {
    const uri = requireUri(params);
    const position = requirePosition(params);
    const letter = await ready().getEnabled(uri, token);
    if (!letter) return null;
    const at = clampPosition(letter.document, position);
    const line = letter.document.getText({ start: { line: at.line, character: 0 }, end: { line: at.line, character: 4096 } });
    return hover(letter.result, at, line);
  }));

  connection.onCodeLens(guardRequest(log, 'textDocument/codeLens', [], async (params, token) => {
    const letter = await ready().getEnabled(requireUri(params), token);
    return letter ? codeLenses(letter.result.letter) : [];
  }));

  connection.onCodeAction(guardRequest(log, 'textDocument/codeAction', [], async (params: CodeActionParams, token) => {
    const uri = requireUri(params);
    const range = requireRange(params);
    const letter = await ready().getEnabled(uri, token);
    if (!letter) return [];
    return codeActions({
      ...letter,
      params: { ...params, range: clampRange(letter.document, range) },
      versionedEdits,
    });
  }));

  connection.onExecuteCommand(guardRequest(log, 'workspace/executeCommand', null, async (params: ExecuteCommandParams, token) => {
    if (!isRecord(params) || typeof params.command !== 'string') throw invalidParams('command is missing');
    if (params.command === Commands.listDefects) {
      const letter = await ready().getEnabled(stringArgument(params), token);
      return letter ? listDefects(letter.document.uri, letter.analysis.version, letter.result) : null;
    }
    if (params.command === Commands.disableRule) {
      // A notification: window/showMessageRequest would wait on an answer the user may never give.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: disableRuleAdvice(stringArgument(params)) });
      return null;
    }
    throw invalidParams(`unknown command ${params.command}`);
  }));

  connection.onWorkspaceSymbol(guardRequest(log, 'workspace/symbol', [], async (params, token) => {
    const query = isRecord(params) && typeof params.query === 'string' ? params.query : '';
    const out = [];
    for (const document of documents.all()) {
      const letter = await ready().getEnabled(document.uri, token);
      if (letter) out.push(...letterSymbols(document.uri, letter.result.letter, query));
      // Linting a letter for the first time is the expensive part: let a cancellation in.
      await yieldToEventLoop();
      throwIfCancelled(token);
    }
    if (workspace) out.push(...workspace.symbols(query, (uri) => documents.isOpen(uri)));
    return out;
  }));

  connection.languages.diagnostics.onWorkspace(async (params, token) => {
    try {
      const previous = new Map<string, string>();
      for (const p of Array.isArray(params?.previousResultIds) ? params.previousResultIds : []) {
        if (isRecord(p) && typeof p.uri === 'string' && typeof p.value === 'string') previous.set(p.uri, p.value);
      }
      const ws = workspace;
      if (!ws) return { items: [] };
      // The first request is answered at once with what is known; later ones wait for a change.
      for (let first = !answeredWorkspace; ; first = false) {
        const changes = ws.changesSince(previous);
        if (changes.length > 0 || first || token.isCancellationRequested) {
          const items: WorkspaceDocumentDiagnosticReport[] = changes.map(({ uri, letter }) => ({
            kind: DocumentDiagnosticReportKind.Full,
            uri,
            version: null,
            resultId: letter ? letter.resultId : REMOVED_ID,
            items: letter ? workspaceDiagnostics(letter) : [],
          }));
          answeredWorkspace = true;
          return { items };
        }
        await ws.nextChange(token);
      }
    } catch (error) {
      log.error(`workspace/diagnostic failed: ${errorForLog(error)}`);
      return { items: [] };
    }
  });

  connection.languages.diagnostics.on(guardRequest<DocumentDiagnosticParams, DocumentDiagnosticReport>(
    log,
    'textDocument/diagnostic',
    { kind: DocumentDiagnosticReportKind.Full, items: [] },
    async (params, token) => {
      const letter = await ready().get(requireUri(params), token);
      if (!letter) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      // Once this answer is written (a client pulls after each change): see youngGeneration.ts.
      const uri = letter.document.uri;
      setImmediate(() => collectAfterAnswer(log, uri));
      const resultId = `${letter.analysis.version}:${letter.analysis.revision}:${hash(letter.analysis.settingsKey)}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: toLspDiagnostics(letter.analysis) };
    },
  ));

  connection.onRequest(WORKSPACE_LETTERS_METHOD, guardRequest(log, WORKSPACE_LETTERS_METHOD, { letters: [] }, async (_params: unknown, token): Promise<{ letters: WorkspaceLetterEntry[] }> => {
    const out: WorkspaceLetterEntry[] = [];
    // Open letters as their text says (unsaved edits win), then the others as read from disk.
    for (const document of documents.all()) {
      const letter = await ready().getEnabled(document.uri, token);
      if (letter) out.push(viewEntry(document.uri, letter.result.letter.layout, letter.result.diagnostics.length, viewOf(letter.result)));
      await yieldToEventLoop();
    }
    for (const letter of workspace?.all() ?? []) {
      if (!documents.isOpen(letter.uri)) out.push(viewEntry(letter.uri, letter.layout, letter.problems, workspaceView(letter)));
    }
    out.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    return { letters: out };
  }));

  connection.onRequest(WORKSPACE_REPORT_METHOD, guardRequest(log, WORKSPACE_REPORT_METHOD, null, async (params: unknown, token): Promise<{ text: string } | null> => {
    const format = isRecord(params) ? params.format : undefined;
    if (format !== 'csv' && format !== 'html') throw invalidParams('format must be "csv" or "html"');
    const sources: Array<{ uri: string; text: () => Promise<string | null>; settings: () => Promise<import('./protocol').ImrSettings> }> = [];
    for (const document of documents.all()) {
      sources.push({ uri: document.uri, text: () => Promise.resolve(document.getText()), settings: async () => (await configs.apply(document.uri, await ready().settings.get(document.uri))).settings });
    }
    for (const letter of workspace?.all() ?? []) {
      if (documents.isOpen(letter.uri)) continue;
      sources.push({ uri: letter.uri, text: () => workspace!.textOf(letter), settings: () => workspace!.settingsOf(letter.uri) });
    }
    sources.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    const parts: string[] = [];
    const records: SummaryRecord[] = [];
    for (const source of sources) {
      const text = await source.text();
      if (text === null) continue;
      const settings = await source.settings();
      if (!settings.enable) continue;
      const { letter, diagnostics } = lint(text, settings.rules);
      // An open PDF text is named after its PDF. A PDF's text (read from disk, or open) ends each
      // page with a form feed.
      const fileUri = pdfOfTextUri(source.uri) ?? source.uri;
      const file = displayName(fileUri, roots);
      const pages = isPdfName(filePath(fileUri) ?? '') ? new PageLocator(text, pageStartsOf(text)) : null;
      const pageOfLine = pages ? (line: number) => pages.pageOf({ line, character: 0 }) : undefined;
      if (format === 'csv') for (const row of tableRows({ file, letter, diagnostics, pageOfLine })) parts.push(csvLine(row));
      else records.push(summaryRecord(file, source.uri, letter, diagnostics));
      await yieldToEventLoop();
      throwIfCancelled(token);
    }
    return { text: format === 'csv' ? CSV_BOM + csvHeader() + parts.join('') : summaryHtml(records, { generator: `${SERVER_NAME} ${serverVersion()}` }) };
  }));

  connection.onRequest(LETTER_SUMMARY_METHOD, guardRequest(log, LETTER_SUMMARY_METHOD, null, async (params: unknown, token): Promise<LetterSummary | null> => {
    const letter = await ready().get(requireUri(params), token);
    if (!letter) return null;
    const items = letter.analysis.result?.letter.items ?? [];
    const summary: LetterSummary = {
      uri: letter.document.uri,
      version: letter.analysis.version,
      layout: letter.analysis.result?.letter.layout ?? 'disabled',
      items: items.length,
      upheld: items.filter((item) => item.decision === 'Upheld').length,
      overturned: items.filter((item) => item.decision === 'Overturned').length,
      noDecision: items.filter((item) => item.decision === null).length,
      problems: letter.analysis.result?.diagnostics.length ?? 0,
      length: letter.document.getText().length,
      configFile: letter.configFile,
    };
    if (isRecord(params) && params.includeDigest === true) {
      summary.sha256 = createHash('sha256').update(letter.document.getText(), 'utf16le').digest('hex');
    }
    return summary;
  }));

  connection.listen();
}

/** The file-system folders of the workspace (workspaceFolders, else rootUri, else rootPath). */
function workspaceRoots(params: InitializeParams): string[] {
  const folders: WorkspaceFolder[] = Array.isArray(params.workspaceFolders) ? params.workspaceFolders : [];
  const roots = folderPaths(folders.length > 0 ? folders : typeof params.rootUri === 'string' ? [{ uri: params.rootUri, name: '' }] : []);
  if (roots.length === 0 && folders.length === 0 && typeof params.rootPath === 'string' && params.rootPath) roots.push(params.rootPath);
  return roots;
}

/** The local paths of workspace folders (folders that are not file: URIs are left out). */
function folderPaths(folders: readonly WorkspaceFolder[]): string[] {
  const roots: string[] = [];
  for (const folder of folders) {
    const uri: unknown = isRecord(folder) ? folder.uri : undefined;
    if (typeof uri !== 'string' || !uri.startsWith('file:')) continue;
    try {
      roots.push(fileURLToPath(uri));
    } catch {
      // not a local folder
    }
  }
  return roots;
}

/** A letter's path relative to its workspace folder, as imr-lint shows paths run from there. */
function displayName(uri: string, roots: readonly string[]): string {
  const file = filePath(uri);
  if (file === null) return uri;
  for (const root of roots) {
    const rel = relative(root, file);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return file;
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 12);
}

/** The workspace folders of initialize (or its root, for clients without folders). */
function workspaceFolderUris(params: InitializeParams): string[] {
  if (Array.isArray(params.workspaceFolders)) {
    return params.workspaceFolders.flatMap((f) => (isRecord(f) && typeof f.uri === 'string' ? [f.uri] : []));
  }
  return typeof params.rootUri === 'string' ? [params.rootUri] : [];
}
