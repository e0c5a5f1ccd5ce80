// Waiting on VS Code events, never on sleeps: each helper checks the state now, then again on
// every event that could change it, and fails with what it saw once a bounded time has passed.
import * as vscode from 'vscode';

export function waitFor<T>(event: vscode.Event<unknown>, check: () => T | undefined, what: string | (() => string), timeoutMs = 30_000): Promise<T> {
  const now = check();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`));
    }, timeoutMs);
    const subscription = event(() => {
      const value = check();
      if (value === undefined) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code ?? '');
}

/** The imr diagnostics of `uri` once `accept` holds for them. */
export function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return waitFor(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'imr');
      return accept(diagnostics) ? diagnostics : undefined;
    },
    () => `${what} (now: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map(codeOf))})`,
  );
}

/** A language change closes the document and opens it again with the new language id. */
export function waitForLanguage(uri: vscode.Uri, languageId: string): Promise<vscode.TextDocument> {
  return waitFor(
    vscode.workspace.onDidOpenTextDocument,
    () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === languageId),
    `${uri.path} to have language ${languageId}`,
  );
}

/** LSP severity numbers (1 error ... 4 hint) from VS Code's enum (0 error ... 3 hint). */
export function lspSeverity(severity: vscode.DiagnosticSeverity): number {
  return severity + 1;
}
