// Entry point of the VS Code extension. Activation stays cheap because it also runs for plain
// text (to recognise .txt letters by content): it registers listeners, the status bar item and
// the commands, and starts the language server only once the first imr document is open.
import * as vscode from 'vscode';
import { Commands, LANGUAGE_ID, WORKSPACE_REPORT_METHOD } from '../../server/src/shared/protocol';
import { activeLetterUri, copyDefectNote, defectActions, disableRule, enableRules, formatDefects, openRulePage } from './commands';
import { ReadOnlyLetters } from './readOnly';
import { DEFECT_ACTIONS_COMMAND } from './ruleLinks';
import { linkHover } from './rulePageLinks';
import { LetterDetector } from './letterDetection';
import { LettersView } from './lettersView';
import { PDF_TEXT_SCHEME, PdfLetters } from './pdfLetters';
import type { LanguageClient } from './serverClient';
import { LetterStatusBar } from './statusBar';

/** What other extensions (and the editor tests) get from `extension.exports`. */
export interface ImrExtensionApi {
  /** How long activate() took, in milliseconds. */
  readonly activationMs: number;
  /** Resolves once the language server is running (starting it if no letter was open yet). */
  serverReady(): Promise<void>;
  /** Resolves true once the letter was opened read-only, false if it was not (setting off, not a letter). */
  openedReadOnly(uri: vscode.Uri): Promise<boolean>;
}

let client: Promise<LanguageClient> | undefined;

export function activate(context: vscode.ExtensionContext): ImrExtensionApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('IMR Letters');
  // Logs carry timings, counts and rule ids, never letter text.
  const log = (line: string): void => output.appendLine(`[${new Date().toISOString()}] ${line}`);
  let defectsChannel: vscode.OutputChannel | undefined;
  const statusBar = new LetterStatusBar();
  // Registers the PDF editor and the imr-pdf: documents; pdf.js loads with the first PDF opened.
  const pdfLetters = new PdfLetters(context.asAbsolutePath('dist/pdf-worker.js'), log);
  const readOnly = new ReadOnlyLetters(log);

  const showDefects = (result: unknown): void => {
    if (!defectsChannel) {
      defectsChannel = vscode.window.createOutputChannel('IMR Defects');
      context.subscriptions.push(defectsChannel);
    }
    defectsChannel.clear();
    for (const line of formatDefects(result)) defectsChannel.appendLine(line);
    defectsChannel.show(true);
  };

  const startClient = async (): Promise<LanguageClient> => {
    const t0 = performance.now();
    const { createServerClient } = await import('./serverClient');
    const languageClient = createServerClient(context, output, {
      // Server commands run from the palette get the active letter; their results are shown.
      executeCommand: async (command, args, next) => {
        const withUri = command === Commands.listDefects && args.length === 0 ? [activeLetterUri()] : args;
        const result: unknown = await next(command, withUri);
        if (command === Commands.listDefects) showDefects(result);
        return result;
      },
      // A PDF letter's items carry their page in the outline and Go to Symbol.
      provideDocumentSymbols: async (document, token, next) => {
        const symbols = await next(document, token);
        if (document.uri.scheme !== PDF_TEXT_SCHEME || !symbols?.length || !('children' in symbols[0])) return symbols;
        return pdfLetters.addPages(document, symbols as vscode.DocumentSymbol[]);
      },
      // The "More about ..." link of a defect's hover opens the rule's page rendered, read-only,
      // not the Markdown file in an editor, and "Actions for this defect" follows it
      // (client/src/ruleLinks.ts; the diagnostics' links are rewritten where the client converts
      // URIs, see serverClient.ts).
      provideHover: async (document, position, token, next) => linkHover(await next(document, position, token), document, position),
    });
    await languageClient.start();
    log(`language server started in ${(performance.now() - t0).toFixed(0)} ms`);
    const advertised = languageClient.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
    if (!advertised.includes(Commands.listDefects)) {
      // vscode-languageclient registers only the commands the server advertises; keep the
      // palette entry working anyway.
      context.subscriptions.push(
        vscode.commands.registerCommand(Commands.listDefects, async (uri?: string) => {
          const result: unknown = await languageClient.sendRequest('workspace/executeCommand', {
            command: Commands.listDefects,
            arguments: [uri ?? activeLetterUri()],
          });
          showDefects(result);
          return result;
        }),
      );
    }
    statusBar.serverStarted();
    lettersView.attach(languageClient);
    return languageClient;
  };

  const ensureClient = (): Promise<LanguageClient> => {
    client ??= startClient().catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log(`language server failed to start: ${message}`);
      void vscode.window.showErrorMessage(`IMR: the language server failed to start (${message}). See the "IMR Letters" output.`);
      throw error;
    });
    return client;
  };
  const isLetter = (document: vscode.TextDocument): boolean => document.languageId === LANGUAGE_ID;
  const lettersView = new LettersView(ensureClient);

  context.subscriptions.push(
    output,
    statusBar,
    pdfLetters.register(),
    new LetterDetector(log),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (isLetter(document)) void ensureClient().catch(() => undefined);
    }),
    vscode.commands.registerCommand(Commands.disableRule, disableRule),
    vscode.commands.registerCommand(Commands.enableRules, enableRules),
    vscode.commands.registerCommand(Commands.copyDefectNote, copyDefectNote),
    vscode.commands.registerCommand(Commands.openRulePage, (ruleId: unknown) => openRulePage(context.extensionUri, ruleId)),
    vscode.commands.registerCommand(DEFECT_ACTIONS_COMMAND, defectActions),
    readOnly,
    lettersView,
    vscode.commands.registerCommand('imr.letters.refresh', () => lettersView.connect().then(() => lettersView.reload())),
    vscode.commands.registerCommand('imr.letters.groupByFolder', () => lettersView.setGrouping('folder')),
    vscode.commands.registerCommand('imr.letters.groupByOutcome', () => lettersView.setGrouping('outcome')),
    vscode.commands.registerCommand('imr.letters.ungroup', () => lettersView.setGrouping('none')),
    vscode.commands.registerCommand('imr.letters.filter', () => lettersView.editFilter()),
    vscode.commands.registerCommand('imr.letters.clearFilter', () => lettersView.clearFilter()),
    vscode.commands.registerCommand('imr.exportDecisionsTable', async () => {
      const languageClient = await ensureClient();
      const report = await languageClient.sendRequest<{ text: string } | null>(WORKSPACE_REPORT_METHOD, { format: 'csv' });
      if (!report) return;
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = await vscode.window.showSaveDialog({
        title: 'Export the decisions table',
        filters: { 'CSV (UTF-8)': ['csv'] },
        defaultUri: folder ? vscode.Uri.joinPath(folder, 'imr-decisions.csv') : undefined,
      });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(report.text));
      void vscode.window.showInformationMessage(`IMR: decisions table written to ${vscode.workspace.asRelativePath(target)}`);
    }),
    vscode.commands.registerCommand('imr.showSummary', async () => {
      const languageClient = await ensureClient();
      const report = await languageClient.sendRequest<{ text: string } | null>(WORKSPACE_REPORT_METHOD, { format: 'html' });
      if (!report) return;
      // No scripts, and the page's own policy (default-src 'none'; inline styles only) stays.
      const panel = vscode.window.createWebviewPanel('imr.summary', 'IMR Summary', vscode.ViewColumn.Active, { enableScripts: false, localResourceRoots: [] });
      panel.webview.html = report.text;
    }),
  );
  const letterOpen = vscode.workspace.textDocuments.some(isLetter);
  if (letterOpen) void ensureClient().catch(() => undefined);
  // A folder with .imr letters gets their problems without opening one: the server reads them.
  else if (vscode.workspace.workspaceFolders?.length && vscode.workspace.getConfiguration('imr').get('workspace.enable', true)) {
    void Promise.resolve(vscode.workspace.findFiles('**/*.imr', '**/node_modules/**', 1)).then(
      (found) => (found.length > 0 ? ensureClient() : undefined),
    ).catch(() => undefined);
  }

  const activationMs = performance.now() - started;
  log(`activated in ${activationMs.toFixed(2)} ms (${letterOpen ? 'starting the language server' : 'language server deferred until a letter is open'})`);
  return {
    activationMs,
    serverReady: async () => {
      await ensureClient();
    },
    openedReadOnly: (uri) => readOnly.whenApplied(uri),
  };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await (await running.catch(() => undefined))?.stop();
}
