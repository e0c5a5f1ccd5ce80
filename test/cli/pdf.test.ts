// imr-lint on PDFs, as a child process: files and folders mixing PDFs and text, the page of each
// diagnostic in every format, the page column of the decisions table, unreadable PDFs,
// --print-text and standard input.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readFixture } from '../support/fixtures';
import { ROOT, assertNoStackTrace, runCli, tempDir, writeTree } from './helpers';

const PDFS = path.join(ROOT, 'test', 'fixtures', 'pdf');

interface JsonFile {
  path: string;
  pages?: number;
  items: Array<{ name: string; page?: number }>;
  diagnostics: Array<{ code: string; message: string; range: unknown; page?: number }>;
}

interface TableRow {
  file: string;
  page: number | null;
  item_index: number | null;
  problems: string[];
}

describe('imr-lint on PDFs', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = tempDir('imr-lint-pdf-'));
    writeTree(dir, {
      'mixed/contradiction.txt': readFixture('contradiction.txt').text,
      'mixed/sub/.keep': '',
      'bad/.keep': '',
      'table/contradiction.txt': readFixture('contradiction.txt').text,
    });
    for (const [from, to] of [
      ['contradiction.pdf', 'mixed/contradiction.pdf'],
      ['defect-on-page-3.pdf', 'mixed/sub/defect-on-page-3.PDF'],
      ['clean.pdf', 'mixed/clean.pdf'],
      ['user-password.pdf', 'bad/user-password.pdf'],
      ['scanned.pdf', 'bad/scanned.pdf'],
      ['truncated.pdf', 'bad/truncated.pdf'],
      ['not-a-pdf.pdf', 'bad/not-a-pdf.pdf'],
      ['missing-decision.pdf', 'bad/readable.pdf'],
      ['clean.pdf', 'table/clean.pdf'],
      ['contradiction.pdf', 'table/contradiction.pdf'],
      ['missing-section.pdf', 'table/missing-section.pdf'],
    ]) {
      copyFileSync(path.join(PDFS, from), path.join(dir, to));
    }
  });
  after(() => cleanup());

  it('text: a folder mixing PDFs and text; each PDF problem ends with its page, text ones do not', async () => {
    const run = await runCli(['mixed'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stderr, '');
    const lines = run.stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.map((l) => l.replace(/ \S.* (\[[a-z-]+\])/, ' $1')),
      [
        'mixed/contradiction.pdf:30:21 [decision-contradicts-rationale] (page 1)',
        'mixed/contradiction.pdf:37:13 [decision-contradicts-rationale] (page 1)',
        'mixed/contradiction.txt:34:21 [decision-contradicts-rationale]',
        'mixed/contradiction.txt:41:13 [decision-contradicts-rationale]',
        'mixed/sub/defect-on-page-3.PDF:40:2 [missing-decision] (page 3)',
        '5 problems (1 error, 4 warnings, 0 infos) in 3 files (4 checked)',
        'Configuration: no .imr-lint.json (rule defaults)',
      ],
    );
  });

  it('json: "page" on each PDF diagnostic and item, "pages" on the file; text files unchanged', async () => {
    const run = await runCli(['--format', 'json', 'mixed'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    const files = (JSON.parse(run.stdout) as { files: JsonFile[] }).files;
    const byPath = new Map(files.map((f) => [f.path, f]));
    const pdf = byPath.get('mixed/contradiction.pdf')!;
    const txt = byPath.get('mixed/contradiction.txt')!;
    assert.deepEqual(pdf.diagnostics.map((d) => d.page), [1, 1]);
    assert.deepEqual(pdf.diagnostics.map((d) => [d.code, d.message]), txt.diagnostics.map((d) => [d.code, d.message]));
    assert.equal(pdf.pages, 2);
    assert.ok(txt.diagnostics.every((d) => !('page' in d)) && !('pages' in txt) && txt.items.every((i) => !('page' in i)));
    const clean = byPath.get('mixed/clean.pdf')!;
    assert.deepEqual(clean.items.map((i) => [i.name, i.page]), [['Physical therapy 8 sessions for the cervical spine', 2], ['Cervical collar purchase', 3]]);
    assert.deepEqual(byPath.get('mixed/sub/defect-on-page-3.PDF')!.diagnostics.map((d) => [d.code, d.page]), [['missing-decision', 3]]);
  });

  it('sarif: the page is a property of each result on a PDF', async () => {
    const run = await runCli(['--format', 'sarif', 'mixed/sub'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    const results = (JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ ruleId: string; properties: { page?: number } }> }> }).runs[0].results;
    assert.deepEqual(results.map((r) => [r.ruleId, r.properties.page]), [['missing-decision', 3]]);
  });

  it('jsonl: "page" is the page each PDF item starts on (as in JSON); null for text letters and a letter\'s own row', async () => {
    const run = await runCli(['--format', 'jsonl', 'table'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr); // warnings only
    const rows = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as TableRow);
    assert.deepEqual(
      rows.map((r) => [r.file, r.item_index, r.page]),
      [
        ['table/clean.pdf', 0, 2],
        ['table/clean.pdf', 1, 3],
        ['table/contradiction.pdf', 0, 1],
        ['table/contradiction.pdf', 1, 1],
        ['table/contradiction.pdf', 2, 1],
        ['table/contradiction.pdf', 3, 2],
        ['table/contradiction.pdf', 4, 2],
        ['table/contradiction.txt', 0, null],
        ['table/contradiction.txt', 1, null],
        ['table/contradiction.txt', 2, null],
        ['table/contradiction.txt', 3, null],
        ['table/contradiction.txt', 4, null],
        ['table/missing-section.pdf', null, null],
      ],
    );
    assert.deepEqual(rows.find((r) => r.file === 'table/missing-section.pdf')!.problems, ['missing-section']);
    // The table's page is the JSON output's item page, item by item, for every PDF.
    const json = await runCli(['--format', 'json', 'table'], { cwd: dir });
    const jsonPages = (JSON.parse(json.stdout) as { files: JsonFile[] }).files
      .filter((f) => f.path.endsWith('.pdf'))
      .flatMap((f) => f.items.map((item, index) => [f.path, index, item.page]));
    assert.deepEqual(jsonPages, rows.filter((r) => r.file.endsWith('.pdf') && r.item_index !== null).map((r) => [r.file, r.item_index, r.page]));
  });

  it('csv: the page column is filled for PDF items, empty for text letters and a letter\'s own row', async () => {
    const run = await runCli(['--format', 'csv', 'table'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr); // warnings only
    // Each record starts with file,page,case_number,decision_date,item_index (none of them quoted here).
    const starts = run.stdout
      .split('\r\n')
      .filter((line) => line.startsWith('table/'))
      .map((line) => line.split(',').slice(0, 5).join(','));
    assert.deepEqual(starts, [
      'table/clean.pdf,2,CM26-0000001,2026-01-12,0',
      'table/clean.pdf,3,CM26-0000001,2026-01-12,1',
      'table/contradiction.pdf,1,CM15-0100001,2015-04-01,0',
      'table/contradiction.pdf,1,CM15-0100001,2015-04-01,1',
      'table/contradiction.pdf,1,CM15-0100001,2015-04-01,2',
      'table/contradiction.pdf,2,CM15-0100001,2015-04-01,3',
      'table/contradiction.pdf,2,CM15-0100001,2015-04-01,4',
      'table/contradiction.txt,,CM15-0100001,2015-04-01,0',
      'table/contradiction.txt,,CM15-0100001,2015-04-01,1',
      'table/contradiction.txt,,CM15-0100001,2015-04-01,2',
      'table/contradiction.txt,,CM15-0100001,2015-04-01,3',
      'table/contradiction.txt,,CM15-0100001,2015-04-01,4',
      'table/missing-section.pdf,,CM15-0100001,2015-04-01,',
    ]);
  });

  it('unreadable PDFs: one line each saying why, exit 2, and the readable ones are still checked', async () => {
    const run = await runCli(['bad'], { cwd: dir });
    assert.equal(run.code, 2);
    assertNoStackTrace(run.stderr);
    assert.deepEqual(run.stderr.trimEnd().split('\n'), [
      'bad/not-a-pdf.pdf: PDF: not a PDF file (no %PDF- header), skipped',
      'bad/scanned.pdf: PDF: no text layer in its 2 pages (a scanned image?); text in images is not read (no OCR), skipped',
      'bad/truncated.pdf: PDF: damaged or truncated PDF (Invalid PDF structure.), skipped',
      'bad/user-password.pdf: PDF: encrypted with a password needed to open it; imr-letters cannot read it (save an unprotected copy), skipped',
    ]);
    assert.match(run.stdout, /^bad\/readable\.pdf:30:1 error .*\[missing-decision\] \(page 1\)$/m);
  });

  it('--print-text writes the extracted text; it lints as the PDF did', async () => {
    const run = await runCli(['--print-text', 'mixed/clean.pdf'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Case Number:\nDate Assigned:\n/);
    assert.equal(run.stdout.split('\f').length - 1, 3);
    writeTree(dir, { 'copy/clean.imr': run.stdout });
    const lint = await runCli(['copy/clean.imr'], { cwd: dir });
    assert.equal(lint.stdout, '0 problems (0 errors, 0 warnings, 0 infos) in 1 file\nConfiguration: no .imr-lint.json (rule defaults)\n');
    const text = await runCli(['--print-text', 'mixed/contradiction.txt'], { cwd: dir });
    assert.equal(text.stdout, readFixture('contradiction.txt').text);
  });

  it('--print-text on an unreadable PDF says why (exit 2); with two files it is a usage error', async () => {
    const bad = await runCli(['--print-text', 'bad/user-password.pdf'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /^bad\/user-password\.pdf: PDF: encrypted with a password needed to open it/);
    const two = await runCli(['--print-text', 'mixed/clean.pdf', 'mixed/contradiction.pdf'], { cwd: dir });
    assert.equal(two.code, 2);
    assert.match(two.stderr, /--print-text writes the text of one letter/);
  });

  it('--stdin reads a PDF by its header, with pages', async () => {
    const run = await runCli(['--stdin', '--format', 'json'], { cwd: dir, input: readFileSync(path.join(PDFS, 'defect-on-page-3.pdf')) });
    assert.equal(run.code, 1, run.stderr);
    const file = (JSON.parse(run.stdout) as { files: JsonFile[] }).files[0];
    assert.deepEqual(file.diagnostics.map((d) => [d.code, d.page]), [['missing-decision', 3]]);
    const table = await runCli(['--stdin', '--format', 'jsonl'], { cwd: dir, input: readFileSync(path.join(PDFS, 'defect-on-page-3.pdf')) });
    assert.deepEqual(
      table.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as TableRow).page),
      [2, 3],
    );
    const printed = await runCli(['--print-text', '--stdin'], { cwd: dir, input: readFileSync(path.join(PDFS, 'clean.pdf')) });
    assert.match(printed.stdout, /Cervical collar purchase: Upheld/);
  });
});
