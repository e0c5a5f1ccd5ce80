// textDocument/hover: on a date, what it is and the days between the steps (meaning.ts); on a
// decision word, what it means for the worker; on an item's name, the item in one place (decision,
// guideline, verdict, what UR had authorized, the surgery it follows), then its category and both
// guideline classes side by side; on the case number, the letter at a glance; on a guideline
// field, which guideline it cites; on a defect, why it matters and what to do in at most three
// short lines and a link (VS Code already shows the diagnostic's message above the hover, so it is
// not repeated). Several can apply at one position: they are shown together, the narrowest range
// wins.
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver';
import { ruleById, type Diagnostic, type Field, type Item, type LintResult, type Rule } from '../../engine';
import { decisionExplanation, FIELD_LABELS, fieldMeaning, guidelineExplanation, guidelineTitle } from './explanations';
import { classifyGuidelineText } from '../../engine';
import { dateHover, itemNameHover } from './meaning';
import { itemHoverLines, shorten } from './itemSummary';
import { comparePositions, rangeContains } from '../params';
import { ruleDocHref } from '../ruleDocs';

interface Part {
  markdown: string;
  range: Range;
}

const CASE_NUMBER = /\bCM\d{2}-\d{7}\b/g;

/** `line` is the text of the position's line, for the case number hover. */
export function hover(result: LintResult, position: Position, line?: string): Hover | null {
  const parts: Part[] = [];
  const date = dateHover(result.letter, position);
  if (date) parts.push(date);
  const item = itemAt(result.letter.items, position);
  if (item && rangeContains(item.nameRange, position)) {
    parts.push({ markdown: itemHoverLines(result.letter, result.letter.items.indexOf(item)).join('  \n'), range: item.nameRange });
  }
  const classes = item && itemNameHover(item, position);
  if (classes) parts.push(classes);
  const caseNumber = line === undefined ? undefined : caseNumberAt(result, line, position);
  if (caseNumber) parts.push(caseNumber);
  if (item?.decision && item.decisionRange && rangeContains(item.decisionRange, position)) {
    parts.push({ markdown: decisionExplanation(item.decision), range: item.decisionRange });
  }
  const field = item && guidelineFieldAt(item, position);
  if (field) parts.push(guidelinePart(field));
  for (const diagnostic of result.diagnostics) {
    if (!rangeContains(diagnostic.range, position)) continue;
    parts.push({ markdown: diagnosticLines(diagnostic).join('  \n'), range: diagnostic.range });
  }
  if (parts.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.map((part) => part.markdown).join('\n\n---\n\n') },
    range: narrowest(parts.map((part) => part.range)),
  };
}

/**
 * At most three short lines on a defect, then the link: why it matters and what to do, from the
 * rule's page. The message itself is not repeated: editors show it above the hover.
 */
export function diagnosticLines(diagnostic: Diagnostic): string[] {
  const rule = ruleById(diagnostic.code);
  const lines: string[] = [];
  if (rule) {
    const why = firstSentence(rule, 'Why it matters');
    const todo = firstSentence(rule, 'What to do');
    if (why) lines.push(`**Why it matters:** ${why}`);
    if (todo) lines.push(`**What to do:** ${todo}`);
  }
  lines.push(`[More about ${rule?.title ?? diagnostic.code}](${ruleDocHref(diagnostic.code)})`);
  return lines;
}

function firstSentence(rule: Rule, heading: string): string | undefined {
  const start = rule.docs.indexOf(`**${heading}.**`);
  if (start < 0) return undefined;
  const paragraph = rule.docs.slice(start + heading.length + 5).split(/\n\n/)[0].trim();
  const sentence = /^.*?[.!?](?=\s|$)/s.exec(paragraph)?.[0] ?? paragraph;
  return shorten(sentence.replace(/\s+/g, ' '), 180);
}

/** The case number in a header or cover letter: the letter at a glance. */
function caseNumberAt(result: LintResult, line: string, position: Position): Part | undefined {
  for (const match of line.matchAll(CASE_NUMBER)) {
    const start = match.index ?? 0;
    if (position.character < start || position.character > start + match[0].length) continue;
    const { metadata, items } = result.letter;
    const upheld = items.filter((item) => item.decision === 'Upheld').length;
    const overturned = items.filter((item) => item.decision === 'Overturned').length;
    const lines = [`**IMR case ${match[0]}**${metadata.caseNumber && metadata.caseNumber !== match[0] ? ` (this letter is case ${metadata.caseNumber})` : ''}`];
    if (items.length) lines.push(`${items.length} item${items.length === 1 ? '' : 's'}: ${upheld} upheld (denial stands), ${overturned} overturned (to be authorized).`);
    const dates = [
      metadata.decisionDate && `decided ${metadata.decisionDate}`,
      metadata.dateAssigned && `assigned ${metadata.dateAssigned}`,
      metadata.dateOfInjury && `injury ${metadata.dateOfInjury}`,
    ].filter(Boolean);
    if (dates.length) lines.push(`Dates: ${dates.join(', ')}.`);
    return { markdown: lines.join('  \n'), range: { start: { line: position.line, character: start }, end: { line: position.line, character: start + match[0].length } } };
  }
  return undefined;
}

/** Items are in document order and do not overlap: binary search for the last one starting at or before the position. */
function itemAt(items: readonly Item[], position: Position): Item | undefined {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (comparePositions(items[mid].range.start, position) <= 0) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  const item = found >= 0 ? items[found] : undefined;
  return item && rangeContains(item.range, position) ? item : undefined;
}

function guidelineFieldAt(item: Item, position: Position): Field | undefined {
  for (const field of [item.maximusGuideline, item.claimsAdministratorGuideline]) {
    if (field && rangeContains({ start: field.labelRange.start, end: field.textRange.end }, position)) return field;
  }
  return undefined;
}

function guidelinePart(field: Field): Part {
  const classes = classifyGuidelineText(field.text);
  const lines = [`**${FIELD_LABELS[field.kind]}**: ${fieldMeaning(field.kind)}`];
  if (classes.length === 0) lines.push('The field is empty.');
  for (const guideline of classes) lines.push(`**${guidelineTitle(guideline)}**. ${guidelineExplanation(guideline, field.kind)}`);
  const end = comparePositions(field.textRange.end, field.labelRange.end) > 0 ? field.textRange.end : field.labelRange.end;
  return { markdown: lines.join('\n\n'), range: { start: field.labelRange.start, end } };
}

function narrowest(ranges: Range[]): Range {
  const size = (range: Range) => [range.end.line - range.start.line, range.end.character - range.start.character];
  return ranges.reduce((best, range) => {
    const [lines, chars] = size(range);
    const [bestLines, bestChars] = size(best);
    return lines < bestLines || (lines === bestLines && chars < bestChars) ? range : best;
  });
}
