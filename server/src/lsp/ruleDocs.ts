// Where a rule's documentation lives on disk: docs/rules/<id>.md under the package root
// (server/src/packageInfo.ts finds it).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocPath } from '../engine';
import { packageInfo } from '../packageInfo';

function packageRoot(): string {
  return packageInfo().root ?? join(__dirname, '..');
}

/** The `codeDescription.href` of a rule's diagnostics: the engine's doc path under the package root. */
export function ruleDocHref(ruleId: string): string {
  return pathToFileURL(join(packageRoot(), ruleDocPath(ruleId))).href;
}
