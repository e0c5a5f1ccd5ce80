// Where tests find the repository and the shared letters, wherever tsc put the compiled test.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (tests run from out/test/<area>/, sources live in test/<area>/). */
export const repoRoot = resolve(__dirname, '..', '..', existsSync(resolve(__dirname, '..', '..', 'package.json')) ? '' : '..');

/** ../shared beside the repository, or IMR_SHARED. */
export const sharedDir = process.env.IMR_SHARED ?? resolve(repoRoot, '..', 'shared');

/** Fails the calling test with a clear message when ../shared is absent. */
export function requireShared(sub: string): string {
  const dir = join(sharedDir, sub);
  if (!existsSync(dir)) {
    throw new Error(`${dir} is missing: these tests read the real letters from ../shared beside the repository (or set IMR_SHARED).`);
  }
  return dir;
}

export interface ManifestRow {
  file: string;
  case: string;
  items: number;
  upheld: number;
  overturned: number;
}

/** The corpus manifest: one row per letter with its item and decision counts. */
export function readManifest(): ManifestRow[] {
  const dir = requireShared('corpus');
  const [header, ...rows] = readFileSync(join(dir, 'manifest.csv'), 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  const at = (name: string): number => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`manifest.csv has no "${name}" column`);
    return i;
  };
  const [file, kase, items, upheld, overturned] = ['file', 'case', 'items', 'upheld', 'overturned'].map(at);
  return rows.map((r) => {
    const v = r.split(',');
    return { file: v[file], case: v[kase], items: +v[items], upheld: +v[upheld], overturned: +v[overturned] };
  });
}
