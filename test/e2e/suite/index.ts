// Entry point of the extension test suite: VS Code's extension host (desktop via
// @vscode/test-electron, or code-server's) requires this file and awaits run(). In code-server the
// outcome cannot travel back to the process that started the browser, so run() also writes it to
// a JSON file: $IMR_E2E_RESULTS, else test-results/e2e-results.json under the repo root.
import Mocha from 'mocha';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface E2eResults {
  passed: number;
  failed: number;
  /** The tests that passed and how long each took, so a runner can check what ran, not only how many. */
  passes: { title: string; ms: number }[];
  failures: { title: string; error: string }[];
  /** What the suite measured inside the extension host (e.g. the extension's activation time). */
  measurements: Record<string, number>;
  finishedAt: string;
}

/** Shared with the tests: they record figures here (see measurements above). */
export const measurements: Record<string, number> = {};

const repoRoot = resolve(__dirname, '../../../..');

export function resultsPath(): string {
  return process.env.IMR_E2E_RESULTS || join(repoRoot, 'test-results/e2e-results.json');
}

export async function run(): Promise<void> {
  const results: E2eResults = { passed: 0, failed: 0, passes: [], failures: [], measurements, finishedAt: '' };
  const fail = (title: string, error: unknown) => {
    results.failed++;
    results.failures.push({ title, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  };
  try {
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000 });
    mocha.addFile(join(__dirname, 'letters.e2e.js'));
    await new Promise<void>((done) => {
      const runner = mocha.run(() => done());
      runner.on('pass', (test) => {
        results.passed++;
        results.passes.push({ title: test.fullTitle(), ms: test.duration ?? 0 });
      });
      runner.on('fail', (test, error: unknown) => fail(test.fullTitle(), error));
    });
  } catch (error) {
    // The suite did not load (e.g. a syntax error, or mocha missing): still report it.
    fail('loading the extension test suite', error);
  }
  results.finishedAt = new Date().toISOString();
  const path = resultsPath();
  mkdirSync(dirname(path), { recursive: true });
  // Written whole, then renamed: a poller never reads half a file.
  writeFileSync(`${path}.tmp`, JSON.stringify(results, null, 2));
  renameSync(`${path}.tmp`, path);
  if (results.failed > 0) throw new Error(`${results.failed} extension test(s) failed: ${results.failures.map((f) => f.title).join('; ')}`);
}
