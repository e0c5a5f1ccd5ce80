// Rule settings for each file: the nearest `.imr-lint.json` found upward from the file's folder
// (or the one named by --config), then the --rule flags on top. The editor finds the same file
// the same way, so editor and CLI agree.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { RuleSettings } from '../engine';
import { isSeveritySetting, SEVERITY_SETTINGS } from '../shared/protocol';
import { ioErrorReason, errorCode } from './discover';

export const CONFIG_FILE_NAME = '.imr-lint.json';

export interface ConfigFile {
  path: string;
  rules: RuleSettings;
}

/** A config file that exists but cannot be used; files under it are not linted. */
export interface ConfigError {
  path: string;
  message: string;
}

export type ConfigResult = { ok: true; config: ConfigFile | null } | { ok: false; error: ConfigError };

/** Reads and checks one config file. */
export async function loadConfigFile(file: string, isRuleId: (id: string) => boolean): Promise<ConfigResult> {
  let source: string;
  try {
    source = await fs.readFile(file, 'utf8');
  } catch (err) {
    return { ok: false, error: { path: file, message: `cannot read config (${ioErrorReason(err)})` } };
  }
  const parsed = parseConfig(source.replace(/^\uFEFF/, ''), isRuleId);
  return typeof parsed === 'string'
    ? { ok: false, error: { path: file, message: parsed } }
    : { ok: true, config: { path: file, rules: parsed } };
}

/** The rules object of a config's text, or a message saying what is wrong with it. */
function parseConfig(source: string, isRuleId: (id: string) => boolean): RuleSettings | string {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (err) {
    return `invalid JSON in config (${err instanceof Error ? err.message : String(err)})`;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return 'config must be a JSON object like {"rules": {"missing-guideline": "error"}}';
  }
  for (const key of Object.keys(json)) {
    if (key !== 'rules' && key !== '$schema') return `unknown key "${key}" in config (expected "rules")`;
  }
  const rules = (json as { rules?: unknown }).rules;
  if (rules === undefined) return {};
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
    return '"rules" in config must be an object of rule id to severity';
  }
  const settings: RuleSettings = {};
  for (const [id, severity] of Object.entries(rules)) {
    if (!isRuleId(id)) return `unknown rule "${id}" in config`;
    if (!isSeveritySetting(severity)) {
      return `invalid severity ${JSON.stringify(severity)} for rule ${id} in config (expected ${SEVERITY_SETTINGS.join(', ')})`;
    }
    settings[id] = severity;
  }
  return settings;
}

/** Finds the nearest config upward from a folder; caches each folder's answer for the run. */
export class ConfigFinder {
  private readonly byFolder = new Map<string, Promise<ConfigResult>>();

  constructor(private readonly isRuleId: (id: string) => boolean) {}

  forFolder(folder: string): Promise<ConfigResult> {
    let result = this.byFolder.get(folder);
    if (!result) {
      result = this.find(folder);
      this.byFolder.set(folder, result);
    }
    return result;
  }

  private async find(folder: string): Promise<ConfigResult> {
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    try {
      await fs.access(candidate);
    } catch (err) {
      if (errorCode(err) !== 'ENOENT' && errorCode(err) !== 'ENOTDIR') {
        return { ok: false, error: { path: candidate, message: `cannot read config (${ioErrorReason(err)})` } };
      }
      const parent = path.dirname(folder);
      return parent === folder ? { ok: true, config: null } : this.forFolder(parent);
    }
    return loadConfigFile(candidate, this.isRuleId);
  }
}
