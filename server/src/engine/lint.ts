import type { Diagnostic, RuleSettings } from './diagnostic';
import { parse } from './parse';
import { rules } from './rules';
import { resolveSeverity } from './settings';
import { LIMIT_CODE, MAX_DIAGNOSTICS, MAX_ITEMS } from './limits';
import { range } from './lineIndex';
import type { Letter } from './types';
import { withMemo, type LintMemo } from './memo';

export interface LintResult {
  letter: Letter;
  diagnostics: Diagnostic[];
}

/**
 * Parse and run every enabled rule. Never throws on any input string. A memo, kept by the caller
 * from one lint of a document to the next, spares reading again the fields an edit left alone.
 */
export function lint(text: string, settings?: RuleSettings, memo?: LintMemo): LintResult {
  const letter = parse(text);
  const diagnostics = memo ? withMemo(letter, memo, () => check(letter, settings)) : check(letter, settings);
  return { letter, diagnostics: withinLimits(letter, diagnostics) };
}

/** Every enabled rule's findings, in document order. */
function check(letter: Letter, settings: RuleSettings | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const severity = resolveSeverity(rule, settings);
    if (severity === null) continue;
    for (const finding of rule.check(letter)) {
      diagnostics.push({ code: rule.id, severity, ...finding });
    }
  }
  return diagnostics.sort(byPosition);
}

/**
 * At most MAX_DIAGNOSTICS diagnostics, then one closing diagnostic that says how many more there
 * were (at the first one left out); and one saying where item reading stopped, if it did.
 */
function withinLimits(letter: Letter, diagnostics: Diagnostic[]): Diagnostic[] {
  const out = diagnostics.length > MAX_DIAGNOSTICS ? diagnostics.slice(0, MAX_DIAGNOSTICS) : diagnostics;
  if (diagnostics.length > MAX_DIAGNOSTICS) {
    const more = diagnostics.length - MAX_DIAGNOSTICS;
    out.push({
      code: LIMIT_CODE,
      severity: 'information',
      message: `... and ${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'} in this letter, not shown (at most ${MAX_DIAGNOSTICS.toLocaleString('en-US')} are reported per letter).`,
      range: diagnostics[MAX_DIAGNOSTICS].range,
      item: null,
    });
  }
  if (letter.itemsStoppedAt !== undefined) {
    const line = letter.itemsStoppedAt;
    out.push({
      code: LIMIT_CODE,
      severity: 'information',
      message: `Only the first ${MAX_ITEMS.toLocaleString('en-US')} items of this letter were read; nothing from here on was checked.`,
      range: range(line, 0, line, 0),
      item: null,
    });
  }
  return out;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
