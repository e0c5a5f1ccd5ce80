// The letters of a workspace folder, checked without being opened (issue 11), over the built
// server: workspace/diagnostic for pull clients (answered at once the first time, then held open
// until something changes, with only what changed), publishDiagnostics for push clients, file
// events (create, change, delete, rename), open-then-close, .imr-lint.json, the setting that turns
// it off, and workspace symbols of unopened letters. No test sleeps: a held request is shown to
// be pending by answering another request first. The cases at volume (lint workers, progress and
// cancel over 2,000 letters) are in test/stress/workspace.test.ts.
import assert from 'node:assert/strict';
import { copyFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  WorkspaceDiagnosticRequest,
  WorkspaceSymbolRequest,
  type FileEvent,
  type PreviousResultId,
  type WorkspaceDiagnosticReport,
  type WorkspaceFullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { lint } from '../../server/src/engine';
import { CLEAN_LETTER, FAULTY_LETTER, ROOT, WARNING_LETTER, runCli, tempDir, writeTree } from '../cli/helpers';
import { LspClient, PULL_CAPABILITIES, PUSH_CAPABILITIES, pdfTextUri, workspaceFoldersOf } from './client';

const uriOf = (dir: string, rel: string): string => pathToFileURL(join(dir, rel)).href;
const codesOf = (text: string): string[] => lint(text).diagnostics.map((d) => d.code);

/** Remembers the result ids a client holds, as vscode-languageclient does. */
class PullState {
  readonly held = new Map<string, string>();
  readonly problems = new Map<string, string[]>();

  constructor(private readonly client: LspClient) {}

  request(): Promise<WorkspaceDiagnosticReport> {
    const previousResultIds: PreviousResultId[] = [...this.held].map(([uri, value]) => ({ uri, value }));
    return this.client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { identifier: 'imr', previousResultIds });
  }

  take(report: WorkspaceDiagnosticReport): WorkspaceFullDocumentDiagnosticReport[] {
    const items = report.items as WorkspaceFullDocumentDiagnosticReport[];
    for (const item of items) {
      assert.equal(item.kind, 'full');
      if (item.resultId) this.held.set(item.uri, item.resultId);
      this.problems.set(item.uri, item.items.map((d) => String(d.code)));
    }
    return items;
  }

  /** Pulls until the predicate holds (each later pull waits for a change: no busy loop). */
  async until(predicate: () => boolean): Promise<void> {
    for (let i = 0; i < 100 && !predicate(); i++) this.take(await this.request());
    assert.ok(predicate(), 'the workspace reports reached the expected state');
  }
}

function notify(client: LspClient, changes: FileEvent[]): Promise<void> {
  return client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
}

describe('workspace letters, pulled (workspace/diagnostic)', () => {
  let dir: string;
  let cleanup: () => void;
  let client: LspClient;
  let state: PullState;
  before(async () => {
    ({ dir, cleanup } = tempDir('imr-ws-pull-'));
    writeTree(dir, {
      'a/faulty.txt': FAULTY_LETTER,
      'b/warn.imr': WARNING_LETTER,
      'clean.imr': CLEAN_LETTER,
      'notes.txt': 'Grocery list: eggs, milk.\n', // a .txt that is not a letter: not read
      'node_modules/dep/x.imr': FAULTY_LETTER, // skipped folder
    });
    client = await LspClient.start({ capabilities: PULL_CAPABILITIES, workspaceFolders: [dir] });
    state = new PullState(client);
  });
  after(async () => {
    await client.stop();
    cleanup();
  });

  it('announces workspace diagnostics; reports every letter, unopened, with imr-lint\'s problems', async () => {
    assert.equal((client.initializeResult.capabilities.diagnosticProvider as { workspaceDiagnostics: boolean }).workspaceDiagnostics, true);
    await state.until(() => state.problems.size >= 3);
    assert.deepEqual([...state.problems.keys()].sort(), [uriOf(dir, 'a/faulty.txt'), uriOf(dir, 'b/warn.imr'), uriOf(dir, 'clean.imr')].sort());
    assert.deepEqual(state.problems.get(uriOf(dir, 'a/faulty.txt')), codesOf(FAULTY_LETTER));
    assert.deepEqual(state.problems.get(uriOf(dir, 'b/warn.imr')), ['missing-guideline']);
    assert.deepEqual(state.problems.get(uriOf(dir, 'clean.imr')), []);
    assert.ok(codesOf(FAULTY_LETTER).length === 2);
  });

  it('a pull with every result id up to date is held open until a file changes, then reports only that file', async () => {
    let answered = false;
    const pending = state.request().then((r) => {
      answered = true;
      return r;
    });
    // Another request is answered while the workspace pull is still open.
    await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' });
    assert.equal(answered, false, 'nothing changed: the pull is held');
    writeFileSync(join(dir, 'clean.imr'), FAULTY_LETTER);
    await notify(client, [{ uri: uriOf(dir, 'clean.imr'), type: FileChangeType.Changed }]);
    const items = state.take(await pending);
    assert.deepEqual(items.map((i) => i.uri), [uriOf(dir, 'clean.imr')]);
    assert.deepEqual(state.problems.get(uriOf(dir, 'clean.imr')), codesOf(FAULTY_LETTER));
  });

  it('a change event for a file whose content did not change wakes nothing', async () => {
    let answered = false;
    const pending = state.request().then((r) => {
      answered = true;
      return r;
    });
    await notify(client, [{ uri: uriOf(dir, 'b/warn.imr'), type: FileChangeType.Changed }]);
    await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' });
    assert.equal(answered, false, 'same content, same result id: still held');
    writeFileSync(join(dir, 'clean.imr'), CLEAN_LETTER);
    await notify(client, [{ uri: uriOf(dir, 'clean.imr'), type: FileChangeType.Changed }]);
    assert.deepEqual(state.take(await pending).map((i) => i.uri), [uriOf(dir, 'clean.imr')]);
  });

  it('created, deleted and renamed letters: new reports, and empty ones for letters gone', async () => {
    writeTree(dir, { 'c/new.txt': FAULTY_LETTER });
    await notify(client, [{ uri: uriOf(dir, 'c/new.txt'), type: FileChangeType.Created }]);
    await state.until(() => state.problems.get(uriOf(dir, 'c/new.txt'))?.length === 2);

    rmSync(join(dir, 'a/faulty.txt'));
    await notify(client, [{ uri: uriOf(dir, 'a/faulty.txt'), type: FileChangeType.Deleted }]);
    await state.until(() => state.problems.get(uriOf(dir, 'a/faulty.txt'))?.length === 0);

    renameSync(join(dir, 'c/new.txt'), join(dir, 'c/renamed.imr'));
    await notify(client, [
      { uri: uriOf(dir, 'c/new.txt'), type: FileChangeType.Deleted },
      { uri: uriOf(dir, 'c/renamed.imr'), type: FileChangeType.Created },
    ]);
    await state.until(() => state.problems.get(uriOf(dir, 'c/new.txt'))?.length === 0 && state.problems.get(uriOf(dir, 'c/renamed.imr'))?.length === 2);
  });

  it('a deleted folder removes its letters', async () => {
    writeTree(dir, { 'd/one.imr': WARNING_LETTER, 'd/e/two.imr': WARNING_LETTER });
    await notify(client, [{ uri: uriOf(dir, 'd/one.imr'), type: FileChangeType.Created }, { uri: uriOf(dir, 'd/e/two.imr'), type: FileChangeType.Created }]);
    await state.until(() => state.problems.get(uriOf(dir, 'd/e/two.imr'))?.length === 1 && state.problems.get(uriOf(dir, 'd/one.imr'))?.length === 1);
    rmSync(join(dir, 'd'), { recursive: true });
    await notify(client, [{ uri: uriOf(dir, 'd'), type: FileChangeType.Deleted }]);
    await state.until(() => state.problems.get(uriOf(dir, 'd/e/two.imr'))?.length === 0 && state.problems.get(uriOf(dir, 'd/one.imr'))?.length === 0);
  });

  it('open-then-close: the unsaved text wins while open; after close a full report from disk, nothing stale', async () => {
    const uri = uriOf(dir, 'b/warn.imr');
    client.open(uri, CLEAN_LETTER); // unsaved edit that fixes the letter
    const open = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.equal(open.kind, 'full');
    assert.deepEqual((open as { items: unknown[] }).items, []);
    client.close(uri); // closed without saving: the file still has its warning
    const items = state.take(await state.request());
    const report = items.find((i) => i.uri === uri);
    assert.ok(report, 'the closed letter is reported again in full, though its result id did not change');
    assert.deepEqual(report.items.map((d) => d.code), ['missing-guideline']);
  });

  it('Go to Symbol in Workspace finds items of letters that are not open', async () => {
    const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'lumbar brace' })) as Array<{ name: string; location: { uri: string } }>;
    assert.ok(symbols.some((s) => s.location.uri === uriOf(dir, 'b/warn.imr') && s.name === 'Lumbar brace'), JSON.stringify(symbols));
  });

  it('.imr-lint.json applies as in imr-lint, and a change to it re-reads the letters', async () => {
    writeTree(dir, { '.imr-lint.json': JSON.stringify({ rules: { 'missing-guideline': 'off' } }) });
    await notify(client, [{ uri: uriOf(dir, '.imr-lint.json'), type: FileChangeType.Created }]);
    await state.until(() => state.problems.get(uriOf(dir, 'b/warn.imr'))?.length === 0);
    rmSync(join(dir, '.imr-lint.json'));
    await notify(client, [{ uri: uriOf(dir, '.imr-lint.json'), type: FileChangeType.Deleted }]);
    await state.until(() => state.problems.get(uriOf(dir, 'b/warn.imr'))?.length === 1);
  });
});

describe('the IMR Letters view\'s request (imr/workspaceLetters)', () => {
  it('lists every letter with its items, decisions and rule ids; an open letter as its text says; tells of changes', async () => {
    const { dir, cleanup } = tempDir('imr-ws-view-');
    writeTree(dir, { 'a/faulty.txt': FAULTY_LETTER, 'b/clean.imr': CLEAN_LETTER });
    const client = await LspClient.start({ capabilities: PULL_CAPABILITIES, workspaceFolders: [dir] });
    try {
      const state = new PullState(client);
      await state.until(() => state.problems.size >= 2);
      type Entry = { uri: string; problems: number; letterRules: string[]; items: Array<{ name: string; decision: string | null; rules: string[]; range: { start: { line: number } } }> };
      const list = async (): Promise<Entry[]> => (await client.connection.sendRequest<{ letters: Entry[] }>('imr/workspaceLetters', {})).letters;
      const before = await list();
      assert.deepEqual(before.map((l) => l.uri), [uriOf(dir, 'a/faulty.txt'), uriOf(dir, 'b/clean.imr')]);
      assert.deepEqual(before[0].items.map((i) => [i.name, i.decision, i.rules]), [
        ['MRI of the right knee', null, ['missing-decision']],
        ['Lumbar brace', 'Upheld', ['missing-guideline']],
      ]);
      assert.equal(before[0].problems, 2);
      assert.equal(before[0].items[0].range.start.line, lint(FAULTY_LETTER).letter.items[0].nameRange.start.line);
      assert.deepEqual(before[1].items.map((i) => i.decision), ['Upheld', 'Overturned']);

      const changed = client.waitFor('workspaceLettersChanged', () => true, 'imr/workspaceLettersChanged');
      client.connection.onNotification('imr/workspaceLettersChanged', () => client.events.emit('workspaceLettersChanged', true));
      client.open(uriOf(dir, 'b/clean.imr'), FAULTY_LETTER); // unsaved text wins in the view too
      await changed;
      const after = await list();
      assert.equal(after.find((l) => l.uri === uriOf(dir, 'b/clean.imr'))?.problems, 2);

      // The decisions table and the summary of the same letters (the VS Code export and summary).
      const csv = (await client.connection.sendRequest<{ text: string }>('imr/workspaceReport', { format: 'csv' })).text;
      assert.ok(csv.startsWith('\uFEFFfile,page,case_number,decision_date,item_index,item,decision,maximus_guideline,problems,date_assigned,days_to_decision,priority,reviewer_specialty,category,drug_group,maximus_guideline_class,claims_administrator_guideline_class,appeal_deadline\r\n'));
      const rows = csv.slice(1).trimEnd().split('\r\n').slice(1);
      assert.deepEqual(rows.map((r) => r.split(',')[0]), ['a/faulty.txt', 'a/faulty.txt', 'b/clean.imr', 'b/clean.imr']);
      assert.match(rows[2], /,MRI of the right knee,,.*,missing-decision,.*,diagnostics,.*,$/, 'the open letter\'s unsaved text');
      const html = (await client.connection.sendRequest<{ text: string }>('imr/workspaceReport', { format: 'html' })).text;
      assert.match(html, /<div class="total">Letters<b>2<\/b><\/div>/);
      assert.match(html, /<h2>Letters with problems \(2\)<\/h2>/);
      await assert.rejects(client.connection.sendRequest('imr/workspaceReport', { format: 'xml' }), /format must be/);
    } finally {
      await client.stop();
      cleanup();
    }
  });
});

describe('workspace letters, pushed (publishDiagnostics)', () => {
  let dir: string;
  let cleanup: () => void;
  let client: LspClient;
  before(async () => {
    ({ dir, cleanup } = tempDir('imr-ws-push-'));
    writeTree(dir, { 'faulty.txt': FAULTY_LETTER, 'warn.imr': WARNING_LETTER, 'other.txt': 'Not a letter at all.\n' });
    client = await LspClient.start({ capabilities: PUSH_CAPABILITIES, workspaceFolders: [dir] });
  });
  after(async () => {
    await client.stop();
    cleanup();
  });

  const lastFor = (uri: string, predicate: (codes: string[]) => boolean): Promise<unknown> => {
    const last = client.lastCodes(uri);
    if (last !== undefined && predicate(last === '' ? [] : last.split(','))) return Promise.resolve();
    return client.waitFor('diagnostics', (p: { uri: string; diagnostics: Array<{ code?: unknown }> }) => p.uri === uri && predicate(p.diagnostics.map((d) => String(d.code))), `diagnostics for ${uri}`);
  };

  it('publishes the problems of every letter without opening it, and nothing for other text files', async () => {
    await lastFor(uriOf(dir, 'faulty.txt'), (c) => c.join() === codesOf(FAULTY_LETTER).join());
    await lastFor(uriOf(dir, 'warn.imr'), (c) => c.join() === 'missing-guideline');
    assert.equal(client.published.has(uriOf(dir, 'other.txt')), false);
  });

  it('follows change and delete events', async () => {
    writeFileSync(join(dir, 'warn.imr'), CLEAN_LETTER);
    await notify(client, [{ uri: uriOf(dir, 'warn.imr'), type: FileChangeType.Changed }]);
    await lastFor(uriOf(dir, 'warn.imr'), (c) => c.length === 0);
    rmSync(join(dir, 'faulty.txt'));
    await notify(client, [{ uri: uriOf(dir, 'faulty.txt'), type: FileChangeType.Deleted }]);
    await lastFor(uriOf(dir, 'faulty.txt'), (c) => c.length === 0);
  });

  it('open-then-close: the open text is published with its version; after close, the file\'s problems again', async () => {
    const uri = uriOf(dir, 'warn.imr');
    writeFileSync(join(dir, 'warn.imr'), WARNING_LETTER);
    await notify(client, [{ uri, type: FileChangeType.Changed }]);
    await lastFor(uri, (c) => c.join() === 'missing-guideline');
    client.open(uri, CLEAN_LETTER, 7); // an unsaved fix
    const open = await client.waitForDiagnostics(uri, 7);
    assert.deepEqual(open.diagnostics, []);
    client.close(uri); // closed without saving: the file's warning is back, not the open text's []
    await lastFor(uri, (c) => c.join() === 'missing-guideline');
  });
});

describe('workspace folders added and removed, settings per folder', () => {
  it('a folder added later is read with its own imr.rules; a folder removed has its problems cleared', { timeout: 60_000 }, async () => {
    const first = tempDir('imr-ws-first-');
    const second = tempDir('imr-ws-second-');
    writeTree(first.dir, { 'faulty.txt': FAULTY_LETTER, 'warn.imr': WARNING_LETTER });
    writeTree(second.dir, { 'faulty.txt': FAULTY_LETTER, 'warn.imr': WARNING_LETTER });
    const capabilities = { ...PUSH_CAPABILITIES, workspace: { ...PUSH_CAPABILITIES.workspace, workspaceFolders: true } };
    const client = await LspClient.start({ capabilities, workspaceFolders: [first.dir] });
    const until = async (what: string, predicate: () => boolean): Promise<void> => {
      while (!predicate()) await client.waitFor('diagnostics', () => true, what);
    };
    try {
      client.folderSettings.set(pathToFileURL(second.dir).href, { rules: { 'missing-guideline': 'off' } });
      await until('the first folder', () => client.lastCodes(uriOf(first.dir, 'warn.imr')) === 'missing-guideline');
      assert.equal(client.published.has(uriOf(second.dir, 'faulty.txt')), false, 'a folder not in the workspace is not read');
      client.folders = workspaceFoldersOf([first.dir, second.dir]);
      await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: workspaceFoldersOf([second.dir]), removed: [] } });
      const withoutGuideline = codesOf(FAULTY_LETTER).filter((code) => code !== 'missing-guideline').join();
      assert.notEqual(withoutGuideline, codesOf(FAULTY_LETTER).join());
      await until('the added folder', () => client.lastCodes(uriOf(second.dir, 'faulty.txt')) === withoutGuideline && client.lastCodes(uriOf(second.dir, 'warn.imr')) === '');
      assert.equal(client.lastCodes(uriOf(first.dir, 'warn.imr')), 'missing-guideline', 'each folder keeps its own settings');
      client.folders = workspaceFoldersOf([second.dir]);
      await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [], removed: workspaceFoldersOf([first.dir]) } });
      await until('the removed folder cleared', () => client.lastCodes(uriOf(first.dir, 'faulty.txt')) === '' && client.lastCodes(uriOf(first.dir, 'warn.imr')) === '');
      assert.equal(client.lastCodes(uriOf(second.dir, 'faulty.txt')), withoutGuideline);
    } finally {
      await client.stop();
      first.cleanup();
      second.cleanup();
    }
  });
});

describe('workspace letters, turned off', () => {
  it('imr.workspace.enable false: only open letters are checked', async () => {
    const { dir, cleanup } = tempDir('imr-ws-off-');
    writeTree(dir, { 'faulty.txt': FAULTY_LETTER });
    const client = await LspClient.start({ capabilities: PUSH_CAPABILITIES, workspaceFolders: [dir], settings: { workspace: { enable: false } } });
    try {
      const other = uriOf(dir, 'open.imr');
      client.open(other, FAULTY_LETTER, 1);
      await client.waitForDiagnostics(other, 1);
      const isOff = (p: { message: string }): boolean => p.message.includes('workspace letters: off');
      if (!client.logs.some(isOff)) await client.waitFor('log', isOff, 'the scan to say it is off');
      const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as Array<{ location: { uri: string } }>;
      assert.equal(client.published.has(uriOf(dir, 'faulty.txt')), false);
      assert.ok(symbols.every((s) => s.location.uri === other));
    } finally {
      await client.stop();
      cleanup();
    }
  });
});

describe('workspace letters read from PDFs', () => {
  let dir: string;
  let cleanup: () => void;
  let client: LspClient;
  let state: PullState;
  before(async () => {
    ({ dir, cleanup } = tempDir('imr-ws-pdf-'));
    writeTree(dir, { 'faulty.txt': FAULTY_LETTER, 'sub/.keep': '' });
    const pdfs = join(ROOT, 'test', 'fixtures', 'pdf');
    for (const [from, to] of [
      ['clean.pdf', 'clean.pdf'],
      ['defect-on-page-3.pdf', 'sub/defect-on-page-3.PDF'],
      ['contradiction.pdf', 'contradiction.pdf'],
      ['user-password.pdf', 'locked.pdf'], // cannot be read: no report, the others still are
      ['not-a-pdf.pdf', 'not-a-pdf.pdf'],
    ]) {
      copyFileSync(join(pdfs, from), join(dir, to));
    }
    client = await LspClient.start({ capabilities: PULL_CAPABILITIES, workspaceFolders: [dir] });
    state = new PullState(client);
  });
  after(async () => {
    await client.stop();
    cleanup();
  });

  it('reports every readable PDF unopened, with the problems and ranges imr-lint gives; unreadable PDFs get none', { timeout: 60_000 }, async () => {
    // A PDF never read leaves the next pull held open: the timeout turns that into a failure.
    const places = new Map<string, unknown[]>();
    for (let i = 0; i < 100 && places.size < 4; i++) {
      for (const item of state.take(await state.request())) places.set(item.uri, item.items.map((d) => [d.code, d.range]));
    }
    const pdfUris = ['clean.pdf', 'contradiction.pdf', 'sub/defect-on-page-3.PDF'].map((rel) => uriOf(dir, rel));
    assert.deepEqual([...places.keys()].sort(), [...pdfUris, uriOf(dir, 'faulty.txt')].sort());
    assert.deepEqual(state.problems.get(uriOf(dir, 'sub/defect-on-page-3.PDF')), ['missing-decision']);
    assert.deepEqual(state.problems.get(uriOf(dir, 'contradiction.pdf')), ['decision-contradicts-rationale', 'decision-contradicts-rationale']);
    assert.deepEqual(state.problems.get(uriOf(dir, 'clean.pdf')), []);
    // The same problems at the same places as imr-lint on the same files.
    const cli = await runCli(['--format', 'json', 'clean.pdf', 'contradiction.pdf', 'sub'], { cwd: dir });
    const files = (JSON.parse(cli.stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string; range: unknown }> }> }).files;
    assert.equal(files.length, 3);
    for (const file of files) assert.deepEqual(places.get(uriOf(dir, file.path)), file.diagnostics.map((d) => [d.code, d.range]), file.path);
  });

  it('the decisions table (the VS Code export) gives each PDF row its page, as imr-lint --format csv does', async () => {
    const csv = (await client.connection.sendRequest<{ text: string }>('imr/workspaceReport', { format: 'csv' })).text;
    const cli = await runCli(['--format', 'csv', 'clean.pdf', 'contradiction.pdf', 'sub', 'faulty.txt'], { cwd: dir });
    const rowsOf = (text: string): string[] => text.replace(/^\uFEFF/, '').trimEnd().split('\r\n').slice(1).sort();
    const rows = rowsOf(csv);
    assert.deepEqual(rows, rowsOf(cli.stdout));
    const pages = rows.filter((r) => r.startsWith('sub/defect-on-page-3.PDF,')).map((r) => r.split(',')[1]);
    assert.ok(pages.includes('3'), JSON.stringify(pages));
    assert.ok(rows.filter((r) => r.startsWith('faulty.txt,')).every((r) => r.split(',')[1] === ''), 'no page for a text letter');
  });

  it('a PDF open as text (VS Code\'s imr-pdf: document) is reported once, under the open text; its file again after close', { timeout: 60_000 }, async () => {
    const fileUri = uriOf(dir, 'sub/defect-on-page-3.PDF');
    // As VS Code writes it: the PDF's URI, encoded, as the query (client/src/pdfLetters.ts).
    const viewUri = pdfTextUri(fileUri);
    const text = (await runCli(['--print-text', 'sub/defect-on-page-3.PDF'], { cwd: dir })).stdout;
    await state.until(() => state.problems.get(fileUri)?.join() === 'missing-decision');
    client.open(viewUri, text, 1);
    const open = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: viewUri } });
    assert.deepEqual((open as { items: Array<{ code?: unknown }> }).items.map((d) => d.code), ['missing-decision']);
    await state.until(() => state.problems.get(fileUri)?.length === 0);
    const letters = (await client.connection.sendRequest<{ letters: Array<{ uri: string }> }>('imr/workspaceLetters', {})).letters.map((l) => l.uri);
    assert.ok(letters.includes(viewUri) && !letters.includes(fileUri), JSON.stringify(letters));
    const csv = (await client.connection.sendRequest<{ text: string }>('imr/workspaceReport', { format: 'csv' })).text;
    assert.ok(csv.includes('\r\nsub/defect-on-page-3.PDF,3,'), 'the open text is named after its PDF, with pages');
    client.close(viewUri);
    await state.until(() => state.problems.get(fileUri)?.join() === 'missing-decision');
  });

  it('Go to Symbol in Workspace finds the items of an unopened PDF', async () => {
    const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'cervical collar' })) as Array<{ name: string; location: { uri: string } }>;
    const uris = symbols.filter((s) => s.name === 'Cervical collar purchase').map((s) => s.location.uri).sort();
    assert.deepEqual(uris, [uriOf(dir, 'clean.pdf'), uriOf(dir, 'sub/defect-on-page-3.PDF')].sort(), JSON.stringify(symbols));
  });
});
