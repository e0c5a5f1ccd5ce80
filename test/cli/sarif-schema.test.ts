// SARIF output validated against the OASIS SARIF 2.1.0 JSON schema (the copy published in
// @microsoft/jest-sarif, pinned in devDependencies), in every shape the CLI writes.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv, { type ValidateFunction } from 'ajv';
import { CLEAN_LETTER, FAULTY_LETTER, ROOT, WARNING_LETTER, letterText, runCli, tempDir, writeTree } from './helpers';

const SCHEMA_FILE = path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

/**
 * The schema is written for JSON Schema draft-04; the keywords it uses mean the same in Ajv's
 * draft-07 mode once its `id` is spelled `$id`. Its patterns are plain ECMAScript regular
 * expressions (not Unicode mode), and its formats get strict checks here.
 */
function sarifValidator(): ValidateFunction {
  assert.ok(existsSync(SCHEMA_FILE), `SARIF schema missing at ${SCHEMA_FILE}: run npm ci (devDependency @microsoft/jest-sarif)`);
  const { id, $schema, ...schema } = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  assert.equal($schema, 'http://json-schema.org/draft-04/schema#');
  assert.match(String(schema.title), /SARIF\) Version 2\.1\.0/);
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    unicodeRegExp: false,
    formats: {
      uri: (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) && URL.canParse(s),
      'uri-reference': (s: string) => !/[\s<>"{}|\\^`]/.test(s) && URL.canParse(s, 'file:///base/'),
      'date-time': (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/.test(s),
      uuid: (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
    },
  });
  return ajv.compile({ ...schema, $id: String(id) });
}

describe('imr-lint --format sarif against the SARIF 2.1.0 schema', () => {
  let dir: string;
  let cleanup: () => void;
  let validate: ValidateFunction;
  before(() => {
    validate = sarifValidator();
    ({ dir, cleanup } = tempDir());
    writeTree(dir, {
      'work/faulty.txt': FAULTY_LETTER,
      'work/my letter #1 (copy).txt': WARNING_LETTER,
      'work/clean.imr': CLEAN_LETTER,
      'work/binary.txt': Buffer.from([0, 1, 2, 3, 0, 0]),
      'work/latin1.txt': Buffer.concat([Buffer.from(letterText([{ name: 'Brace' }])), Buffer.from([0xe9, 0x0a])]),
      'outside/far.txt': FAULTY_LETTER,
      'clean/only.txt': CLEAN_LETTER,
    });
    symlinkSync('gone.txt', path.join(dir, 'work', 'dangling.txt'));
  });
  after(() => cleanup());

  function assertValid(stdout: string): SarifLog {
    const log = JSON.parse(stdout) as SarifLog;
    const ok = validate(log);
    assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    return log;
  }

  it('results, notices, escaped file names and a file outside the working folder', async () => {
    const run = await runCli(['--format', 'sarif', '.', '../outside/far.txt', 'missing.txt'], { cwd: path.join(dir, 'work') });
    assert.equal(run.code, 2);
    const log = assertValid(run.stdout);
    const uris = new Set(log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris].sort(), [`file://${dir}/outside/far.txt`, 'faulty.txt', 'my%20letter%20%231%20(copy).txt'].sort());
    const invocation = log.runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(invocation.toolExecutionNotifications.map((n) => [n.level, n.message.text.split(':')[0]]), [
      ['error', 'dangling.txt'], // found while walking the folder
      ['error', 'missing.txt'],
      ['error', 'binary.txt'], // found while reading
      ['warning', 'latin1.txt'],
    ]);
  });

  it('a clean run: no results, still valid', async () => {
    const run = await runCli(['--format', 'sarif', 'clean'], { cwd: dir });
    assert.equal(run.code, 0);
    const log = assertValid(run.stdout);
    assert.deepEqual(log.runs[0].results, []);
    assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
  });

  it('standard input, with and without --stdin-filename', async () => {
    const bare = await runCli(['--format', 'sarif', '--stdin'], { cwd: dir, input: FAULTY_LETTER });
    const named = await runCli(['--format', 'sarif', '--stdin', '--stdin-filename', 'in/x.txt'], { cwd: dir, input: FAULTY_LETTER });
    assert.equal(assertValid(bare.stdout).runs[0].results.length, 2);
    assert.equal(assertValid(named.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'in/x.txt');
  });

  it('the validator rejects what the schema forbids (so a pass means something)', async () => {
    const run = await runCli(['--format', 'sarif', 'work/faulty.txt'], { cwd: dir });
    const log = assertValid(run.stdout);
    const broken = structuredClone(log) as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    broken.runs[0].results[0].level = 'fatal';
    assert.equal(validate(broken), false);
    const noVersion = { ...log, version: '2.0.0' };
    assert.equal(validate(noVersion), false);
  });
});

interface SarifLog {
  version: string;
  runs: Array<{
    results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string; message: { text: string } }> }>;
  }>;
}
