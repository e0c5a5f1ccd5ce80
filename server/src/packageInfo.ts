// The one place that finds this package on disk: its root (the nearest folder above the running
// file whose package.json is named imr-letters), version and homepage. The running file is
// dist/*.js in the bundles, out/server/src/ under tests, out/scripts/ for the docs generator.
// Used by the CLI (--version, SARIF), the server (serverInfo, rule doc links) and gen-docs; it
// reads the file system, so neither the engine nor the client may import it.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const PACKAGE_NAME = 'imr-letters';

export interface PackageInfo {
  /** The folder of the package.json, or null when none is found (a file copied out of its package). */
  root: string | null;
  version: string;
  /** An absolute URL, or null: SARIF wants no relative informationUri. */
  homepage: string | null;
}

let cached: PackageInfo | undefined;

/** Read once per process (from `from`, this file's folder unless a caller says otherwise). */
export function packageInfo(from: string = __dirname): PackageInfo {
  if (cached) return cached;
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown; homepage?: unknown };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') {
        const homepage = typeof pkg.homepage === 'string' && /^https?:\/\//.test(pkg.homepage) ? pkg.homepage : null;
        return (cached = { root: dir, version: pkg.version, homepage });
      }
    } catch {
      // no readable package.json here: keep looking upward
    }
    if (path.dirname(dir) === dir) return (cached = { root: null, version: '0.0.0', homepage: null });
  }
}
