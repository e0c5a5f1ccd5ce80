// `npm start`: builds everything, then opens samples/ with the extension.
// - VS Code on PATH (`code`): an Extension Development Host running this checkout.
// - Otherwise: code-server (VS Code in the browser, installed by .ci/install-code-server.sh into
//   .cache/code-server) on 127.0.0.1 and a free port, with the extension installed from a freshly
//   packaged .vsix into a throw-away extensions folder; prints the address to open.
// Ctrl+C stops code-server's whole process group (its extension hosts would linger otherwise)
// and removes the temporary folders.
import { randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const samples = join(root, 'samples');
const codeServer = join(root, '.cache/code-server/node_modules/.bin/code-server');

function step(message) {
  console.log(`\n> ${message}`);
}

/** Runs a command to completion with its output shown; exits this script if it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`npm start: \`${[command, ...args].join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`})`);
    process.exit(1);
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once code-server answers its health check; rejects when it exits first or after the timeout. */
function waitUntilServing(port, child, timeoutMs) {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    child.once('exit', (code) => {
      exited = true;
      reject(new Error(`code-server exited (${code}) before it served`));
    });
    const poll = () => {
      if (exited) return;
      if (Date.now() > deadline) return reject(new Error(`code-server did not answer on port ${port} within ${timeoutMs / 1000} s`));
      const request = get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (response) => {
        response.resume();
        if (response.statusCode === 200) resolve();
        else setTimeout(poll, 250);
      });
      request.on('error', () => setTimeout(poll, 250));
      request.on('timeout', () => request.destroy());
    };
    poll();
  });
}

step('Building (node scripts/build.mjs)');
run(process.execPath, ['scripts/build.mjs']);

if (onPath('code')) {
  step(`Opening ${samples} in VS Code with this extension (Extension Development Host)`);
  run('code', [`--extensionDevelopmentPath=${root}`, samples]);
  process.exit(0);
}

if (!existsSync(codeServer)) {
  step('VS Code is not on PATH and code-server is not installed: installing code-server 4.100.3 (.ci/install-code-server.sh, about 75 s)');
  const install = spawnSync('bash', [join(root, '.ci/install-code-server.sh')], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) {
    console.error('npm start: installing code-server failed. It needs build tools, X11/krb5/secret headers and ripgrep;');
    console.error('as root, run .ci/install-editors.sh first, then npm start again.');
    process.exit(1);
  }
}

const temp = mkdtempSync(join(tmpdir(), 'imr-start-'));
const userData = join(temp, 'user-data');
const extensions = join(temp, 'extensions');
// code-server writes its config under HOME (and the XDG folders): keep the user's own untouched.
const home = join(temp, 'home');
const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share') };
mkdirSync(join(userData, 'User'), { recursive: true });
mkdirSync(env.HOME, { recursive: true });
writeFileSync(
  join(userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'workbench.startupEditor': 'none',
      // samples/ sits inside this repository: no prompt to open it in Source Control.
      'git.openRepositoryInParentFolders': 'never',
    },
    null,
    2,
  ),
);
let server;
let stopping = false;
// Also on failures that exit early (packaging, install): never leave the temp folder behind.
process.on('exit', () => rmSync(temp, { recursive: true, force: true }));

function signalGroup(signal) {
  try {
    process.kill(-server.pid, signal); // the whole group: code-server and its extension hosts
    return true;
  } catch {
    return false; // the group is gone
  }
}

/** Stops code-server's process group (SIGTERM, then SIGKILL after 5 s), removes the temp folder, exits. */
async function stop(reason, exitCode) {
  if (stopping) return;
  stopping = true;
  if (reason) console.log(`\nnpm start: ${reason}: stopping code-server`);
  if (server?.pid && signalGroup('SIGTERM')) {
    const exited = server.exitCode !== null || server.signalCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => server.once('exit', resolve));
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    // Extension hosts may outlive the server process: whatever is left of the group goes now.
    signalGroup('SIGKILL');
  }
  process.exit(exitCode);
}
process.on('SIGINT', () => void stop('Ctrl+C', 130));
process.on('SIGTERM', () => void stop('SIGTERM', 143));
process.on('SIGHUP', () => void stop('SIGHUP', 129));

// The same vsce flags as `npm run package`, so what runs here is what users install.
const packageScript = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.package;
const vsceFlags = packageScript.split('vsce package')[1].trim().split(/\s+/);
const vsix = join(temp, 'imr-letters.vsix');
step('Packaging the extension (vsce package)');
run(join(root, 'node_modules/.bin/vsce'), ['package', ...vsceFlags, '--out', vsix], { stdio: ['ignore', 'inherit', 'inherit'] });

step('Installing it into a temporary code-server extensions folder');
run(codeServer, ['--install-extension', vsix, '--extensions-dir', extensions, '--user-data-dir', userData], { env });

const port = await freePort();
// A fresh random password per run, printed with the address (code-server reads PASSWORD).
const password = randomBytes(18).toString('base64url');
const log = join(temp, 'code-server.log');
step(`Starting code-server on 127.0.0.1:${port} (log: ${log})`);
const logFd = openSync(log, 'a');
server = spawn(
  codeServer,
  [
    // Not --auth none: anyone on this machine could open it and get a terminal as this user.
    '--auth', 'password',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    samples,
  ],
  { cwd: root, env: { ...env, PASSWORD: password }, detached: true, stdio: ['ignore', logFd, logFd] },
);
server.on('exit', (code, signal) => {
  if (stopping) return;
  console.error(`npm start: code-server stopped (${signal ?? `exit ${code}`}); the end of its log:`);
  console.error(readFileSync(log, 'utf8').split('\n').slice(-20).join('\n'));
  void stop('', code || 1);
});

try {
  await waitUntilServing(port, server, 60_000);
} catch (error) {
  if (!stopping) {
    console.error(`npm start: ${error.message}`);
    await stop('', 1);
  }
}

const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(samples)}`;
console.log(`
IMR Letters is running in code-server (VS Code in the browser). Open:

  ${url}

and log in with the password (valid until Ctrl+C; it changes every run):

  ${password}

samples/ holds a clean letter, a letter with defects, a .txt letter that opens as an IMR letter
by its content, and a .txt note that stays plain text. Press Ctrl+C to stop.`);
