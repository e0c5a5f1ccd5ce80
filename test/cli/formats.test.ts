// Each output format of the built CLI, run as a child process over synthetic letters.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { main } from '../../server/src/cli/main';
import { rules } from '../../server/src/engine';
import { SEVERITIES } from '../../server/src/shared/protocol';
import { CLEAN_LETTER, FAULTY_LETTER, ROOT, WARNING_LETTER, assertNoStackTrace, itemLine, runCli, runCliProcess, tempDir, writeTree, type JsonReport } from './helpers';


describe('imr-lint output formats', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = tempDir());
    writeTree(dir, { 'b/faulty.txt': FAULTY_LETTER, 'a/clean.imr': CLEAN_LETTER, 'c/warn.txt': WARNING_LETTER, 'c/skip.md': FAULTY_LETTER });
  });
  after(() => cleanup());

  it('text: one `path:line:col severity message [code]` line per problem, sorted, then a summary', async () => {
    const run = await runCli(['.'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stderr, '');
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 5, run.stdout);
    assert.match(lines[0], new RegExp(`^b/faulty\\.txt:${itemLine(0)}:1 error .*"MRI of the right knee".* \\[missing-decision\\]$`));
    assert.match(lines[1], new RegExp(`^b/faulty\\.txt:${itemLine(1)}:1 warning .*"Lumbar brace".* \\[missing-guideline\\]$`));
    assert.match(lines[2], new RegExp(`^c/warn\\.txt:${itemLine(0) + 2}:1 warning .* \\[missing-guideline\\]$`));
    assert.equal(lines[3], '3 problems (1 error, 2 warnings, 0 infos) in 2 files (3 checked)');
    assert.equal(lines[4], 'Configuration: no .imr-lint.json (rule defaults)');
  });

  it('text: a clean run says so in its summary and exits 0', async () => {
    const run = await runCli(['a'], { cwd: dir });
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '0 problems (0 errors, 0 warnings, 0 infos) in 1 file\nConfiguration: no .imr-lint.json (rule defaults)\n');
  });

  it('json: keeps the contract {version, files: [{path, items, diagnostics}]}', async () => {
    const run = await runCli(['--format', 'json', '.'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.equal(report.version, 1);
    assert.deepEqual(report.files.map((f) => f.path), ['a/clean.imr', 'b/faulty.txt', 'c/warn.txt']);

    const [clean, faulty] = report.files;
    assert.deepEqual(clean.items.map((i) => [i.name, i.decision]), [
      ['Norco 10/325mg #120', 'Upheld'],
      ['Physical therapy 2 x 6 for the lumbar spine', 'Overturned'],
    ]);
    assert.deepEqual(clean.diagnostics, []);
    assert.deepEqual(faulty.items.map((i) => [i.name, i.decision]), [
      ['MRI of the right knee', null],
      ['Lumbar brace', 'Upheld'],
    ]);
    assert.deepEqual(faulty.diagnostics.map((d) => [d.code, d.severity, d.item, d.range.start.line]), [
      ['missing-decision', 'error', 0, itemLine(0) - 1],
      ['missing-guideline', 'warning', 1, itemLine(1) - 1],
    ]);

    for (const file of report.files) {
      let previous = -1;
      for (const item of file.items) {
        assert.deepEqual(Object.keys(item).slice(0, 3), ['name', 'decision', 'range']);
        assertRange(item.range);
        assert.ok(item.range.start.line > previous, 'items in document order');
        previous = item.range.start.line;
      }
      for (const d of file.diagnostics) {
        assert.deepEqual(Object.keys(d), ['code', 'severity', 'message', 'range', 'item']);
        assert.ok(rules.some((r) => r.id === d.code), d.code);
        assert.ok((SEVERITIES as readonly string[]).includes(d.severity), d.severity);
        assert.ok(d.message.length > 0);
        assertRange(d.range);
        assert.ok(d.item === null || (Number.isInteger(d.item) && d.item >= 0 && d.item < file.items.length));
      }
    }
  });

  it('json: adds what a letter means (dates, appeal deadline, category, drug group, guideline classes)', async () => {
    const { dir: own, cleanup: done } = tempDir();
    try {
      writeTree(own, { 'dated.txt': CLEAN_LETTER.replace('Case Number: CM16-0000001', 'Case Number: CM16-0000001 Decision Date: 10/21/2016') });
      const run = await runCli(['--format', 'json', 'dated.txt'], { cwd: own });
      assert.equal(run.code, 0, run.stderr);
      const [file] = (JSON.parse(run.stdout) as { files: Array<Record<string, unknown> & { items: Array<Record<string, unknown>> }> }).files;
      assert.deepEqual((file.metadata as { dates: Record<string, string | null> }).dates.decisionDate, '2016-10-21');
      assert.deepEqual(file.appealDeadline, { from: '2016-10-21', counted: '2016-11-25', lastDay: '2016-11-28', carriedPast: ['Day after Thanksgiving', 'Saturday', 'Sunday'] });
      assert.deepEqual(file.items.map((i) => [i.category, i.drugGroup]), [['pharmaceuticals', 'opioids'], ['physical-medicine', null]]);
      const classes = file.items[0].guidelineClasses as { maximus: Array<{ kind: string }>; claimsAdministrator: Array<{ kind: string }> };
      assert.ok(classes.maximus.length > 0 && classes.claimsAdministrator.length > 0);
      assert.deepEqual(Object.keys(file.items[0]).slice(0, 3), ['name', 'decision', 'range'], 'the contract only grows');
    } finally {
      done();
    }
  });

  it('text and json report the same problems at the same 1-based positions', async () => {
    const [text, json] = await Promise.all([runCli(['.'], { cwd: dir }), runCli(['--format=json', '.'], { cwd: dir })]);
    const report = JSON.parse(json.stdout) as JsonReport;
    const fromJson = report.files.flatMap((f) =>
      f.diagnostics.map((d) => `${f.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message} [${d.code}]`),
    );
    assert.deepEqual(text.stdout.trimEnd().split('\n').slice(0, -2), fromJson);
  });

  it('sarif: one run with the rule registry and one result per problem', async () => {
    const run = await runCli(['--format', 'sarif', '.'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    const log = JSON.parse(run.stdout) as SarifLog;
    assert.equal(log.version, '2.1.0');
    const [sarifRun] = log.runs;
    const driver = sarifRun.tool.driver;
    assert.equal(driver.name, 'imr-lint');
    assert.equal(driver.version, (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    assert.deepEqual(driver.rules.map((r) => r.id), rules.map((r) => r.id));
    for (const [i, rule] of rules.entries()) {
      const descriptor = driver.rules[i];
      assert.match(descriptor.shortDescription.text, new RegExp(escape(rule.description.replace(/\.$/, ''))));
      assert.equal(descriptor.help.markdown, rule.docs);
      assert.ok(descriptor.fullDescription.text.length > 0 && descriptor.help.text.length > 0);
      assert.equal(descriptor.defaultConfiguration.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[rule.defaultSeverity]);
    }
    assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
    assert.equal(sarifRun.originalUriBaseIds.SRCROOT.uri, `file://${dir}/`);
    assert.deepEqual(
      sarifRun.results.map((r) => {
        const loc = r.locations[0].physicalLocation;
        return [r.ruleId, driver.rules[r.ruleIndex].id, r.level, loc.artifactLocation.uri, loc.artifactLocation.uriBaseId, loc.region.startLine, loc.region.startColumn];
      }),
      [
        ['missing-decision', 'missing-decision', 'error', 'b/faulty.txt', 'SRCROOT', itemLine(0), 1],
        ['missing-guideline', 'missing-guideline', 'warning', 'b/faulty.txt', 'SRCROOT', itemLine(1), 1],
        ['missing-guideline', 'missing-guideline', 'warning', 'c/warn.txt', 'SRCROOT', itemLine(0) + 2, 1],
      ],
    );
    assert.deepEqual(sarifRun.invocations.map((i) => [i.executionSuccessful, i.exitCode]), [[true, 1]]);
  });

  it('the README sample letter: each defect at its line, in text and JSON alike', async () => {
    const sample = path.join(ROOT, 'test', 'cli', 'fixtures', 'sample-letter.txt');
    const [text, json] = await Promise.all([runCli([sample], { cwd: ROOT }), runCli(['--format', 'json', sample], { cwd: ROOT })]);
    assert.deepEqual(
      text.stdout.split('\n').filter((l) => l.startsWith('test/')).map((l) => l.replace(/^(\S+:\d+):\d+ (\w+) .* \[(.+)\]$/, '$1 $2 $3')),
      [
        'test/cli/fixtures/sample-letter.txt:41 warning decision-contradicts-rationale',
        'test/cli/fixtures/sample-letter.txt:42 information claims-administrator-uncited',
        'test/cli/fixtures/sample-letter.txt:48 error missing-decision',
        'test/cli/fixtures/sample-letter.txt:50 warning missing-guideline',
      ],
    );
    assert.equal(text.code, 1);
    const [file] = (JSON.parse(json.stdout) as JsonReport).files;
    assert.deepEqual(file.items.map((i) => [i.name, i.decision]), [
      ['Norco 10/325mg #120', 'Upheld'],
      ['Physical therapy 2 x 6 for the lumbar spine', 'Overturned'],
      ['Lumbar support brace', null],
    ]);
    assert.deepEqual(file.diagnostics.map((d) => d.item), [1, 1, 2, 2]);
  });

  it('main() runs in-process with any streams and returns the exit code', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const chunks: Buffer[] = [];
    stdout.on('data', (c: Buffer) => chunks.push(c));
    stderr.resume();
    const code = await main(['--format', 'json', 'b/faulty.txt'], { stdout, stderr, stdin: new PassThrough(), cwd: dir });
    assert.equal(code, 1);
    const report = JSON.parse(Buffer.concat(chunks).toString('utf8')) as JsonReport;
    assert.deepEqual(report.files.map((f) => f.diagnostics.length), [2]);
  });

  it('--help and --version print to stdout and exit 0 (the built program finds its package.json)', async () => {
    const help = await runCliProcess(['--help'], { cwd: dir });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: imr-lint \[options\] <files or folders\.\.\.>/);
    for (const flag of ['--format', '--stdin', '--stdin-filename', '--max-warnings', '--rule', '--config']) assert.ok(help.stdout.includes(flag), flag);
    const version = await runCliProcess(['--version'], { cwd: dir });
    assert.equal(version.code, 0);
    assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    assertNoStackTrace(help.stderr + version.stderr);
  });
});

function assertRange(range: { start: { line: number; character: number }; end: { line: number; character: number } }): void {
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0, JSON.stringify(range));
  }
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface SarifLog {
  version: string;
  runs: Array<{
    tool: {
      driver: {
        name: string;
        version: string;
        rules: Array<{
          id: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string; markdown: string };
          defaultConfiguration: { level: string };
        }>;
      };
    };
    columnKind: string;
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }>;
    }>;
    invocations: Array<{ executionSuccessful: boolean; exitCode: number }>;
  }>;
}
