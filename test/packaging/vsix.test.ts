// Builds the .vsix with the real `vsce package` (as `npm run package` does, into a temp folder)
// and checks what it holds: the manifest, the two bundles, grammar, language configuration, rule
// docs, README and LICENSE; no sources, tests, maps or node_modules; and bundles that need no
// module the package does not ship.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { rules, ruleDocPath } from '../../server/src/engine';
import { readZip, type ZipEntry } from './zip';
import { SERVER_NODE_FLAGS } from '../../server/src/shared/protocol';

const root = resolve(__dirname, '../../..');
let dir: string;
let entries: Map<string, ZipEntry>;
let zip: Buffer;

before(() => {
  for (const bundle of ['dist/extension.js', 'dist/server.js']) {
    assert.ok(existsSync(join(root, bundle)), `${bundle} is missing: run \`npm run build\` first`);
  }
  dir = mkdtempSync(join(tmpdir(), 'imr-vsix-'));
  const out = join(dir, 'imr-letters-test.vsix');
  // The same flags as `npm run package` (package.json), so the test packages what users get.
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const flags = pkg.scripts.package.split('vsce package')[1]?.trim().split(/\s+/) ?? [];
  assert.ok(flags.includes('--no-dependencies'), `npm run package must pass --no-dependencies: ${pkg.scripts.package}`);
  const result = spawnSync(join(root, 'node_modules/.bin/vsce'), ['package', ...flags, '--out', out], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'], // vsce asks questions on a terminal; here it must not wait
  });
  assert.equal(result.status, 0, `vsce package failed:\n${result.stdout}\n${result.stderr}`);
  zip = readFileSync(out);
  entries = new Map(readZip(zip).map((entry) => [entry.name, entry]));
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function text(name: string): string {
  const entry = entries.get(name);
  assert.ok(entry, `${name} is not in the .vsix`);
  const data = zip.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  return (entry.method === 0 ? data : inflateRawSync(data)).toString('utf8');
}

test('the .vsix holds the manifest, bundles, grammar, language configuration, README and LICENSE', () => {
  const required = [
    'extension.vsixmanifest',
    'extension/package.json',
    'extension/readme.md', // vsce lower-cases the README's name
    'extension/LICENSE.txt', // vsce ships LICENSE under this name
    'extension/dist/extension.js',
    'extension/dist/server.js',
    'extension/dist/pdf-worker.js',
    'extension/dist/THIRD-PARTY-NOTICES.txt',
    'extension/syntaxes/imr.tmLanguage.json',
    'extension/language-configuration.json',
    'extension/media/imr-letters.svg', // the IMR Letters view's activity bar icon
  ];
  const missing = required.filter((name) => !entries.has(name));
  assert.deepEqual(missing, [], 'missing from the .vsix (the bundles come from npm run build, the rest from the repo)');
  assert.match(text('extension/readme.md'), /imr-lint/, 'the shipped README is the project README');
});

test('the third-party notices name every bundled package with its licence text, pdf.js among them', () => {
  const notices = text('extension/dist/THIRD-PARTY-NOTICES.txt');
  assert.match(notices, /^pdfjs-dist 5\.6\.205 \(Apache-2\.0\)\n-+\n[\s\S]*Apache License[\s\S]*Version 2\.0/m);
  assert.match(notices, /^vscode-languageclient \S+ \(MIT\)$/m);
  assert.match(notices, /^vscode-languageserver \S+ \(MIT\)$/m);
});

test('every rule doc that diagnostics link to is shipped', () => {
  assert.ok(rules.length >= 10);
  const missing = rules.map((rule) => `extension/${ruleDocPath(rule.id)}`).filter((name) => !entries.has(name));
  assert.deepEqual(missing, []);
});

test('no sources, tests, maps, node_modules or build output other than the bundles', () => {
  const allowed = [
    /^extension\.vsixmanifest$/,
    /^\[Content_Types\]\.xml$/,
    /^extension\/(?:package\.json|readme\.md|LICENSE\.txt|language-configuration\.json)$/,
    /^extension\/dist\/(?:extension|server|pdf-worker)\.js$/,
    /^extension\/dist\/THIRD-PARTY-NOTICES\.txt$/,
    /^extension\/syntaxes\/imr\.tmLanguage\.json$/,
    /^extension\/media\/imr-letters\.svg$/,
    /^extension\/docs\/rules\/[\w-]+\.md$/,
    /^extension\/images\/(?:icon\.png|imr-file\.svg)$/,
  ];
  const unexpected = [...entries.keys()].filter((name) => !allowed.some((re) => re.test(name)));
  assert.deepEqual(unexpected, []);
  // The allow-list is the real check; these say plainly what must never ship.
  for (const name of entries.keys()) {
    assert.doesNotMatch(name, /(?:^|\/)(?:node_modules|src|test|out|samples|scripts|bench|\.ci|\.cache)\//, name);
    assert.doesNotMatch(name, /\.(?:ts|map|vsix)$/, name);
  }
});

test('the manifest points at files inside the package', () => {
  const manifest = JSON.parse(text('extension/package.json')) as {
    main: string;
    engines: { vscode: string };
    activationEvents: string[];
    contributes: {
      languages: Array<{ id: string; configuration: string; extensions: string[]; icon?: { light: string; dark: string } }>;
      grammars: Array<{ path: string; scopeName: string }>;
    };
  };
  const inPackage = (path: string): string => `extension/${path.replace(/^\.\//, '')}`;
  assert.ok(entries.has(inPackage(manifest.main)), `main ${manifest.main} is not packaged`);
  for (const language of manifest.contributes.languages) assert.ok(entries.has(inPackage(language.configuration)), language.configuration);
  // The extension's icon and the .imr file icon ship with it.
  assert.ok(entries.has(inPackage((manifest as unknown as { icon: string }).icon)), 'the extension icon is not packaged');
  const fileIcon = manifest.contributes.languages[0].icon;
  assert.ok(fileIcon && entries.has(inPackage(fileIcon.light)) && entries.has(inPackage(fileIcon.dark)), 'the .imr file icon is not packaged');
  for (const grammar of manifest.contributes.grammars) assert.ok(entries.has(inPackage(grammar.path)), grammar.path);
  assert.deepEqual(manifest.activationEvents, ['onLanguage:imr', 'onLanguage:plaintext', 'workspaceContains:**/*.imr', 'onView:imr.letters']);
  // code-server 4.100.3 is VS Code 1.100: a newer engine would refuse to install there.
  assert.match(manifest.engines.vscode, /^\^1\.(?:\d|[1-9]\d|100)\.\d+$/);
});

/** Module names a bundle loads with require("..."): only Node built-ins (and vscode) are available. */
function requiredModules(source: string): string[] {
  return [...new Set([...source.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))];
}

test('the bundles load nothing but Node built-ins (and vscode for the client)', () => {
  const builtin = new Set(builtinModules);
  const isBuiltin = (name: string): boolean => name.startsWith('node:') || builtin.has(name);
  const client = requiredModules(text('extension/dist/extension.js')).filter((name) => !isBuiltin(name));
  assert.deepEqual(client, ['vscode']);
  const server = requiredModules(text('extension/dist/server.js')).filter((name) => !isBuiltin(name));
  assert.deepEqual(server, []);
  // pdf.js's polyfills (core-js) build `require("' + name + '")` for Node built-ins; its optional
  // native canvas goes through createRequire(import.meta.url), which the build leaves undefined
  // (test/pdf/extract.test.ts reads PDFs with the worker bundle and no node_modules in reach).
  const worker = requiredModules(text('extension/dist/pdf-worker.js')).filter((name) => !isBuiltin(name));
  assert.deepEqual(worker, ["' + name + '"]);
});

test('the server launcher passes the same node flags as the VS Code client', () => {
  const shebang = readFileSync(join(root, 'bin', 'imr-language-server.js'), 'utf8').split('\n')[0];
  assert.equal(shebang, `#!/usr/bin/env -S node ${SERVER_NODE_FLAGS.join(' ')}`);
  const result = spawnSync(join(root, 'bin', 'imr-language-server.js'), ['--version'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^imr-language-server \d+\.\d+\.\d+/);
});
