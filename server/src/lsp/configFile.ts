// The rules of the nearest .imr-lint.json, found upward from a letter's folder exactly as imr-lint
// finds it (the CLI's config module), so that a letter has the same problems in the editor and in
// imr-lint. The editor's imr.rules setting goes on top, as --rule flags do in the CLI. A broken
// config file counts as absent here (the CLI reports it; the editor keeps checking).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigFinder } from '../cli/config';
import { ruleById, type RuleSettings } from '../engine';
import type { ImrSettings } from './protocol';

export class ConfigRules {
  private finder = new ConfigFinder((id) => ruleById(id) !== undefined);

  /** A config file was created, changed or deleted: look again. */
  reset(): void {
    this.finder = new ConfigFinder((id) => ruleById(id) !== undefined);
  }

  /** The rules of the config file that applies to a file: URI ({} for other URIs or none). */
  async forUri(uri: string): Promise<RuleSettings> {
    const file = filePath(uri);
    if (file === null) return {};
    const result = await this.finder.forFolder(path.dirname(file));
    return result.ok && result.config ? result.config.rules : {};
  }

  /** The editor settings with the config file's rules under them. */
  async apply(uri: string, settings: ImrSettings): Promise<ImrSettings> {
    const fromFile = await this.forUri(uri);
    if (Object.keys(fromFile).length === 0) return settings;
    return { ...settings, rules: { ...fromFile, ...settings.rules } as ImrSettings['rules'] };
  }
}

export function filePath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
