// Config discovery: the nearest .imr-lint.json upward from each letter wins, --rule flags
// override it, --config replaces discovery, and a broken config is reported once with exit 2.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WARNING_LETTER, assertNoStackTrace, runCli, tempDir, writeTree, type JsonReport } from './helpers';

/** Severity of missing-guideline per file path ('none' when it is not reported). */
function guidelineSeverities(stdout: string): Record<string, string> {
  const report = JSON.parse(stdout) as JsonReport;
  return Object.fromEntries(
    report.files.map((f) => [f.path, f.diagnostics.find((d) => d.code === 'missing-guideline')?.severity ?? 'none']),
  );
}

const rules = (settings: Record<string, string>): string => JSON.stringify({ rules: settings });

describe('imr-lint config discovery', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = tempDir());
    writeTree(dir, {
      // The temp folder is a repository: discovery climbs up to its root and no further.
      '.git/HEAD': 'ref: refs/heads/main\n',
      'root/.imr-lint.json': rules({ 'missing-guideline': 'error' }),
      'root/top.txt': WARNING_LETTER,
      'root/plain/inherits.txt': WARNING_LETTER,
      'root/quiet/.imr-lint.json': rules({ 'missing-guideline': 'off' }),
      'root/quiet/deeper/nearest.txt': WARNING_LETTER,
      'root/hint/.imr-lint.json': `\uFEFF${JSON.stringify({ $schema: 'x', rules: { 'missing-guideline': 'hint' } }, null, 2)}`,
      'root/hint/h.txt': WARNING_LETTER,
      'alone/a.txt': WARNING_LETTER,
      'broken/.imr-lint.json': '{"rules": {"missing-guideline": "off",}}',
      'broken/b.txt': WARNING_LETTER,
      'typo/.imr-lint.json': rules({ 'missing-guidline': 'off' }),
      'typo/t.txt': WARNING_LETTER,
      'badsev/.imr-lint.json': rules({ 'missing-guideline': 'loud' }),
      'badsev/s.txt': WARNING_LETTER,
      'shape/.imr-lint.json': JSON.stringify({ rule: { 'missing-guideline': 'off' } }),
      'shape/x.txt': WARNING_LETTER,
      'shared.json': rules({ 'missing-guideline': 'information' }),
    });
  });
  after(() => cleanup());

  it('nearest config wins; folders without one inherit from above', async () => {
    const run = await runCli(['--format', 'json', 'root', 'alone'], { cwd: dir });
    assert.equal(run.stderr, '');
    assert.deepEqual(guidelineSeverities(run.stdout), {
      'alone/a.txt': 'warning', // no config anywhere above: the rule's default
      'root/hint/h.txt': 'hint', // BOM and $schema accepted
      'root/plain/inherits.txt': 'error',
      'root/quiet/deeper/nearest.txt': 'none',
      'root/top.txt': 'error',
    });
    assert.equal(run.code, 1); // the errors from root/.imr-lint.json
  });

  it('--rule flags override every config file', async () => {
    const run = await runCli(['--format', 'json', '--rule', 'missing-guideline=warning', 'root'], { cwd: dir });
    assert.deepEqual(Object.values(guidelineSeverities(run.stdout)), ['warning', 'warning', 'warning', 'warning']);
    assert.equal(run.code, 0);
  });

  it('--config replaces discovery for every letter, and --rule still wins over it', async () => {
    const run = await runCli(['--format', 'json', '--config', 'shared.json', 'root'], { cwd: dir });
    assert.deepEqual(new Set(Object.values(guidelineSeverities(run.stdout))), new Set(['information']));
    const both = await runCli(['--format', 'json', '--config', 'shared.json', '--rule', 'missing-guideline=off', 'root'], { cwd: dir });
    assert.deepEqual(new Set(Object.values(guidelineSeverities(both.stdout))), new Set(['none']));
  });

  it('a config with invalid JSON: one clear line, its letters skipped, the others linted, exit 2', async () => {
    const run = await runCli(['--format', 'json', 'broken', 'alone'], { cwd: dir });
    assert.equal(run.code, 2);
    const lines = run.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0], /broken\/\.imr-lint\.json: invalid JSON in config \(.+\); files under it are not checked$/);
    assert.deepEqual(Object.keys(guidelineSeverities(run.stdout)), ['alone/a.txt']);
    assertNoStackTrace(run.stderr);
  });

  it('unknown rule ids, invalid severities and unknown keys in a config are errors too', async () => {
    const cases: Array<[string, RegExp]> = [
      ['typo', /typo\/\.imr-lint\.json: unknown rule "missing-guidline" in config/],
      ['badsev', /badsev\/\.imr-lint\.json: invalid severity "loud" for rule missing-guideline/],
      ['shape', /shape\/\.imr-lint\.json: unknown key "rule" in config/],
    ];
    for (const [folder, message] of cases) {
      const run = await runCli([folder], { cwd: dir });
      assert.equal(run.code, 2, folder);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '0 problems (0 errors, 0 warnings, 0 infos) in 0 files\nConfiguration: no .imr-lint.json (rule defaults)\n');
    }
  });

  it('--stdin finds the config from --stdin-filename, or from the working folder', async () => {
    const named = await runCli(['--stdin', '--stdin-filename', 'root/quiet/x.txt', '--format', 'json'], { cwd: dir, input: WARNING_LETTER });
    assert.deepEqual(guidelineSeverities(named.stdout), { 'root/quiet/x.txt': 'none' });
    const fromCwd = await runCli(['--stdin', '--format', 'json'], { cwd: `${dir}/root`, input: WARNING_LETTER });
    assert.deepEqual(guidelineSeverities(fromCwd.stdout), { '<stdin>': 'error' });
    assert.equal(fromCwd.code, 1);
  });
});
