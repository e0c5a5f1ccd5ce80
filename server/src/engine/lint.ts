import type { Diagnostic, RuleSettings } from './diagnostic';
import { parse } from './parse';
import { rules } from './rules';
import { resolveSeverity } from './settings';
import type { Letter } from './types';

export interface LintResult {
  letter: Letter;
  diagnostics: Diagnostic[];
}

/** Parse and run every enabled rule. Never throws on any input string. */
export function lint(text: string, settings?: RuleSettings): LintResult {
  const letter = parse(text);
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const severity = resolveSeverity(rule, settings);
    if (severity === null) continue;
    for (const finding of rule.check(letter)) {
      diagnostics.push({ code: rule.id, severity, ...finding });
    }
  }
  diagnostics.sort(byPosition);
  return { letter, diagnostics };
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
