// Where a rule's documentation lives on disk: docs/rules/<id>.md under the package root
// (server/src/packageInfo.ts finds it).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocPath } from '../engine';
import { packageInfo } from '../packageInfo';

function packageRoot(): string {
  return packageInfo().root ?? join(__dirname, '..');
}

const hrefs = new Map<string, string>();

/**
 * The `codeDescription.href` of a rule's diagnostics: the engine's doc path under the package
 * root. Kept per rule id: every diagnostic published asks, and building the URL resolves the path.
 */
export function ruleDocHref(ruleId: string): string {
  let href = hrefs.get(ruleId);
  if (href === undefined) {
    href = pathToFileURL(join(packageRoot(), ruleDocPath(ruleId))).href;
    // Bounded: a hover asks for the code a client sends, which need not be a rule's.
    if (hrefs.size < 1000) hrefs.set(ruleId, href);
  }
  return href;
}
