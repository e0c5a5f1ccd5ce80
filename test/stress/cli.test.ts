// Size: a ~20 MB letter, and thousands of letters whose JSON report (megabytes) must arrive
// whole through a pipe; a reader that stops early must not make the CLI print a stack trace.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BIN, assertNoStackTrace, letterText, runCli, runCliProcess, tempDir, type JsonReport } from '../cli/helpers';

const LETTERS = 3000;

describe('imr-lint at size', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = tempDir());
    mkdirSync(path.join(dir, 'many'));
    for (let i = 0; i < LETTERS; i++) {
      const items = [
        { name: `Norco 10/325mg #${i}`, decision: 'Upheld' as const },
        { name: `Physical therapy visit ${i}`, decision: 'Overturned' as const },
        { name: 'Lumbar brace', maximus: 'Decision based on' },
      ];
      writeFileSync(path.join(dir, 'many', `letter-${String(i).padStart(4, '0')}.txt`), letterText(items.slice(0, 1 + (i % 3))));
    }
  });
  after(() => cleanup());

  it(`the JSON report over ${LETTERS} letters arrives whole through a pipe`, async () => {
    // The built bundle as a child process: worker threads and a real pipe.
    const run = await runCliProcess(['--format', 'json', 'many'], { cwd: dir, timeoutMs: 120_000 });
    assert.equal(run.stderr, '');
    assert.ok(run.stdout.length > 1_000_000, `${run.stdout.length} bytes`);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.equal(report.files.length, LETTERS);
    report.files.forEach((file, i) => {
      assert.equal(file.path, `many/letter-${String(i).padStart(4, '0')}.txt`);
      assert.equal(file.items.length, 1 + (i % 3), file.path);
      assert.equal(file.diagnostics.length, i % 3 === 2 ? 1 : 0, file.path);
    });
    assert.equal(run.code, 0);
    // That run used worker threads (thousands of files); one thread (in-process) must give the same bytes.
    const single = await runCli(['--format', 'json', '--jobs', '1', 'many'], { cwd: dir, timeoutMs: 120_000 });
    assert.ok(single.stdout === run.stdout, 'the same report with --jobs 1');
  });

  it('the SARIF report over the same letters arrives whole too', async () => {
    const run = await runCli(['--format', 'sarif', 'many'], { cwd: dir, timeoutMs: 120_000 });
    const log = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    assert.equal(log.runs[0].results.length, Math.floor(LETTERS / 3));
    assert.ok(log.runs[0].results.every((r) => r.ruleId === 'missing-guideline'));
  });

  it('a reader that closes the pipe early ends the run quietly (no EPIPE stack trace)', async () => {
    const child = spawn(process.execPath, [BIN, '--format', 'json', 'many'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assertNoStackTrace(stderr);
    assert.equal(stderr, '');
    assert.notEqual(code, null);
  });

  it('a ~20 MB letter with 50,000 items is linted whole', async () => {
    const items = Array.from({ length: 50_000 }, (_, i) => ({
      name: `Item ${i}: acupuncture sessions for the cervical spine`,
      decision: i % 5 === 0 ? ('Overturned' as const) : ('Upheld' as const),
    }));
    const text = letterText(items);
    assert.ok(text.length > 18_000_000, `${text.length} characters`);
    writeFileSync(path.join(dir, 'huge.txt'), text);
    const run = await runCli(['--format', 'json', 'huge.txt'], { cwd: dir, timeoutMs: 180_000 });
    assert.equal(run.stderr, '');
    const [file] = (JSON.parse(run.stdout) as JsonReport).files;
    assert.equal(file.items.length, items.length);
    assert.equal(file.items.filter((i) => i.decision === 'Overturned').length, 10_000);
    assert.equal(file.items[49_999].name, 'Item 49999: acupuncture sessions for the cervical spine');
    assert.equal(run.code, 0);
  });

  it('--stdin lints a letter piped in', async () => {
    const run = await runCli(['--stdin', '--format', 'json'], { cwd: dir, input: letterText([{ name: 'Cane', decision: '' }]) });
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.files.map((f) => [f.path, f.items.length, f.diagnostics.map((d) => d.code)]), [['<stdin>', 1, ['missing-decision']]]);
    assert.equal(run.code, 1);
    const text = await runCli(['--stdin', '--stdin-filename', 'letters/x.txt'], { cwd: dir, input: letterText([{ name: 'Cane', decision: '' }]) });
    assert.match(text.stdout, /^letters\/x\.txt:9:1 error .* \[missing-decision\]$/m);
    const binary = await runCli(['--stdin'], { cwd: dir, input: Buffer.from([0, 1, 2, 3]) });
    assert.equal(binary.stderr, '<stdin>: not a text file (binary), skipped\n');
    assert.equal(binary.code, 2);
  });
});
