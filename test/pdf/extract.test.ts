// The PDF reader (worker thread + pdf.js + layout) on the PDFs we made (test/fixtures/pdf, see
// scripts/make-pdf-fixtures.mjs); every corpus PDF read as its pdftotext text is test/stress/pdf.test.ts
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { lint } from '../../server/src/engine';
import { PdfReader } from '../../server/src/pdf/reader';
import { pageAt, pageStartsOf, type PdfResult } from '../../server/src/pdf/result';
import { readFixture } from '../support/fixtures';
import { repoRoot } from '../support/paths';

const FIXTURES = join(repoRoot, 'test', 'fixtures', 'pdf');
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));
const reader = new PdfReader();
after(() => reader.close());

function text(result: PdfResult): string {
  assert.ok(result.ok, result.ok ? '' : `${result.reason}: ${result.message}`);
  return result.text;
}

test('pdf: each defect letter laid out as a PDF gets the diagnostics of its text', async () => {
  const sources: Record<string, string> = {
    'missing-decision': 'missing-decision.txt', 'missing-guideline': 'missing-guideline.txt', uncited: 'uncited.txt',
    'missing-rationale': 'missing-rationale.txt', contradiction: 'contradiction.txt', 'duplicate-item': 'duplicate-item.txt',
    'missing-section': 'missing-section.txt', 'not-a-letter': 'not-a-letter.txt', 'cover-letter': 'cover-letter.txt',
    'notice-2013': 'notice-2013.txt',
  };
  const seen = new Set<string>();
  for (const [pdf, source] of Object.entries(sources)) {
    const fromPdf = lint(text(await reader.read(fixture(`${pdf}.pdf`)))).diagnostics.map((d) => d.code).sort();
    const fromText = lint(readFixture(source).text).diagnostics.map((d) => d.code).sort();
    assert.deepEqual(fromPdf, fromText, pdf);
    assert.ok(fromPdf.length > 0, `${pdf} finds a defect`);
    for (const code of fromPdf) seen.add(code);
  }
  // Every rule of the engine fires on at least one fixture PDF.
  assert.deepEqual([...seen].sort(), [
    'claims-administrator-uncited', 'decision-contradicts-rationale', 'duplicate-item', 'missing-decision', 'missing-guideline',
    'missing-rationale', 'missing-section', 'not-a-letter', 'older-layout', 'uncited-guideline',
  ]);
});

test('pdf: a clean letter reads with its header table, pages and no defect', async () => {
  const result = await reader.read(fixture('clean.pdf'));
  const t = text(result);
  assert.ok(result.ok);
  assert.equal(result.pages, 3);
  assert.match(t, /^Case Number:\nDate Assigned:\nDecision Date:\nPriority:\n\nCM26-0000001\n/);
  assert.match(t, /A nonopioid regimen/); // joined at the line-end hyphen, as pdftotext does
  const { letter, diagnostics } = lint(t);
  assert.deepEqual(diagnostics.map((d) => d.code), []);
  assert.equal(letter.metadata.caseNumber, 'CM26-0000001');
  assert.deepEqual(letter.items.map((i) => [i.name, i.decision]), [
    ['Physical therapy 8 sessions for the cervical spine', 'Overturned'],
    ['Cervical collar purchase', 'Upheld'],
  ]);
  const pages = letter.items.map((i) => pageAt(result.pageStarts, t.indexOf(i.name)));
  assert.deepEqual(pages, [2, 3]);
});

test('pdf: pages stored sideways and shown turned (/Rotate 90) read as the upright letter', async () => {
  assert.equal(text(await reader.read(fixture('rotated.pdf'))), text(await reader.read(fixture('clean.pdf'))));
});

test('pdf: an owner-password-only PDF (print allowed, copy not) reads like the unprotected one', async () => {
  assert.equal(text(await reader.read(fixture('owner-password.pdf'))), text(await reader.read(fixture('clean.pdf'))));
});

test('pdf: each unreadable file gets its own reason and message, and the next file still reads', async () => {
  const cases: Array<[string, string, RegExp]> = [
    ['user-password.pdf', 'password', /password needed to open it/],
    ['truncated.pdf', 'damaged', /damaged or truncated/],
    ['garbage.pdf', 'damaged', /damaged or truncated/],
    ['not-a-pdf.pdf', 'not-pdf', /not a PDF file/],
    ['scanned.pdf', 'no-text', /no text layer in its 2 pages .*no OCR/],
  ];
  for (const [file, reason, message] of cases) {
    const result = await reader.read(fixture(file));
    assert.equal(result.ok, false, file);
    if (result.ok) continue;
    assert.equal(result.reason, reason, file);
    assert.match(result.message, message, file);
    assert.doesNotMatch(result.message, /\n| {4}at /, `${file}: one line, no stack`);
    assert.match(text(await reader.read(fixture('missing-decision.pdf'))), /IMR ISSUES/);
  }
});

test('pdf: the size and page limits are stated and enforced', async () => {
  const small = new PdfReader({ maxBytes: 4096, maxPages: 10 });
  try {
    const big = await small.read(fixture('clean.pdf')); // 5 KB
    assert.deepEqual(big.ok ? null : [big.reason, /more than the limit/.test(big.message)], ['too-large', true]);
  } finally {
    await small.close();
  }
  const pages = new PdfReader({ maxPages: 10 });
  try {
    const long = await pages.read(fixture('long.pdf'));
    assert.equal(long.ok ? null : long.reason, 'too-many-pages');
    assert.match(long.ok ? '' : long.message, /^36 pages, more than the limit of 10$/);
    assert.equal((await pages.read(fixture('clean.pdf'))).ok, true);
  } finally {
    await pages.close();
  }
});

test('pdf: a file that takes too long is given up, and a fresh worker reads the next one', async () => {
  const slow = await reader.read(fixture('long.pdf'), { timeoutMs: 1 });
  assert.equal(slow.ok ? null : slow.reason, 'timeout');
  assert.match(slow.ok ? '' : slow.message, /took longer than 0.001 s/);
  // The same reader, after its worker was ended: a new one answers.
  assert.match(text(await reader.read(fixture('clean.pdf'))), /Cervical collar purchase: Upheld/);
});

test('pdf: the worker bundle is self-contained: it reads with no node_modules in reach (no canvas)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'imr-pdf-worker-'));
  try {
    copyFileSync(join(repoRoot, 'dist', 'pdf-worker.js'), join(dir, 'pdf-worker.js'));
    const alone = new PdfReader({ workerScript: join(dir, 'pdf-worker.js') });
    try {
      assert.match(text(await alone.read(fixture('clean.pdf'))), /Cervical collar purchase: Upheld/);
    } finally {
      await alone.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('pdf: pdf.js is in the worker bundle only, so activation and the CLI load none of it', () => {
  for (const bundle of ['cli.js', 'extension.js', 'server.js']) {
    const code = readFileSync(join(repoRoot, 'dist', bundle), 'utf8');
    assert.doesNotMatch(code, /PDFDocumentProxy|WorkerMessageHandler/, bundle);
  }
  assert.match(readFileSync(join(repoRoot, 'dist', 'pdf-worker.js'), 'utf8'), /WorkerMessageHandler/);
});

test('pdf: pageAt finds the page of an offset', () => {
  const starts = pageStartsOf('one\n\fdos\n\ftres\n\f');
  assert.deepEqual(starts, [0, 5, 10]);
  assert.deepEqual([0, 4, 5, 9, 10, 15].map((o) => pageAt(starts, o)), [1, 1, 2, 2, 3, 3]);
});

// The language server speaks LSP on its stdout (--stdio): nothing the PDF worker thread prints
// may reach it, nor the log (it could hold letter text). The worker loads the shims first; loaded
// in a process of its own here, they must leave nothing on either stream.
test('pdf: the worker shims silence the console, stdout and stderr of their thread', () => {
  const shims = join(repoRoot, 'out', 'server', 'src', 'pdf', 'shims.js');
  const script = `require(${JSON.stringify(shims)});
console.log('LEAKED'); console.error('LEAKED'); process.stdout.write('LEAKED'); process.stderr.write('LEAKED');`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr, '');
});
