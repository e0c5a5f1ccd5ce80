// Shared by the real-editor tests: where things are, how to find an editor (a missing editor is a
// failure that names the install script, never a skip), and a bounded child-process runner.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repo root, from out/test/editors/ (tests run from tsc's output). */
export const repoRoot = resolve(__dirname, '../../..');
/** Sources beside the tests (lua/elisp scripts, fixture letters); tsc copies none of them to out/. */
export const editorsDir = join(repoRoot, 'test/editors');
export const fixturesDir = join(editorsDir, 'fixtures');
export const serverJs = join(repoRoot, 'dist/server.js');

/** Absolute path of `command` on PATH, or throws an error saying how to install it. */
export function requireCommand(command: string, installHint: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  if (found.status !== 0 || !path) {
    throw new Error(`${command} is not installed: run ${installHint} (the editor tests fail rather than skip without it)`);
  }
  return path;
}

export function requireServerBundle(): string {
  if (!existsSync(serverJs)) throw new Error(`${serverJs} is missing: run npm run build first`);
  return serverJs;
}

/** A temp folder holding a copy of the fixture letters, so no editor writes inside the repo. */
export function fixtureWorkspace(prefix: string): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(fixturesDir, dir, { recursive: true });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command in its own process group and kills the whole group if it outlives `timeoutMs`. */
export function run(command: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs: number }): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env: opts.env, cwd: opts.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => killGroup(child.pid), opts.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // The language server the editor started may outlive it; end the group either way.
      killGroup(child.pid);
      resolvePromise({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** SIGKILLs a detached child's whole process group; quiet when it is already gone. */
export function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
