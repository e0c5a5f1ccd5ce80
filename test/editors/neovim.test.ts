// Neovim (Debian's 0.7.2) headless, with its built-in LSP client, against the built server:
// the diagnostics that arrive and the document symbols it answers, for real fixture letters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editorsDir, fixtureWorkspace, flattenSymbols, requireCommand, requireServerBundle, run, type SymbolLike } from './harness';
import { codeOf, expectations } from './expectations';

interface LspDiagnostic {
  code?: unknown;
  severity?: number;
  range: { start: { line: number }; end: { line: number } };
}

interface NeovimResult {
  ok: boolean;
  error?: string;
  diagnostics?: LspDiagnostic[];
  shown?: { lnum: number; code?: unknown }[];
  symbols?: SymbolLike[] | null;
  errors?: string[];
}

async function openInNeovim(fixture: string): Promise<NeovimResult> {
  const nvim = requireCommand('nvim', '.ci/install-editors.sh');
  const server = requireServerBundle();
  const ws = fixtureWorkspace('imr-nvim-');
  try {
    const out = join(ws.dir, 'result.json');
    const env = { ...process.env, HOME: ws.dir, XDG_CONFIG_HOME: ws.dir, XDG_STATE_HOME: ws.dir, XDG_DATA_HOME: ws.dir, IMR_SERVER: server, IMR_FILE: join(ws.dir, fixture), IMR_OUT: out };
    const res = await run(nvim, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(editorsDir, 'neovim-lsp.lua')}`], { env, cwd: ws.dir, timeoutMs: 60_000 });
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
  const expected = expectations[fixture];
  test(`Neovim shows the diagnostics and outline of ${fixture}`, { timeout: 90_000 }, async () => {
    const result = await openInNeovim(fixture);
    const diagnostics = result.diagnostics ?? [];

    for (const defect of expected.defects) {
      const item = expected.items[defect.item];
      const hits = diagnostics.filter((d) => codeOf(d.code) === defect.code);
      assert.equal(hits.length, 1, `one ${defect.code} diagnostic expected, got codes ${JSON.stringify(diagnostics.map((d) => codeOf(d.code)))}`);
      const line = hits[0].range.start.line;
      assert.ok(line >= item.firstLine && line <= item.lastLine, `${defect.code} at line ${line}, outside item ${defect.item} (lines ${item.firstLine}-${item.lastLine})`);
    }
    // No defect the letter does not have (warnings or errors; hints may note style).
    const unexpected = diagnostics.filter((d) => (d.severity ?? 1) <= 2 && !expected.defects.some((e) => e.code === codeOf(d.code)));
    assert.deepEqual(unexpected.map((d) => codeOf(d.code)), [], 'unexpected warnings or errors');

    // Neovim's diagnostic module (signs, virtual text) holds the same codes.
    const shownCodes = (result.shown ?? []).map((d) => codeOf(d.code)).sort();
    assert.deepEqual(shownCodes, diagnostics.map((d) => codeOf(d.code)).sort());

    const symbols = flattenSymbols(result.symbols);
    for (const item of expected.items) {
      const symbol = symbols.find((s) => s.name === item.name);
      assert.ok(symbol, `no document symbol named for item "${item.name}"; symbols: ${JSON.stringify(symbols.map((s) => s.name))}`);
      assert.match(symbol.detail ?? '', new RegExp(`\\b${item.decision}\\b`, 'i'), `the symbol of "${item.name}" does not give its decision`);
    }
  });
}
