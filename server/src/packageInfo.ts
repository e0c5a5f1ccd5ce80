// The version (and homepage, when package.json has one) printed by --version and written into
// SARIF: read from the project's package.json, found upward from this file (dist/cli.js in the
// bundle, out/server/src/cli/ under tests).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const PACKAGE_NAME = 'imr-letters';

export interface PackageInfo {
  version: string;
  /** An absolute URL, or null: SARIF wants no relative informationUri. */
  homepage: string | null;
}

let cached: PackageInfo | undefined;

export function packageInfo(from: string = __dirname): PackageInfo {
  if (cached) return cached;
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown; homepage?: unknown };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') {
        const homepage = typeof pkg.homepage === 'string' && /^https?:\/\//.test(pkg.homepage) ? pkg.homepage : null;
        return (cached = { version: pkg.version, homepage });
      }
    } catch {
      // no readable package.json here: keep looking upward
    }
    if (path.dirname(dir) === dir) return (cached = { version: '0.0.0', homepage: null });
  }
}
