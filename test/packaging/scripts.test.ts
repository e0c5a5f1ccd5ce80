// Issue 13, the scripts: `npm start` must not serve code-server without authentication (any local
// user would get a terminal as the user who started it), and the code-server install must not
// write into a predictable path under the shared temp folder.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(__dirname, '..', '..', '..');

test('npm start serves code-server with a fresh password, printed with the address', () => {
  const start = readFileSync(join(ROOT, 'scripts', 'start.mjs'), 'utf8');
  assert.doesNotMatch(start, /'--auth',\s*'none'/, 'no --auth none');
  assert.match(start, /'--auth',\s*'password'/);
  assert.match(start, /const password = randomBytes\(\d+\)/, 'a random password per run');
  assert.match(start, /PASSWORD: password/, 'handed to code-server through PASSWORD');
  assert.match(start, /\$\{url\}[\s\S]{0,200}\$\{password\}/, 'printed with the address');
});

test('the code-server install keeps the ripgrep cache in a private temp folder', () => {
  const install = readFileSync(join(ROOT, '.ci', 'install-code-server.sh'), 'utf8');
  assert.match(install, /PRIVATE_TMP=\$\(mktemp -d\)/);
  assert.match(install, /export TMPDIR=\$PRIVATE_TMP/);
  assert.match(install, /trap 'rm -rf "\$PRIVATE_TMP"' EXIT/);
  assert.doesNotMatch(install, /TMPDIR:-\/tmp/, 'no predictable /tmp path');
});
