// The TextMate grammar, checked with vscode-tmgrammar-test (the vscode-textmate engine and the
// Oniguruma regex library VS Code itself uses) against the `^^^ scope` assertions in
// test/grammar/*.imr. Also proves the runner can fail, and that every scope has an assertion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const grammarPath = 'syntaxes/imr.tmLanguage.json';
const runner = join(root, 'node_modules/.bin/vscode-tmgrammar-test');
const samplesDir = join(root, 'test/grammar');

function runGrammarTests(glob: string): { status: number | null; output: string } {
  // No shell: the runner expands the glob itself. --compact gives one line per failure.
  const result = spawnSync(runner, ['--compact', '-g', grammarPath, glob], { cwd: root, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const sampleFiles = readdirSync(samplesDir).filter((name) => name.endsWith('.imr'));

test('the sample letters exist', () => {
  assert.ok(sampleFiles.length >= 2, `expected .imr samples in ${samplesDir}, found ${sampleFiles.join(', ')}`);
});

test('every assertion in test/grammar/*.imr holds', () => {
  const { status, output } = runGrammarTests('test/grammar/*.imr');
  assert.equal(status, 0, output);
  for (const name of sampleFiles) assert.match(output, new RegExp(`${name.replace('.', '\\.')} run successfuly`), output);
});

test('a wrong assertion makes the run fail', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imr-grammar-'));
  try {
    writeFileSync(
      join(dir, 'wrong.imr'),
      [
        '# SYNTAX TEST "source.imr" "deliberately wrong"',
        'Tizanidine 4 mg #60: Upheld',
        '#                    ^^^^^^ markup.inserted.decision.overturned.imr',
        '# <---------- - entity.name.function.item.imr',
        '',
      ].join('\n'),
    );
    const { status, output } = runGrammarTests(join(dir, '*.imr'));
    assert.notEqual(status, 0, output);
    assert.match(output, /markup\.inserted\.decision\.overturned\.imr/, output);
    assert.match(output, /Prohibited scopes: \[ entity\.name\.function\.item\.imr \]/, output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Every `name` the grammar gives a token, including capture names. */
function grammarScopes(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const child of node) grammarScopes(child, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      // A name may push several scopes ("entity.name.section.imr strong.imr").
      if (key === 'name' && typeof value === 'string') for (const scope of value.split(/\s+/)) found.add(scope);
      else grammarScopes(value, found);
    }
  }
  return found;
}

test('every scope of the grammar is asserted by some sample line', () => {
  const grammar: unknown = JSON.parse(readFileSync(join(root, grammarPath), 'utf8'));
  const scopes = grammarScopes((grammar as { repository: unknown }).repository);
  assert.ok(scopes.size >= 10, `only ${scopes.size} scopes found`);
  const asserted = new Set<string>();
  for (const name of sampleFiles) {
    for (const line of readFileSync(join(samplesDir, name), 'utf8').split('\n')) {
      // Positive assertions only: `# ^^^ a b` or `# <--- a b`, up to an optional ` - excluded`.
      const body = line.startsWith('#') ? line.slice(1).trimStart() : '';
      const listed = body.startsWith('^') ? body.replace(/^[\s^]+/, '') : body.startsWith('<') ? body.replace(/^<~*-+/, '') : undefined;
      if (listed === undefined) continue;
      for (const scope of ` ${listed}`.split(' - ')[0].split(/\s+/)) if (scope) asserted.add(scope);
    }
  }
  const missing = [...scopes].filter((scope) => !asserted.has(scope));
  assert.deepEqual(missing, [], `scopes without a positive assertion in test/grammar/*.imr: ${missing.join(', ')}`);
});

// Section headings are ordinary letter text, not a problem: VS Code's Light+, Light Modern and
// Light (Visual Studio) themes paint markup.heading bold #800000 and markup.deleted #a31515, an
// error-like red, and the bundled themes give markup.bold a colour of its own (Kimbie Dark #f06431).
// meta.* is uncoloured in every bundled theme, and strong is bold with no colour (ARCHITECTURE.md).
test('section headings use scopes no bundled theme paints red', () => {
  const grammar = JSON.parse(readFileSync(join(root, grammarPath), 'utf8')) as {
    repository: { heading: { name: string; captures: Record<string, { name: string }> } };
  };
  const heading = grammar.repository.heading;
  const names = [heading.name, ...Object.values(heading.captures).map((capture) => capture.name)].flatMap((name) => name.split(/\s+/));
  assert.deepEqual(names, ['meta.heading.section.imr', 'entity.name.section.imr', 'strong.imr']);
  const painted = names.filter((scope) => /^(?:markup\.(?:heading|bold|deleted|inserted)|invalid|entity\.name\.tag)(?:\.|$)/.test(scope));
  assert.deepEqual(painted, [], `heading scopes that a bundled theme colours: ${painted.join(', ')}`);
});

test('package.json contributes this grammar for the imr language', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    contributes: { grammars: Array<{ language: string; scopeName: string; path: string }> };
  };
  const grammar = JSON.parse(readFileSync(join(root, grammarPath), 'utf8')) as { scopeName: string };
  assert.deepEqual(pkg.contributes.grammars, [{ language: 'imr', scopeName: grammar.scopeName, path: `./${grammarPath}` }]);
});
