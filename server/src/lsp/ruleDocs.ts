// Where a rule's documentation lives on disk: docs/rules/<id>.md under the package root. The
// bundle runs from dist/ (or, in tests of compiled sources, from out/...), so the root is the
// nearest folder above this file that holds package.json.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root === undefined) {
    let dir = __dirname;
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    root = existsSync(join(dir, 'package.json')) ? dir : join(__dirname, '..');
  }
  return root;
}

export function ruleDocPath(ruleId: string): string {
  return join(packageRoot(), 'docs', 'rules', `${ruleId}.md`);
}

/** The `codeDescription.href` of a rule's diagnostics. */
export function ruleDocHref(ruleId: string): string {
  return pathToFileURL(ruleDocPath(ruleId)).href;
}
