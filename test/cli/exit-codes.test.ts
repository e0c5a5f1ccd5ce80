// Exit codes: 0 no errors, 1 errors or more warnings than --max-warnings, 2 usage or I/O
// failure (2 wins); usage mistakes get one clear line and never a stack trace.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLEAN_LETTER, FAULTY_LETTER, WARNING_LETTER, assertNoStackTrace, letterText, runCli, runCliProcess, tempDir, writeTree, type JsonReport } from './helpers';

describe('imr-lint exit codes', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = tempDir());
    writeTree(dir, {
      'clean.txt': CLEAN_LETTER,
      'faulty.txt': FAULTY_LETTER,
      'warn.txt': WARNING_LETTER,
      // Two warnings: missing-guideline stubs on both items.
      'warn2.txt': letterText([
        { name: 'Lumbar brace', maximus: 'Decision based on' },
        { name: 'Cane', maximus: '' },
      ]),
      'info.txt': letterText([{ name: 'Gabapentin 600mg #90', claimsAdministrator: 'The Claims Administrator did not cite any medical evidence for its decision.' }]),
    });
  });
  after(() => cleanup());

  it('0 when there are no problems, or only information', async () => {
    assert.equal((await runCli(['clean.txt'], { cwd: dir })).code, 0);
    const info = await runCli(['info.txt'], { cwd: dir });
    assert.match(info.stdout, /information .*\[claims-administrator-uncited\]/);
    assert.equal(info.code, 0);
  });

  it('0 with warnings only, 1 with an error (the built program\'s exit code)', async () => {
    assert.equal((await runCliProcess(['warn.txt'], { cwd: dir })).code, 0);
    assert.equal((await runCliProcess(['faulty.txt', 'clean.txt'], { cwd: dir })).code, 1);
  });

  it('--max-warnings N: 1 only when warnings exceed N', async () => {
    const over = await runCli(['--max-warnings', '1', 'warn2.txt'], { cwd: dir });
    assert.equal(over.code, 1);
    assert.equal(over.stderr, 'imr-lint: 2 warnings, more than --max-warnings 1\n');
    assert.equal((await runCli(['--max-warnings=2', 'warn2.txt'], { cwd: dir })).code, 0);
    assert.equal((await runCli(['--max-warnings', '0', 'warn.txt'], { cwd: dir })).code, 1);
    assert.equal((await runCli(['--max-warnings', '0', 'clean.txt'], { cwd: dir })).code, 0);
  });

  it('--rule changes what counts: an error turned off exits 0, a warning made an error exits 1', async () => {
    assert.equal((await runCli(['--rule', 'missing-decision=warning', 'faulty.txt'], { cwd: dir })).code, 0);
    assert.equal((await runCli(['--rule', 'missing-guideline=error', 'warn.txt'], { cwd: dir })).code, 1);
    const off = await runCli(['--format', 'json', '--rule', 'missing-decision=off', '--rule', 'missing-guideline=off', 'faulty.txt'], { cwd: dir });
    assert.equal(off.code, 0);
    assert.deepEqual((JSON.parse(off.stdout) as JsonReport).files[0].diagnostics, []);
  });

  it('2 on usage mistakes, with one line naming the mistake and nothing on stdout', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--frobnicate', 'clean.txt'], /unknown option --frobnicate/],
      [['--format', 'xml', 'clean.txt'], /unknown format "xml"/],
      [['--format'], /option --format needs a value/],
      [['--rule', 'no-such-rule=error', 'clean.txt'], /unknown rule "no-such-rule"/],
      [['--rule', 'missing-decision=fatal', 'clean.txt'], /unknown severity "fatal" for rule missing-decision/],
      [['--rule', 'missing-decision', 'clean.txt'], /--rule needs ID=SEVERITY/],
      [['--max-warnings', 'many', 'clean.txt'], /--max-warnings needs a whole number/],
      [['--max-warnings', '-1', 'clean.txt'], /--max-warnings needs a whole number/],
      [[], /no files or folders given/],
      [['--stdin', 'clean.txt'], /give no paths with it/],
      [['--stdin-filename', 'x.txt', 'clean.txt'], /--stdin-filename needs --stdin/],
      [['--help=yes'], /option --help takes no value/],
      [['--jobs', '0', 'clean.txt'], /--jobs needs a whole number from 1 to 32/],
    ];
    const runs = await Promise.all(cases.map(([args]) => runCli(args, { cwd: dir })));
    for (const [i, [args, message]] of cases.entries()) {
      const run = runs[i];
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stdout, '', args.join(' '));
      const lines = run.stderr.trimEnd().split('\n');
      assert.match(lines[0], /^imr-lint: /);
      assert.match(lines[0], message);
      assert.deepEqual(lines.slice(1), ['Run "imr-lint --help" for usage.']);
    }
  });

  it('2 wins over 1: a missing path among faulty letters still lints them, then exits 2', async () => {
    const run = await runCliProcess(['faulty.txt', 'no-such-letter.txt', 'warn.txt'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'no-such-letter.txt: no such file or folder\n');
    assert.match(run.stdout, /^faulty\.txt:\d+:\d+ error /m);
    assert.match(run.stdout, /^warn\.txt:\d+:\d+ warning /m);
    assert.match(run.stdout, /^3 problems .* \(2 checked\)$/m);
    assertNoStackTrace(run.stderr);
  });

  it('2 with an unreadable --config', async () => {
    const run = await runCli(['--config', 'missing.json', 'clean.txt'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^imr-lint: missing\.json: cannot read config \(no such file/);
  });
});
