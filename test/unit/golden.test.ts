// Golden fixtures: each test/fixtures/<name>.txt beside the <name>.json the engine must produce.
// UPDATE_GOLDEN=1 rewrites the .json files; read the diff before committing it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lint } from '../../server/src/engine';
import { repoRoot } from '../support/paths';

const dir = join(repoRoot, 'test', 'fixtures');
const update = process.env.UPDATE_GOLDEN === '1';
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

test('there is a fixture for every extraction case and rule', () => {
  assert.ok(fixtures.length >= 20, `only ${fixtures.length} fixtures`);
});

for (const name of fixtures) {
  test(`golden: ${name}`, () => {
    const text = readFileSync(join(dir, name), 'utf8');
    const actual: unknown = JSON.parse(JSON.stringify(lint(text)));
    const expectedPath = join(dir, name.replace(/\.txt$/, '.json'));
    if (update || !existsSync(expectedPath)) {
      writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n');
      if (!update) assert.fail(`${expectedPath} was missing and has been written: review it and run again`);
      return;
    }
    assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
}
