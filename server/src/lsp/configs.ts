// `.imr-lint.json` in the editor, found exactly as the CLI finds it (config/discovery.ts), with
// the workspace folder that holds the letter as the boundary (a letter in no workspace folder:
// its own folder only). `imr.rules` goes on top, as `--rule` does in the CLI. A broken config is
// said once (window/showMessage) and the letter is linted without it. Answers are cached per
// folder until a config file changes (workspace/didChangeWatchedFiles) or the settings do.
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { ConfigFinder, isInside, type ConfigFile } from '../config/discovery';
import type { Log } from './log';
import type { ImrSettings } from './protocol';

export class LetterConfigs {
  private readonly finder = new ConfigFinder();
  private folders: string[] = [];
  private readonly reported = new Set<string>();

  constructor(
    private readonly log: Log,
    private readonly warnUser: (message: string) => void,
  ) {}

  /** The workspace folders (URIs), from initialize and workspace/didChangeWorkspaceFolders. */
  setFolders(uris: readonly string[]): void {
    this.folders = uris.flatMap((uri) => {
      const folder = toPath(uri);
      return folder ? [folder] : [];
    });
    this.changed();
  }

  /** A config file may have changed: look again next time. */
  changed(): void {
    this.finder.clear();
    this.reported.clear();
  }

  /** The config file that applies to a document, or null (not a file, none found, or broken). */
  async configFor(uri: string): Promise<ConfigFile | null> {
    const file = toPath(uri);
    if (!file) return null;
    const folder = path.dirname(file);
    // The innermost workspace folder holding the letter is the boundary.
    const boundary = this.folders.filter((f) => isInside(folder, f)).sort((a, b) => b.length - a.length)[0] ?? folder;
    const result = await this.finder.forFolder(folder, boundary);
    if (result.ok) return result.config;
    if (!this.reported.has(result.error.path)) {
      this.reported.add(result.error.path);
      this.log.warn(`config ${this.log.doc(result.error.path)}: ${result.error.message}`);
      this.warnUser(`${result.error.path}: ${result.error.message}. Letters under it are checked without it (imr-lint does not check them).`);
    }
    return null;
  }

  /** The settings with the config's rules under `imr.rules`. */
  async apply(uri: string, settings: ImrSettings): Promise<{ settings: ImrSettings; config: string | null }> {
    const config = await this.configFor(uri);
    if (!config) return { settings, config: null };
    const rules: ImrSettings['rules'] = {};
    for (const [id, severity] of Object.entries(config.rules)) if (severity) rules[id] = severity;
    return { settings: { ...settings, rules: { ...rules, ...settings.rules } }, config: config.path };
  }
}

function toPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
