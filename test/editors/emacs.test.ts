// Emacs (Debian's 28.2) in batch mode with eglot (Debian's elpa-eglot 1.9) against the built
// server: the diagnostics that arrive, what flymake shows, and the document symbols.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editorsDir, fixtureWorkspace, requireCommand, requireServerBundle, run } from './harness';
import { checkLetterView, codeOf, expectations, type DiagnosticLike, type NamedSymbol } from './expectations';

interface EmacsResult {
  ok: boolean | string;
  error?: string;
  diagnostics?: DiagnosticLike[];
  /** flymake's diagnostics in the buffer: 0-based line, eglot-error/-warning/-note, rule id. */
  shown?: { line: number; type: string; code?: unknown }[];
  symbols?: NamedSymbol[] | null;
}

async function openInEmacs(fixture: string): Promise<EmacsResult> {
  const emacs = requireCommand('emacs', '.ci/install-editors.sh');
  const server = requireServerBundle();
  const ws = fixtureWorkspace('imr-emacs-');
  try {
    const out = join(ws.dir, 'result.json');
    const env = { ...process.env, HOME: ws.dir, IMR_NODE: process.execPath, IMR_SERVER: server, IMR_FILE: join(ws.dir, fixture), IMR_OUT: out };
    // No -Q: it would skip Debian's site-start, which puts elpa-eglot on the load path.
    const res = await run(emacs, ['--batch', '-l', join(editorsDir, 'emacs-eglot.el')], { env, cwd: ws.dir, timeoutMs: 60_000 });
    let result: EmacsResult;
    try {
      result = JSON.parse(readFileSync(out, 'utf8')) as EmacsResult;
    } catch {
      if (/Cannot open load file.*eglot/.test(res.stderr)) throw new Error('eglot is not installed: run .ci/install-editors.sh');
      throw new Error(`emacs wrote no result (exit ${res.code}, signal ${res.signal}): ${res.stderr.slice(-2000)}`);
    }
    assert.equal(result.ok, true, `the Emacs script failed: ${result.error}`);
    assert.equal(res.code, 0, `emacs exited with ${res.code}: ${res.stderr.slice(-2000)}`);
    return result;
  } finally {
    ws.dispose();
  }
}

for (const fixture of ['defects.imr', 'clean.imr']) {
  test(`Emacs + eglot shows the diagnostics and outline of ${fixture}`, { timeout: 90_000 }, async () => {
    const result = await openInEmacs(fixture);
    const diagnostics = result.diagnostics ?? [];
    checkLetterView(expectations[fixture], diagnostics, result.symbols);
    // flymake shows what arrived, on the same lines; a warning is an eglot-warning.
    const shown = (result.shown ?? []).map((d) => `${codeOf(d.code)}@${d.line}`).sort();
    assert.deepEqual(shown, diagnostics.map((d) => `${codeOf(d.code)}@${d.range.start.line}`).sort());
    for (const d of result.shown ?? []) {
      const sent = diagnostics.find((s) => codeOf(s.code) === codeOf(d.code));
      if (sent?.severity === 2) assert.equal(d.type, 'eglot-warning');
    }
  });
}
