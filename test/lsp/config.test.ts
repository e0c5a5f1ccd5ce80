// Issue 13: the editor applies .imr-lint.json exactly as imr-lint does, with imr.rules on top as
// --rule is, and neither looks above its boundary (the workspace folder; the repository root).
// The same folder of letters is checked by the built CLI and by the server, and compared.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { DocumentDiagnosticRequest, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { letterText, runCli, tempDir, writeTree, type JsonReport } from '../cli/helpers';
import { LspClient, PULL_CAPABILITIES, PUSH_CAPABILITIES } from './client';

/** One item with a stub guideline and no rationale: missing-guideline and missing-rationale. */
const LETTER = letterText([{ name: 'Lumbar brace', maximus: 'Decision based on', rationale: null }]);
const rules = (r: Record<string, string>) => JSON.stringify({ rules: r });

describe('editor and CLI agree on .imr-lint.json', () => {
  let root: string;
  let cleanup: () => void;
  const files = ['plain/a.txt', 'strict/b.txt', 'strict/deeper/c.txt', 'quiet/d.txt'];
  before(() => {
    ({ dir: root, cleanup } = tempDir());
    writeTree(root, {
      // Above the workspace folder and the repository: must not apply to either.
      '.imr-lint.json': rules({ 'missing-guideline': 'off', 'missing-rationale': 'off' }),
      'work/.git/HEAD': 'ref: refs/heads/main\n',
      'work/plain/a.txt': LETTER,
      'work/strict/.imr-lint.json': rules({ 'missing-guideline': 'error' }),
      'work/strict/b.txt': LETTER,
      'work/strict/deeper/c.txt': LETTER,
      'work/quiet/.imr-lint.json': rules({ 'missing-rationale': 'off' }),
      'work/quiet/d.txt': LETTER,
    });
  });
  after(() => cleanup());

  async function fromCli(extra: string[]): Promise<Record<string, string[]>> {
    const run = await runCli(['--format', 'json', ...extra, '.'], { cwd: path.join(root, 'work') });
    const report = JSON.parse(run.stdout) as JsonReport;
    return Object.fromEntries(report.files.map((f) => [f.path, f.diagnostics.map((d) => `${d.code}:${d.severity}@${d.range.start.line}`)]));
  }

  async function fromServer(settings: unknown): Promise<Record<string, string[]>> {
    const work = path.join(root, 'work');
    const client = await LspClient.start({ capabilities: PULL_CAPABILITIES, settings, workspaceFolders: [pathToFileURL(work).href] });
    try {
      const out: Record<string, string[]> = {};
      for (const file of files) {
        const uri = pathToFileURL(path.join(work, file)).href;
        client.open(uri, LETTER, 1, 'plaintext');
        const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
        const severity = ['', 'error', 'warning', 'information', 'hint'];
        out[file] = report.items.map((d) => `${String(d.code)}:${severity[d.severity ?? 2]}@${d.range.start.line}`);
      }
      return out;
    } finally {
      await client.stop();
    }
  }

  it('the same diagnostics at the same severities for every letter', async () => {
    const [cli, server] = await Promise.all([fromCli([]), fromServer({})]);
    assert.deepEqual(server, cli);
    // And what they agree on is the configs': nearest wins, nothing from above the boundary.
    assert.ok(cli['plain/a.txt'].some((d) => d.startsWith('missing-guideline:warning')), 'the config above the boundary did not apply');
    assert.ok(cli['strict/deeper/c.txt'].some((d) => d.startsWith('missing-guideline:error')), 'inherited from strict/');
    assert.ok(!cli['quiet/d.txt'].some((d) => d.startsWith('missing-rationale')), 'quiet/ turned it off');
  });

  it('letters read from the folder unopened get the same, each folder under its own config', async () => {
    // The scan works out a folder's config once for all its letters: a sibling or a subfolder
    // with another config must still get its own.
    const work = path.join(root, 'work');
    const client = await LspClient.start({ capabilities: PUSH_CAPABILITIES, settings: {}, workspaceFolders: [pathToFileURL(work).href] });
    try {
      const uris = new Map(files.map((file) => [pathToFileURL(path.join(work, file)).href, file]));
      await Promise.all([...uris.keys()].map((uri) => client.waitForDiagnostics(uri, undefined)));
      const severity = ['', 'error', 'warning', 'information', 'hint'];
      const server = Object.fromEntries(
        [...uris].map(([uri, file]) => [file, client.published.get(uri)!.at(-1)!.diagnostics.map((d) => `${String(d.code)}:${severity[d.severity ?? 2]}@${d.range.start.line}`)]),
      );
      assert.deepEqual(server, await fromCli([]));
    } finally {
      await client.stop();
    }
  });

  it('imr.rules goes on top of the config as --rule does', async () => {
    const [cli, server] = await Promise.all([
      fromCli(['--rule', 'missing-guideline=hint']),
      fromServer({ rules: { 'missing-guideline': 'hint' } }),
    ]);
    assert.deepEqual(server, cli);
    assert.ok(cli['strict/b.txt'].some((d) => d.startsWith('missing-guideline:hint')));
  });

  it('the server names the config that applied', async () => {
    const work = path.join(root, 'work');
    const client = await LspClient.start({ capabilities: PULL_CAPABILITIES, settings: {}, workspaceFolders: [pathToFileURL(work).href] });
    try {
      const uri = pathToFileURL(path.join(work, 'strict/deeper/c.txt')).href;
      client.open(uri, LETTER);
      const summary = await client.connection.sendRequest<{ configFile: string | null }>('imr/letterSummary', { textDocument: { uri } });
      assert.equal(summary.configFile, path.join(work, 'strict', '.imr-lint.json'));
    } finally {
      await client.stop();
    }
  });
});
