// Runner 1 (`npm run test:vscode`): the extension test suite in desktop VS Code, downloaded by
// @vscode/test-electron. Needs a machine that can download VS Code; on the project's CI machines
// (npm registry and Debian only) the same suite runs in code-server instead:
// test/editors/vscode.test.ts.
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Mocha 12 (the suite's runner) is an ES module loaded with require(), which needs Node >= 20.19;
// VS Code 1.101 is the first whose Electron (35) ships such a Node (22.15). The extension itself
// supports ^1.100.0.
const VSCODE_VERSION = process.env.IMR_VSCODE_VERSION || '1.101.0';

async function main(): Promise<number> {
  const repoRoot = resolve(__dirname, '../../..');
  const temp = mkdtempSync(join(tmpdir(), 'imr-vscode-'));
  const workspace = join(temp, 'workspace');
  const resultsPath = join(repoRoot, 'test-results/e2e-results-electron.json');
  cpSync(join(repoRoot, 'test/editors/fixtures'), workspace, { recursive: true });
  rmSync(resultsPath, { force: true });
  try {
    await runTests({
      version: VSCODE_VERSION,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out/test/e2e/suite/index.js'),
      extensionTestsEnv: { IMR_E2E_RESULTS: resultsPath },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${join(temp, 'user-data')}`],
    });
    const results = JSON.parse(readFileSync(resultsPath, 'utf8')) as { passed: number; failed: number };
    console.log(`${results.passed} passed, ${results.failed} failed`);
    return results.failed === 0 && results.passed > 0 ? 0 : 1;
  } catch (error) {
    console.error(`the extension tests failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

void main().then((code) => process.exit(code));
