// Which `.imr-lint.json` applies to a letter: the ONE implementation, used by the CLI and the
// language server alike, so that both find the same file the same way (issue 13). It reads the
// file system, so it is not in the engine; the engine checks the file's text (parseConfig).
//
// A letter's config is the nearest `.imr-lint.json` in its folder or a folder above it, up to
// and including a boundary, never beyond: a config anyone could write higher up (a shared drive,
// /tmp) must not turn rules off unseen. The boundary is
// - in the editor, the workspace folder that holds the letter;
// - in the CLI, the nearest folder above the letter that is a repository root (holds `.git`)
//   or is the user's home folder, whichever comes first (cliBoundary);
// - otherwise (a letter outside any workspace folder, repository or home) the letter's own folder.
// Only a regular file is read (a named pipe there would block for ever), of at most 64 KB.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseConfig, type RuleSettings } from '../engine';
import { errorCode, ioErrorReason } from '../ioErrors';

export const CONFIG_FILE_NAME = '.imr-lint.json';
/** A config is a few lines; a bigger file is refused unread. */
export const MAX_CONFIG_BYTES = 64 * 1024;

export interface ConfigFile {
  /** Absolute path of the file. */
  path: string;
  rules: RuleSettings;
}

/** A config file that is there but cannot be used: letters under it are not checked (CLI). */
export interface ConfigError {
  path: string;
  message: string;
}

export type ConfigResult = { ok: true; config: ConfigFile | null } | { ok: false; error: ConfigError };

/** The config that applies to the letter at `filePath` (absolute), looking no higher than `boundary`. */
export function findConfig(filePath: string, boundary: string | null): Promise<ConfigResult> {
  return new ConfigFinder().find(filePath, boundary);
}

/**
 * findConfig with a cache per folder, for a run over many letters (CLI) or a session (server:
 * call clear() when a config file changes).
 */
export class ConfigFinder {
  private readonly byFolder = new Map<string, Promise<ConfigResult>>();

  find(filePath: string, boundary: string | null): Promise<ConfigResult> {
    return this.forFolder(path.dirname(path.resolve(filePath)), boundary);
  }

  /** The config for letters in `folder` (absolute). */
  forFolder(folder: string, boundary: string | null): Promise<ConfigResult> {
    const top = boundary !== null && isInside(folder, path.resolve(boundary)) ? path.resolve(boundary) : folder;
    const key = `${folder}\0${top}`;
    let result = this.byFolder.get(key);
    if (!result) {
      result = this.lookUp(folder, top);
      this.byFolder.set(key, result);
    }
    return result;
  }

  clear(): void {
    this.byFolder.clear();
  }

  private async lookUp(folder: string, top: string): Promise<ConfigResult> {
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    let stats;
    try {
      stats = await fs.stat(candidate);
    } catch (err) {
      const code = errorCode(err);
      // EACCES: a folder that can be listed but not entered. Nothing under it can be read
      // either, so the letter's own read names the letter; its config is not blamed.
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EACCES') {
        return { ok: false, error: { path: candidate, message: `cannot read config (${code ?? 'error'})` } };
      }
      const parent = path.dirname(folder);
      return folder === top || parent === folder ? { ok: true, config: null } : this.forFolder(parent, top);
    }
    return loadConfigFile(candidate, stats);
  }
}

/** Reads and checks one config file (a regular file of at most MAX_CONFIG_BYTES). */
export async function loadConfigFile(file: string, known?: { isFile(): boolean; size: number }): Promise<ConfigResult> {
  const fail = (message: string): ConfigResult => ({ ok: false, error: { path: file, message } });
  let source: string;
  try {
    const stats = known ?? (await fs.stat(file));
    if (!stats.isFile()) return fail('config is not a regular file (a folder, a pipe or a device), not read');
    if (stats.size > MAX_CONFIG_BYTES) return fail(`config is ${stats.size} bytes, over the ${MAX_CONFIG_BYTES}-byte limit`);
    const handle = await fs.open(file, 'r');
    try {
      const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      if (bytesRead > MAX_CONFIG_BYTES) return fail(`config is over the ${MAX_CONFIG_BYTES}-byte limit`);
      source = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (err) {
    return fail(`cannot read config (${ioErrorReason(err)})`);
  }
  const parsed = parseConfig(source);
  return typeof parsed === 'string' ? fail(parsed) : { ok: true, config: { path: file, rules: parsed } };
}

/**
 * The CLI's boundary for letters in `folder`: the nearest folder at or above it that holds
 * `.git` (a repository root) or is `home`; `folder` itself when there is neither.
 */
export async function cliBoundary(folder: string, home: string | null): Promise<string> {
  const homeDir = home ? path.resolve(home) : null;
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    if (dir === homeDir) return dir;
    if (await exists(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(folder);
  }
}

/** cliBoundary with a cache per folder, for a run. */
export class BoundaryFinder {
  private readonly byFolder = new Map<string, Promise<string>>();

  constructor(private readonly home: string | null) {}

  forFolder(folder: string): Promise<string> {
    let result = this.byFolder.get(folder);
    if (!result) {
      result = cliBoundary(folder, this.home);
      this.byFolder.set(folder, result);
    }
    return result;
  }
}

function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(() => true, () => false);
}

/** True when `folder` is `top` or below it. */
export function isInside(folder: string, top: string): boolean {
  const rel = path.relative(top, folder);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}

