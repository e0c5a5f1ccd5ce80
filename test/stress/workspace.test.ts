// The folder read at volume, over the built server (issue 11): a folder big enough for the lint
// workers (221 letters, a PDF, files that are no letters) against imr-lint on the same files, and
// 2,000 letters whose read shows work-done progress and is cancelled. Moved out of test/lsp to
// keep `npm run test:fast` under 20 s; `npm test` and CI run them.
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { WorkDoneProgressCancelNotification } from 'vscode-languageserver-protocol';
import { FAULTY_LETTER, ROOT, WARNING_LETTER, letterText, runCli, tempDir, writeTree } from '../cli/helpers';
import { LspClient, PUSH_CAPABILITIES, pdfTextUri } from '../lsp/client';
import { MIN_FILES_FOR_WORKERS } from '../../server/src/lsp/workspace';

const uriOf = (dir: string, rel: string): string => pathToFileURL(join(dir, rel)).href;

describe('a folder big enough for lint workers', () => {
  it('every letter is published with the problems and ranges imr-lint gives; the rest is skipped', { timeout: 120_000 }, async () => {
    const { dir, cleanup } = tempDir('imr-ws-workers-');
    const decisions = ['Upheld', 'Overturned', ''] as const;
    const tree: Record<string, string> = {};
    const letters = MIN_FILES_FOR_WORKERS + 20;
    for (let i = 0; i < letters; i++) {
      tree[`batch-${i % 4}/letter-${String(i).padStart(3, '0')}.${i % 2 ? 'imr' : 'txt'}`] = letterText(
        [{ name: `Item ${i} of the folder`, decision: decisions[i % 3], maximus: i % 5 === 0 ? null : undefined }, { name: 'Lumbar brace' }],
        { caseNumber: `CM16-${String(i).padStart(7, '0')}` },
      );
    }
    for (let i = 0; i < 5; i++) tree[`notes/note-${i}.txt`] = `A shopping list, not a letter: ${i} eggs.\n`;
    try {
      writeTree(dir, tree);
      writeFileSync(join(dir, 'binary.imr'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7]));
      copyFileSync(join(ROOT, 'test', 'fixtures', 'pdf', 'defect-on-page-3.pdf'), join(dir, 'scan.pdf'));
      const client = await LspClient.start({ capabilities: PUSH_CAPABILITIES, workspaceFolders: [dir] });
      try {
        const readLog = (p: { message: string }): boolean => /workspace letters: \d+ read in \d+ ms by \d+ lint workers?/.test(p.message);
        const done = client.logs.find(readLog) ?? (await client.waitFor('log', readLog, 'the scan to end'));
        assert.match(done.message, new RegExp(`: ${letters + 1} read in`), 'every letter and the PDF, nothing else');
        // imr-lint over the same folder, itself with two worker threads.
        const cli = await runCli(['--format', 'json', '--jobs', '2', '.'], { cwd: dir });
        const all = (JSON.parse(cli.stdout) as { files: Array<{ path: string; layout: string; diagnostics: Array<{ code: string; range: unknown }> }> }).files;
        // imr-lint also warns about the .txt files that are no letter; the workspace leaves them out.
        assert.deepEqual(all.filter((f) => f.layout === 'not-a-letter').map((f) => f.path).sort(), Array.from({ length: 5 }, (_, i) => `notes/note-${i}.txt`));
        const files = all.filter((f) => f.layout !== 'not-a-letter');
        assert.equal(files.length, letters + 1);
        for (const file of files) {
          const published = client.published.get(uriOf(dir, file.path)) ?? [];
          assert.equal(published.length, 1, `${file.path}: published once`);
          assert.deepEqual(published[0].diagnostics.map((d) => [d.code, d.range]), file.diagnostics.map((d) => [d.code, d.range]), file.path);
        }
        assert.ok(files.some((f) => f.diagnostics.length > 0) && files.some((f) => f.diagnostics.length === 0));
        assert.equal(client.published.has(uriOf(dir, 'binary.imr')), false);
        assert.equal(client.published.has(uriOf(dir, 'notes/note-0.txt')), false);
        // The PDF opened as text (VS Code's imr-pdf: document): its file's problems are cleared
        // while the text is open, and published again once it is closed.
        const pdfUri = uriOf(dir, 'scan.pdf');
        const viewUri = pdfTextUri(pdfUri);
        assert.equal(client.lastCodes(pdfUri), 'missing-decision');
        const cleared = client.waitFor('diagnostics', (p: { uri: string; diagnostics: unknown[] }) => p.uri === pdfUri && p.diagnostics.length === 0, 'the PDF file cleared');
        client.open(viewUri, (await runCli(['--print-text', 'scan.pdf'], { cwd: dir })).stdout, 1);
        await cleared;
        assert.equal((await client.waitForDiagnostics(viewUri, 1)).diagnostics.map((d) => String(d.code)).join(), 'missing-decision');
        const back = client.waitFor('diagnostics', (p: { uri: string; diagnostics: unknown[] }) => p.uri === pdfUri && p.diagnostics.length === 1, 'the PDF file again');
        client.close(viewUri);
        await back;
      } finally {
        await client.stop();
      }
    } finally {
      cleanup();
    }
  });
});

describe('reading a folder shows progress and can be cancelled', () => {
  it('work-done progress begins cancellable, reports, and ends; a cancel stops the read early', { timeout: 120_000 }, async () => {
    const { dir, cleanup } = tempDir('imr-ws-progress-');
    const tree: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) tree[`letter-${String(i).padStart(4, '0')}.imr`] = i % 2 ? FAULTY_LETTER : WARNING_LETTER;
    writeTree(dir, tree);
    const capabilities = { ...PUSH_CAPABILITIES, window: { workDoneProgress: true } };
    const client = await LspClient.start({ capabilities, workspaceFolders: [dir] });
    try {
      type Value = { kind: string; title?: string; cancellable?: boolean; percentage?: number; message?: string };
      const valueOf = (p: unknown): Value => (p as { value: Value }).value;
      const isBegin = (p: unknown): boolean => valueOf(p).kind === 'begin';
      const begin = (client.progress.find(isBegin) ?? (await client.waitFor('progress', isBegin, 'progress begin'))) as { token: string | number; value: Value };
      assert.equal(begin.value.title, 'IMR: reading letters');
      assert.equal(begin.value.cancellable, true);
      const isReport = (p: unknown): boolean => valueOf(p).kind === 'report';
      const report = client.progress.find(isReport) ?? (await client.waitFor('progress', isReport, 'a progress report'));
      assert.match(String(valueOf(report).message), /^\d+ letters$/);
      await client.connection.sendNotification(WorkDoneProgressCancelNotification.type, { token: begin.token });
      const isEnd = (p: unknown): boolean => valueOf(p).kind === 'end';
      if (!client.progress.some(isEnd)) await client.waitFor('progress', isEnd, 'progress end');
      const cancelled = (p: { message: string }): boolean => /^workspace scan cancelled after \d+ letters$/.test(p.message);
      const line = client.logs.find(cancelled) ?? (await client.waitFor('log', cancelled, 'the scan to say it was cancelled'));
      const read = Number(/after (\d+)/.exec(line.message)![1]);
      assert.ok(read < 2000, `cancelled after ${read} of 2000 letters`);
      assert.ok(!client.logs.some((l) => /skipped/.test(l.message)), 'letters in flight at the cancel are not reported as skipped');
      assert.ok(!client.logs.some((l) => /workspace letters: \d+ read in/.test(l.message)), 'the read did not run to its end');
    } finally {
      await client.stop();
      cleanup();
    }
  });
});
