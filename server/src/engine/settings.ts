import { isSeveritySetting } from '../shared/protocol';
import type { RuleSettings, Severity } from './diagnostic';
import type { Rule } from './rule';

/** The severity a rule runs at, or null when it is off. Unknown values fall back to the default. */
export function resolveSeverity(rule: Rule, settings: RuleSettings | undefined): Severity | null {
  const configured = settings?.[rule.id];
  if (!isSeveritySetting(configured)) return rule.defaultSeverity;
  return configured === 'off' ? null : configured;
}
