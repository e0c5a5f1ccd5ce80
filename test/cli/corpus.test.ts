// The CLI over the real corpus (../shared/corpus/letters, read in place, never copied): its
// JSON item, Upheld and Overturned counts equal manifest.csv, letter by letter.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readManifest, requireShared } from '../support/paths';
import { ROOT, runCli, type JsonReport } from './helpers';

describe('imr-lint over the shared corpus', () => {
  it('item, Upheld and Overturned counts per letter equal manifest.csv', async (t) => {
    const CORPUS = requireShared('corpus');
    const manifest = readManifest().map((row) => ({ ...row, file: path.basename(row.file) }));
    const started = process.hrtime.bigint();
    const run = await runCli(['--format', 'json', path.join(CORPUS, 'letters')], { cwd: ROOT });
    t.diagnostic(`CLI wall time over ${manifest.length} letters: ${Number(process.hrtime.bigint() - started) / 1e6} ms`);
    assert.equal(run.stderr, '');
    assert.notEqual(run.code, 2);
    const report = JSON.parse(run.stdout) as JsonReport;
    const byName = new Map(report.files.map((f) => [path.basename(f.path), f]));
    assert.equal(report.files.length, manifest.length);

    const mismatches: string[] = [];
    for (const row of manifest) {
      const file = byName.get(row.file);
      if (!file) {
        mismatches.push(`${row.file}: not in the CLI's report`);
        continue;
      }
      const got = {
        items: file.items.length,
        upheld: file.items.filter((i) => i.decision === 'Upheld').length,
        overturned: file.items.filter((i) => i.decision === 'Overturned').length,
      };
      const want = { items: row.items, upheld: row.upheld, overturned: row.overturned };
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${row.file}: got ${JSON.stringify(got)}, manifest ${JSON.stringify(want)}`);
    }
    assert.deepEqual(mismatches, []);
    const total = (key: 'items' | 'upheld' | 'overturned'): number => manifest.reduce((sum, r) => sum + r[key], 0);
    assert.deepEqual(
      [total('items'), total('upheld'), total('overturned')],
      [report.files.reduce((n, f) => n + f.items.length, 0), ...(['Upheld', 'Overturned'] as const).map((d) => report.files.reduce((n, f) => n + f.items.filter((i) => i.decision === d).length, 0))],
    );
  });
});
