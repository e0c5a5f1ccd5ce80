// The engine is pure: it imports nothing from LSP, vscode, the file system or the process.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/paths';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Asserts that every file under `folder` imports only modules under one of `allowed`, and never touches process or console. */
function assertImportsOnly(folder: string, allowed: readonly string[]): void {
  const files = sources(join(repoRoot, 'server', 'src', folder));
  assert.ok(files.length > 0, `no sources under server/src/${folder}`);
  const roots = allowed.map((a) => join(repoRoot, 'server', 'src', a));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bfrom\s+'([^']+)'|\brequire\(\s*'([^']+)'\s*\)/g)) {
      const spec = m[1] ?? m[2];
      const target = spec.startsWith('.') ? resolve(dirname(file), spec) : null;
      const inside = target !== null && roots.some((root) => !relative(root, target).startsWith('..'));
      assert.ok(inside, `${relative(repoRoot, file)} imports ${spec}`);
    }
    assert.doesNotMatch(text, /\bprocess\.|\bconsole\./, `${file} touches process or console`);
  }
}

test('the engine imports only its own modules and the shared module', () => {
  assert.ok(sources(join(repoRoot, 'server', 'src', 'engine')).length > 10);
  assertImportsOnly('engine', ['engine', 'shared']);
});

test('the shared module imports only itself, so the client may import it', () => {
  assertImportsOnly('shared', ['shared']);
});
