// textDocument/hover: on a date, what it is and the days between the steps (meaning.ts); on an
// item's name, its category and both guideline classes; on a decision word, what it means for the worker; on a guideline field,
// which guideline it cites and what that means; on a defect, the rule's documentation. Several
// can apply at one position: they are shown together, the narrowest range wins.
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver';
import { ruleById, type Field, type Item, type LintResult } from '../../engine';
import { decisionExplanation, FIELD_LABELS, fieldMeaning, guidelineExplanation, guidelineTitle } from './explanations';
import { classifyGuidelineText } from '../../engine';
import { dateHover, itemNameHover } from './meaning';
import { comparePositions, rangeContains } from '../params';
import { ruleDocHref } from '../ruleDocs';

interface Part {
  markdown: string;
  range: Range;
}

export function hover(result: LintResult, position: Position): Hover | null {
  const parts: Part[] = [];
  const date = dateHover(result.letter, position);
  if (date) parts.push(date);
  const item = itemAt(result.letter.items, position);
  const name = item && itemNameHover(item, position);
  if (name) parts.push(name);
  if (item?.decision && item.decisionRange && rangeContains(item.decisionRange, position)) {
    parts.push({ markdown: decisionExplanation(item.decision), range: item.decisionRange });
  }
  const field = item && guidelineFieldAt(item, position);
  if (field) parts.push(guidelinePart(field));
  for (const diagnostic of result.diagnostics) {
    if (!rangeContains(diagnostic.range, position)) continue;
    const rule = ruleById(diagnostic.code);
    const docs = rule ? rule.docs : '';
    const link = rule ? `\n\n[Rule documentation](${ruleDocHref(diagnostic.code)})` : '';
    parts.push({
      markdown: `**${diagnostic.code}**: ${diagnostic.message}\n\n${docs}${link}`,
      range: diagnostic.range,
    });
  }
  if (parts.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.map((part) => part.markdown).join('\n\n---\n\n') },
    range: narrowest(parts.map((part) => part.range)),
  };
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
