// Where a rule's documentation lives on disk: docs/rules/<id>.md under the package root. The
// bundle runs from dist/ (or, in tests of compiled sources, from out/...), so the root is the
// nearest folder above this file that holds package.json.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocPath } from '../engine';

let root: string | undefined;

export function packageRoot(): string {
  if (root === undefined) {
    let dir = __dirname;
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    root = existsSync(join(dir, 'package.json')) ? dir : join(__dirname, '..');
  }
  return root;
}

/** The `codeDescription.href` of a rule's diagnostics: the engine's doc path under the package root. */
export function ruleDocHref(ruleId: string): string {
  return pathToFileURL(join(packageRoot(), ruleDocPath(ruleId))).href;
}
