// Neovim (Debian's 0.7.2) headless, with its built-in LSP client, against the built server:
// the diagnostics that arrive and the document symbols it answers, for real fixture letters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editorsDir, fixtureWorkspace, requireCommand, requireServerBundle, run } from './harness';
import { checkLetterView, codeOf, expectations, type DiagnosticLike, type NamedSymbol } from './expectations';

interface NeovimResult {
  ok: boolean;
  error?: string;
  diagnostics?: DiagnosticLike[];
  /** What vim.diagnostic holds for the buffer (signs, virtual text). */
  shown?: { lnum: number; code?: unknown }[];
  symbols?: NamedSymbol[] | null;
  errors?: string[];
}

async function openInNeovim(fixture: string): Promise<NeovimResult> {
  const nvim = requireCommand('nvim', '.ci/install-editors.sh');
  const server = requireServerBundle();
  const ws = fixtureWorkspace('imr-nvim-');
  try {
    const out = join(ws.dir, 'result.json');
    const env = {
      ...process.env,
      HOME: ws.dir,
      XDG_CONFIG_HOME: ws.dir,
      XDG_DATA_HOME: ws.dir,
      XDG_STATE_HOME: ws.dir,
      IMR_NODE: process.execPath,
      IMR_SERVER: server,
      IMR_FILE: join(ws.dir, fixture),
      IMR_OUT: out,
    };
    const args = ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(editorsDir, 'neovim-lsp.lua')}`];
    const res = await run(nvim, args, { env, cwd: ws.dir, timeoutMs: 60_000 });
    let result: NeovimResult;
    try {
      result = JSON.parse(readFileSync(out, 'utf8')) as NeovimResult;
    } catch {
      throw new Error(`nvim wrote no result (exit ${res.code}, signal ${res.signal}): ${res.stderr.slice(0, 2000)}`);
    }
    assert.ok(result.ok, `the Neovim script failed: ${result.error}`);
    assert.equal(res.code, 0, `nvim exited with ${res.code}: ${res.stderr.slice(0, 2000)}`);
    assert.deepEqual(result.errors ?? [], [], 'the server reported errors to Neovim');
    return result;
  } finally {
    ws.dispose();
  }
}

for (const fixture of ['defects.imr', 'clean.imr']) {
  test(`Neovim shows the diagnostics and outline of ${fixture}`, { timeout: 90_000 }, async () => {
    const result = await openInNeovim(fixture);
    const diagnostics = result.diagnostics ?? [];
    checkLetterView(expectations[fixture], diagnostics, result.symbols);
    // Neovim's diagnostic module holds what arrived, on the same lines.
    const shown = (result.shown ?? []).map((d) => `${codeOf(d.code)}@${d.lnum}`).sort();
    assert.deepEqual(shown, diagnostics.map((d) => `${codeOf(d.code)}@${d.range.start.line}`).sort());
  });
}
