// code-server (VS Code in the browser) and headless Debian Chromium for test/editors/vscode.test.ts.
// Both start detached, in process groups of their own, so that stop() ends everything they
// spawned (code-server's extension hosts and language servers, Chromium's renderers).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { killGroup, repoRoot, run } from './harness';

export const codeServerBin = join(repoRoot, '.cache/code-server/node_modules/.bin/code-server');
export const CHROMIUM = '/usr/bin/chromium';

export function requireCodeServer(): string {
  if (!existsSync(codeServerBin)) {
    throw new Error(`code-server is not installed at ${codeServerBin}: run .ci/install-editors.sh then .ci/install-code-server.sh`);
  }
  return codeServerBin;
}

export function requireChromium(): string {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run .ci/install-editors.sh`);
  return CHROMIUM;
}

/** A port free on 127.0.0.1 right now (code-server cannot report the one it picked). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Sandbox {
  /** HOME for code-server and Chromium: nothing of the machine's user leaks in. */
  home: string;
  userDataDir: string;
  extensionsDir: string;
  workspace: string;
  logDir: string;
}

/** The settings a fresh user would have, minus the prompts and network calls that get in the way of a test. */
export function writeUserSettings(sandbox: Sandbox): void {
  const settingsDir = join(sandbox.userDataDir, 'User');
  mkdirSync(settingsDir, { recursive: true });
  writeFileSync(
    join(settingsDir, 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'git.enabled': false,
      },
      null,
      2,
    ),
  );
}

function env(sandbox: Sandbox): NodeJS.ProcessEnv {
  return { ...process.env, HOME: sandbox.home, XDG_CONFIG_HOME: join(sandbox.home, '.config'), XDG_DATA_HOME: join(sandbox.home, '.local/share') };
}

export async function installExtension(sandbox: Sandbox, vsix: string): Promise<void> {
  const res = await run(requireCodeServer(), ['--install-extension', vsix, '--extensions-dir', sandbox.extensionsDir, '--user-data-dir', sandbox.userDataDir], {
    env: env(sandbox),
    timeoutMs: 120_000,
  });
  if (res.code !== 0 || !/successfully installed/i.test(res.stdout)) {
    throw new Error(`code-server --install-extension failed (exit ${res.code}): ${res.stdout.slice(-1500)} ${res.stderr.slice(-1500)}`);
  }
}

export interface RunningProcess {
  pid: number;
  stop(): void;
}

export interface CodeServer extends RunningProcess {
  port: number;
  origin: string;
}

function startDetached(command: string, args: string[], environment: NodeJS.ProcessEnv, logPath: string): ChildProcess {
  const log = createWriteStream(logPath);
  const child = spawn(command, args, { env: environment, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

/** Waits until `url` answers 200, or throws after `timeoutMs`. */
async function waitForHttp(url: string, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`the process serving ${url} exited`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${last})`);
}

export async function startCodeServer(sandbox: Sandbox, extraEnv: NodeJS.ProcessEnv = {}): Promise<CodeServer> {
  const port = await freePort();
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', sandbox.userDataDir,
    '--extensions-dir', sandbox.extensionsDir,
    sandbox.workspace,
  ];
  const child = startDetached(requireCodeServer(), args, { ...env(sandbox), ...extraEnv }, join(sandbox.logDir, 'code-server.log'));
  const pid = child.pid;
  if (!pid) throw new Error('code-server did not start');
  let exited = false;
  child.once('exit', () => (exited = true));
  const server = { pid, port, origin: `http://127.0.0.1:${port}`, stop: () => killGroup(pid) };
  try {
    await waitForHttp(`${server.origin}/healthz`, 60_000, () => !exited);
  } catch (error) {
    server.stop();
    throw new Error(`code-server did not come up (log: ${join(sandbox.logDir, 'code-server.log')}): ${error instanceof Error ? error.message : String(error)}`);
  }
  return server;
}

export interface Chromium extends RunningProcess {
  /** The DevTools WebSocket to hand to playwright-core's connectOverCDP. */
  wsEndpoint: string;
}

/**
 * Debian's Chromium, headless. playwright-core drives it over CDP rather than launching it:
 * playwright-core 1.65 expects a newer Chromium than Debian's for launch(), and this way the test
 * holds the browser's process group.
 */
export async function startChromium(sandbox: Sandbox, width = 1400, height = 900): Promise<Chromium> {
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-dev-shm-usage',
    '--remote-debugging-address=127.0.0.1',
    '--remote-debugging-port=0',
    `--user-data-dir=${join(sandbox.home, 'chromium')}`,
    `--window-size=${width},${height}`,
    'about:blank',
  ];
  const child = spawn(requireChromium(), args, { env: env(sandbox), detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const pid = child.pid;
  if (!pid) throw new Error('chromium did not start');
  const log = createWriteStream(join(sandbox.logDir, 'chromium.log'));
  const wsEndpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`chromium printed no DevTools endpoint within 30 s: ${seen.slice(-1000)}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`chromium exited with ${code}: ${seen.slice(-1000)}`));
    });
  }).catch((error: unknown) => {
    killGroup(pid);
    throw error;
  });
  return { pid, wsEndpoint, stop: () => killGroup(pid) };
}

/**
 * The workbench URL that loads an extension from `extensionPath` in development mode and runs
 * the tests at `testsPath` in the extension host (VS Code's extension test payload). Both paths
 * are on the code-server machine, named by vscode-remote URIs.
 */
export function testPayloadUrl(server: CodeServer, workspace: string, extensionPath: string, testsPath: string): string {
  const remote = (path: string) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
  ];
  return `${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
