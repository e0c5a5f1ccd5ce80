// Wires the features to a connection. Each handler is thin: read params, get the letter's
// analysis, hand the engine's data to a feature module, answer. Handlers are guarded (see guard.ts).
import { createHash } from 'node:crypto';
import {
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type CodeActionParams,
  type Connection,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type ExecuteCommandParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { AnalysisCache } from './analysis';
import { CONFIG_FILE_NAME } from '../config/discovery';
import { LetterConfigs } from './configs';
import { codeActions, CODE_ACTION_KINDS } from './features/codeActions';
import { disableRuleAdvice, listDefects, stringArgument } from './features/commands';
import { toLspDiagnostics } from './features/diagnostics';
import { DiagnosticsPusher } from './features/diagnosticsPush';
import { DocumentStore } from './documents';
import { foldingRanges } from './features/folding';
import { guardNotification, guardRequest, throwIfCancelled, yieldToEventLoop } from './guard';
import { hover } from './features/hover';
import { codeLenses } from './features/meaning';
import { Letters } from './letters';
import { errorForLog, Log } from './log';
import { clampPosition, clampRange, invalidParams, isRecord, requirePosition, requireRange, requireUri } from './params';
import { Commands, LETTER_SUMMARY_METHOD, SERVER_COMMANDS, SETTINGS_SECTION, type LetterSummary } from './protocol';
import { packageInfo } from '../packageInfo';
import { SettingsStore } from './settings';
import { documentSymbols } from './features/symbols';
import { letterSymbols } from './features/workspaceSymbols';

export const SERVER_NAME = 'imr-language-server';

/** The package's version (package.json, read once). */
export function serverVersion(): string {
  return packageInfo().version;
}

export function startServer(connection: Connection): void {
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

  process.on('uncaughtException', (error) => log.error(`uncaught exception: ${errorForLog(error)}`));
  process.on('unhandledRejection', (error) => log.error(`unhandled rejection: ${errorForLog(error)}`));

  const ready = (): Letters => {
    if (!letters) throw new Error('request before initialize');
    return letters;
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
    if (!pull) {
      pusher = new DiagnosticsPusher(letters, (uri, version, diagnostics) => {
        void connection.sendDiagnostics({ uri, version, diagnostics }).catch(() => undefined);
      }, log);
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
        ...(pull ? { diagnosticProvider: { identifier: 'imr', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: SERVER_NAME, version: serverVersion() },
    };
  });

  connection.onInitialized(() => {
    if (registerConfigurationChange) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    if (watchConfigs) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] }).catch(() => undefined);
    }
    if (workspaceFolderEvents) connection.workspace.onDidChangeWorkspaceFolders(guardNotification(log, 'workspace/didChangeWorkspaceFolders', async () => {
      const folders = await connection.workspace.getWorkspaceFolders();
      configs.setFolders((folders ?? []).map((f) => f.uri));
      relintAll();
    }));
  });

  /** Settings or a config file changed: every open letter's results may change. */
  const relintAll = (): void => {
    if (pusher) pusher.scheduleAll();
    else if (refreshSupport) void connection.sendRequest(DiagnosticRefreshRequest.type).catch(() => undefined);
  };

  connection.onDidChangeWatchedFiles(guardNotification(log, 'workspace/didChangeWatchedFiles', () => {
    configs.changed();
    relintAll();
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
  }));

  connection.onDidChangeTextDocument(guardNotification(log, 'textDocument/didChange', (params) => {
    const { document, skipped } = documents.change(params);
    if (!document) {
      log.warn('textDocument/didChange ignored: unknown document or malformed params');
      return;
    }
    if (skipped) log.warn(`textDocument/didChange ${log.doc(document.uri)} v${document.version}: skipped ${skipped} malformed change(s)`);
    pusher?.schedule(document.uri);
  }));

  connection.onDidCloseTextDocument(guardNotification(log, 'textDocument/didClose', (params) => {
    const uri = isRecord(params) && isRecord(params.textDocument) ? params.textDocument.uri : undefined;
    if (typeof uri !== 'string') return;
    ready().close(uri);
    pusher?.closed(uri);
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
    return letter ? hover(letter.result, clampPosition(letter.document, position)) : null;
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
    return out;
  }));

  connection.languages.diagnostics.on(guardRequest<DocumentDiagnosticParams, DocumentDiagnosticReport>(
    log,
    'textDocument/diagnostic',
    { kind: DocumentDiagnosticReportKind.Full, items: [] },
    async (params, token) => {
      const letter = await ready().get(requireUri(params), token);
      if (!letter) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const resultId = `${letter.analysis.version}:${letter.analysis.revision}:${hash(letter.analysis.settingsKey)}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: toLspDiagnostics(letter.analysis) };
    },
  ));

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
