// The text of a `.imr-lint.json`, checked: `{"rules": {"<rule id>": "<severity>"}}` (and an
// optional "$schema"). Pure, like the rest of the engine; finding and reading the file is
// server/src/config/discovery.ts's job. Never throws: a value is described by its type, never
// printed, so a 100,000-deep array costs no stack.
import { isSeveritySetting, SEVERITY_SETTINGS } from '../shared/protocol';
import type { RuleSettings } from './diagnostic';
import { ruleById } from './rules';

/** The rules of a config's text, or a message saying what is wrong with it. */
export function parseConfig(source: string): RuleSettings | string {
  let json: unknown;
  try {
    json = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (err) {
    const message = err instanceof Error ? err.message : 'unreadable';
    return `invalid JSON in config (${message.length > 120 ? message.slice(0, 120) + '...' : message})`;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return 'config must be a JSON object like {"rules": {"missing-guideline": "error"}}';
  }
  for (const key of Object.keys(json)) {
    if (key !== 'rules' && key !== '$schema') return `unknown key ${quoted(key)} in config (expected "rules")`;
  }
  const rules = (json as { rules?: unknown }).rules;
  if (rules === undefined) return {};
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
    return '"rules" in config must be an object of rule id to severity';
  }
  const settings: RuleSettings = {};
  for (const [id, severity] of Object.entries(rules)) {
    if (!ruleById(id)) return `unknown rule ${quoted(id)} in config`;
    if (!isSeveritySetting(severity)) {
      return `invalid severity ${describe(severity)} for rule ${id} in config (expected ${SEVERITY_SETTINGS.join(', ')})`;
    }
    settings[id] = severity;
  }
  return settings;
}

/** A short string as JSON, a long one cut: messages stay one readable line. */
function quoted(text: string): string {
  return JSON.stringify(text.length > 60 ? text.slice(0, 60) + '...' : text);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return quoted(value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}
