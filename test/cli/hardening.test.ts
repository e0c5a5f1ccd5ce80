// Issue 13, the CLI: one file never stops the others (a huge file of NULs, a 100,000-deep config,
// a named pipe called .imr-lint.json), standard input and --jobs are bounded, and each of the
// issue's situations gets a message a user can act on.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, closeSync, ftruncateSync, openSync, rmSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BIN, WARNING_LETTER, assertNoStackTrace, letterText, runCli, tempDir, writeTree, type JsonReport } from './helpers';

const REPO = { '.git/HEAD': 'ref: refs/heads/main\n' };

describe('one file never stops the others', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = tempDir());
    writeTree(dir, { ...REPO, 'a/good.txt': WARNING_LETTER });
  });
  after(() => cleanup());

  it('a file of 8 KB of text then 700 MB of NULs is skipped, the others linted, the JSON whole', async () => {
    const file = path.join(dir, 'a', 'huge-nuls.txt');
    const fd = openSync(file, 'w');
    writeSync(fd, WARNING_LETTER.repeat(Math.ceil(8192 / WARNING_LETTER.length)));
    ftruncateSync(fd, 700 * 1024 * 1024); // sparse: the NULs cost no disk
    closeSync(fd);
    try {
      const run = await runCli(['--format', 'json', 'a'], { cwd: dir, timeoutMs: 60_000 });
      const report = JSON.parse(run.stdout) as JsonReport & { notices: Array<{ path: string; message: string }> };
      assert.deepEqual(report.files.map((f) => f.path), ['a/good.txt']);
      assert.match(report.notices[0].message, /too large to be a letter \(700 MB; the limit is 64 MB\)/);
      assert.equal(run.code, 2);
      assertNoStackTrace(run.stderr);
    } finally {
      rmSync(file);
    }
  });

  it('a config holding a 100,000-deep array is reported as bad, and the other letters are linted', async () => {
    const deep = (depth: number) => `{"rules":{"missing-guideline":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    // 100,000 deep is over the config size limit; 30,000 deep is under it and reaches the checks.
    writeTree(dir, { 'deep/.imr-lint.json': deep(100_000), 'deep/letter.txt': WARNING_LETTER, 'deep2/.imr-lint.json': deep(30_000), 'deep2/letter.txt': WARNING_LETTER });
    const run = await runCli(['--format', 'json', 'a', 'deep', 'deep2'], { cwd: dir });
    assertNoStackTrace(run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.files.map((f) => f.path), ['a/good.txt']);
    assert.match(run.stderr, /^deep\/\.imr-lint\.json: config is 200032 bytes, over the 65536-byte limit/m);
    assert.match(run.stderr, /^deep2\/\.imr-lint\.json: invalid severity an array for rule missing-guideline/m);
    assert.equal(run.code, 2);
  });

  it('a named pipe called .imr-lint.json is refused, not read (which would wait for ever)', async () => {
    writeTree(dir, { 'piped/inner/letter.txt': WARNING_LETTER });
    execFileSync('mkfifo', [path.join(dir, 'piped', '.imr-lint.json')]);
    const run = await runCli(['--format', 'json', 'a', 'piped'], { cwd: dir, timeoutMs: 20_000 });
    assert.equal(run.signal, null, 'it did not hang');
    assert.match(run.stderr, /piped\/\.imr-lint\.json: config is not a regular file/);
    assert.deepEqual((JSON.parse(run.stdout) as JsonReport).files.map((f) => f.path), ['a/good.txt']);
    assert.equal(run.code, 2);
  });
});

describe('limits', () => {
  it('--stdin stops reading past 64 MB, with a message', async () => {
    const run = await runCli(['--stdin'], { cwd: process.cwd(), input: Buffer.alloc(65 * 1024 * 1024, 0x61), timeoutMs: 60_000 });
    assert.match(run.stderr, /standard input is over the 64 MB limit/);
    assert.equal(run.code, 2);
  });

  it('--jobs 999 is refused with the range', async () => {
    const run = await runCli(['--jobs', '999', '.'], { cwd: process.cwd() });
    assert.match(run.stderr, /--jobs needs a whole number from 1 to 32/);
    assert.equal(run.code, 2);
  });
});

describe('messages a user can act on', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = tempDir());
    writeTree(dir, { ...REPO, 'ok/letter.txt': WARNING_LETTER, 'nothing/notes.md': '# not a letter\n' });
  });
  after(() => cleanup());

  it('a folder with no letters says so and exits 2', async () => {
    const run = await runCli(['nothing'], { cwd: dir });
    assert.match(run.stderr, /^nothing: no letters found \(\.imr, \.txt or \.pdf files/m);
    assert.equal(run.code, 2);
  });

  it('a full disk is reported, exit 2', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'ok'], { cwd: dir, stdio: ['ignore', full, 'pipe'] });
        let stderr = '';
        child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
        child.on('close', (code) => resolve({ code, stderr }));
      });
      assert.match(result.stderr, /cannot write the output \(no space left on the disk\)/);
      assert.equal(result.code, 2);
    } finally {
      closeSync(full);
    }
  });

  it('escape sequences in item names and line breaks in file names are shown, not acted on', async () => {
    const letter = letterText([{ name: 'Norco \u001b[2J\u001b]0;pwned\u0007 10 mg', maximus: 'Decision based on' }]);
    writeTree(dir, { 'esc/odd\nname\u001b[31m.txt': letter });
    const run = await runCli(['esc'], { cwd: dir });
    const problems = run.stdout.split('\n').filter((line) => line.includes('[missing-guideline]'));
    assert.equal(problems.length, 1, run.stdout);
    // eslint-disable-next-line no-control-regex -- the test looks for exactly these
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(run.stdout), 'no control characters reach the terminal');
    assert.match(problems[0], /^esc\/odd\\x0aname\\x1b\[31m\.txt:\d+:\d+ warning Item "Norco \\x1b\[2J\\x1b\]0;pwned\\x07 10 mg"/);
  });

  it('a UTF-32 letter (either byte order) is read as UTF-32, not as UTF-16', async () => {
    const utf32 = (text: string, littleEndian: boolean): Buffer => {
      const codePoints = [0xfeff, ...Array.from(text, (c) => c.codePointAt(0)!)];
      const out = Buffer.alloc(codePoints.length * 4);
      codePoints.forEach((cp, i) => (littleEndian ? out.writeUInt32LE(cp, i * 4) : out.writeUInt32BE(cp, i * 4)));
      return out;
    };
    writeTree(dir, { 'wide/le.txt': utf32(WARNING_LETTER, true), 'wide/be.txt': utf32(WARNING_LETTER, false) });
    const run = await runCli(['--format', 'json', 'wide'], { cwd: dir });
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.files.map((f) => [f.path, f.items.map((i) => i.name), f.diagnostics.map((d) => d.code)]), [
      ['wide/be.txt', ['Lumbar brace'], ['missing-guideline']],
      ['wide/le.txt', ['Lumbar brace'], ['missing-guideline']],
    ]);
    assert.equal(run.stderr, '');
  });

  it('a folder that can be listed but not entered names the letter, not a config', async () => {
    // As root every folder can be entered: run the CLI as nobody (65534) then.
    writeTree(dir, { 'locked/letter.txt': WARNING_LETTER });
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, 'locked'), 0o744); // r-- for others: listed, not entered
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'locked'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], ...asNobody });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
      child.stdout.resume();
      child.on('close', (code) => resolve({ code, stderr }));
    });
    chmodSync(path.join(dir, 'locked'), 0o755);
    assert.match(result.stderr, /^locked\/letter\.txt: cannot read \(permission denied: its folder can be listed but not entered\)/m);
    assert.doesNotMatch(result.stderr, /imr-lint\.json/);
    assert.equal(result.code, 2);
  });
});

describe('one configuration, trusted and shown', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = tempDir());
    writeTree(dir, {
      // Above the repository: anyone could have written it (a shared drive, /tmp).
      '.imr-lint.json': JSON.stringify({ rules: { 'missing-guideline': 'off' } }),
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/letters/a.txt': WARNING_LETTER,
      'repo/strict/.imr-lint.json': JSON.stringify({ rules: { 'missing-guideline': 'error' } }),
      'repo/strict/b.txt': WARNING_LETTER,
    });
  });
  after(() => cleanup());

  it('a config above the repository root does not apply', async () => {
    const run = await runCli(['--format', 'json', 'repo/letters'], { cwd: dir });
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.files[0].diagnostics.map((d) => [d.code, d.severity]), [['missing-guideline', 'warning']]);
  });

  it('every output names the configuration files that applied', async () => {
    const text = await runCli(['repo'], { cwd: dir });
    assert.equal(text.stdout.trimEnd().split('\n').at(-1), 'Configuration: repo/strict/.imr-lint.json');
    const withFlags = await runCli(['--rule', 'missing-rationale=off', 'repo/letters'], { cwd: dir });
    assert.equal(withFlags.stdout.trimEnd().split('\n').at(-1), 'Configuration: no .imr-lint.json (rule defaults); 1 --rule flag on top');
    const json = JSON.parse((await runCli(['--format', 'json', 'repo'], { cwd: dir })).stdout) as { configuration: { files: string[]; ruleFlags: number } };
    assert.deepEqual(json.configuration, { files: ['repo/strict/.imr-lint.json'], ruleFlags: 0 });
    const sarif = JSON.parse((await runCli(['--format', 'sarif', 'repo'], { cwd: dir })).stdout) as { runs: Array<{ invocations: Array<{ properties: { configurationFiles: string[] } }> }> };
    assert.deepEqual(sarif.runs[0].invocations[0].properties.configurationFiles, ['repo/strict/.imr-lint.json']);
  });
});
