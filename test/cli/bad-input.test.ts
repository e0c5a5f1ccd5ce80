// Bad input never stops the run: each unreadable, binary or odd input gets one clear line on
// stderr, every other letter is still linted, and the exit code is 2 where an input could not
// be read. No stack trace ever reaches the user.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLEAN_LETTER, FAULTY_LETTER, assertNoStackTrace, letterText, runCli, tempDir, writeTree, type JsonReport } from './helpers';

describe('imr-lint on bad input', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = tempDir());
    writeTree(dir, { 'ok/a.txt': CLEAN_LETTER, 'ok/b.txt': FAULTY_LETTER });
  });
  after(() => cleanup());

  /** Runs over ok/ plus the given paths; checks that ok/ was fully linted. */
  async function runWith(...paths: string[]): Promise<{ code: number | null; stderr: string; report: JsonReport }> {
    const run = await runCli(['--format', 'json', 'ok', ...paths], { cwd: dir });
    assertNoStackTrace(run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.ok(report.files.some((f) => f.path === 'ok/a.txt') && report.files.some((f) => f.path === 'ok/b.txt'), 'other letters still linted');
    return { code: run.code, stderr: run.stderr, report };
  }

  it('a binary file (NUL bytes): "not a text file (binary), skipped", exit 2', async () => {
    writeTree(dir, { 'bin/junk.txt': Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff, 0x00, 0x41]) });
    const { code, stderr, report } = await runWith('bin');
    assert.equal(stderr, 'bin/junk.txt: not a text file (binary), skipped\n');
    assert.equal(code, 2);
    assert.ok(!report.files.some((f) => f.path === 'bin/junk.txt'));
    assert.deepEqual(report.notices, [{ path: 'bin/junk.txt', level: 'error', message: 'not a text file (binary), skipped' }]);
  });

  it('a file of control characters without NUL is binary too', async () => {
    writeTree(dir, { 'ctl/noise.imr': Buffer.from(Array.from({ length: 4000 }, (_, i) => (i % 3 === 0 ? 0x41 : (i % 7) + 1))) });
    const { code, stderr } = await runWith('ctl');
    assert.equal(stderr, 'ctl/noise.imr: not a text file (binary), skipped\n');
    assert.equal(code, 2);
  });

  it('a path that does not exist: one line, exit 2', async () => {
    const { code, stderr } = await runWith('missing/letter.txt');
    assert.equal(stderr, 'missing/letter.txt: no such file or folder\n');
    assert.equal(code, 2);
  });

  it('unreadable entries (a dangling link, a link to itself, a FIFO): one line each, exit 2, no hang', async () => {
    mkdirSync(path.join(dir, 'odd'));
    symlinkSync('nowhere.txt', path.join(dir, 'odd', 'dangling.txt'));
    symlinkSync('self.txt', path.join(dir, 'odd', 'self.txt'));
    symlinkSync('nowhere', path.join(dir, 'odd', 'not-a-letter-name')); // not .txt/.imr: ignored
    execFileSync('mkfifo', [path.join(dir, 'odd', 'pipe.txt')]);
    const { code, stderr } = await runWith('odd');
    assert.deepEqual(stderr.trimEnd().split('\n'), [
      'odd/dangling.txt: cannot read (no such file or folder; a dangling symbolic link?)',
      'odd/pipe.txt: not a regular file, skipped',
      'odd/self.txt: cannot read (too many levels of symbolic links)',
    ]);
    assert.equal(code, 2);
    // Named on the command line, a dangling link is "cannot read", not "no such file".
    const named = await runCli(['odd/dangling.txt'], { cwd: dir });
    assert.equal(named.stderr, 'odd/dangling.txt: cannot read (no such file or folder; a dangling symbolic link?)\n');
    assert.equal(named.code, 2);
  });

  it('a folder with symbolic link loops: each loop one line, every letter linted once, no exit 2', async () => {
    writeTree(dir, { 'loop/x.txt': CLEAN_LETTER, 'loop/sub/y.txt': CLEAN_LETTER });
    symlinkSync('.', path.join(dir, 'loop', 'self'));
    symlinkSync('..', path.join(dir, 'loop', 'sub', 'up'));
    symlinkSync(path.join(dir, 'loop', 'sub'), path.join(dir, 'loop', 'again')); // a second way into sub/
    const run = await runCli(['--format', 'json', 'loop'], { cwd: dir });
    // sub/ is first reached through again/ (sorted order), so its loop is reported there.
    assert.deepEqual(run.stderr.trimEnd().split('\n'), [
      'loop/again/up: symbolic link loop (links back to a folder above it), skipped',
      'loop/self: symbolic link loop (links back to a folder above it), skipped',
    ]);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.files.map((f) => f.path), ['loop/again/y.txt', 'loop/x.txt']);
    assert.equal(run.code, 0);
  });

  it('invalid UTF-8: decoded with replacement characters, a warning line, still linted', async () => {
    const text = letterText([{ name: 'Caf\u00e9 brace', decision: 'Upheld' }]);
    const bytes = Buffer.from(text.replace('Caf\u00e9', 'CafX'), 'utf8');
    bytes[bytes.indexOf('CafX') + 3] = 0xe9; // Latin-1 é: not valid UTF-8
    writeTree(dir, { 'latin1/l.txt': bytes });
    const { code, stderr, report } = await runWith('latin1');
    assert.equal(stderr, 'latin1/l.txt: invalid UTF-8, decoded with replacement characters (U+FFFD)\n');
    const file = report.files.find((f) => f.path === 'latin1/l.txt');
    assert.deepEqual(file?.items.map((i) => [i.name, i.decision]), [['Caf\uFFFD brace', 'Upheld']]);
    assert.equal(code, 1); // b.txt's error; the warning about encoding is not an I/O failure
  });

  it('a UTF-8 byte-order mark is dropped: positions match the same letter without it', async () => {
    writeTree(dir, { 'bom/with.txt': `\uFEFF${FAULTY_LETTER}`, 'bom/without.txt': FAULTY_LETTER });
    const run = await runCli(['--format', 'json', 'bom'], { cwd: dir });
    const [withBom, without] = (JSON.parse(run.stdout) as JsonReport).files;
    assert.equal(run.stderr, '');
    assert.deepEqual(withBom.diagnostics, without.diagnostics);
    assert.deepEqual(withBom.items, without.items);
  });

  it('UTF-16 text with a byte-order mark (Windows "Unicode") is read as text', async () => {
    writeTree(dir, { 'utf16/u.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN_LETTER, 'utf16le')]) });
    const run = await runCli(['--format', 'json', 'utf16'], { cwd: dir });
    assert.equal(run.stderr, '');
    assert.deepEqual((JSON.parse(run.stdout) as JsonReport).files[0].items.map((i) => i.decision), ['Upheld', 'Overturned']);
  });

  it('an empty file is linted: the engine says it is not a letter', async () => {
    writeTree(dir, { 'empty/e.txt': '' });
    const { code, stderr, report } = await runWith('empty');
    assert.equal(stderr, '');
    const file = report.files.find((f) => f.path === 'empty/e.txt');
    assert.deepEqual(file?.items, []);
    assert.deepEqual(file?.diagnostics.map((d) => [d.code, d.range.start.line, d.item]), [['not-a-letter', 0, null]]);
    assert.equal(code, 1);
  });

  it('folders skip node_modules and .git, and take only .imr and .txt files', async () => {
    writeTree(dir, {
      'tree/node_modules/n.txt': FAULTY_LETTER,
      'tree/.git/g.txt': FAULTY_LETTER,
      'tree/notes.md': FAULTY_LETTER,
      'tree/UPPER.TXT': CLEAN_LETTER,
      'tree/z/letter.imr': CLEAN_LETTER,
    });
    const run = await runCli(['--format', 'json', 'tree', 'tree/notes.md'], { cwd: dir });
    // A file named on the command line is linted whatever its extension; order is by code point.
    assert.deepEqual((JSON.parse(run.stdout) as JsonReport).files.map((f) => f.path), ['tree/UPPER.TXT', 'tree/notes.md', 'tree/z/letter.imr']);
  });

  it('a file named twice (directly and through its folder) is linted once', async () => {
    const run = await runCli(['--format', 'json', 'ok/a.txt', 'ok', './ok/a.txt'], { cwd: dir });
    assert.deepEqual((JSON.parse(run.stdout) as JsonReport).files.map((f) => f.path), ['ok/a.txt', 'ok/b.txt']);
  });
});
