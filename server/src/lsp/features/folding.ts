// textDocument/foldingRange: one fold per section, item and field that spans more than a line.
import type { FoldingRange } from 'vscode-languageserver';
import type { Field, Letter, Range } from '../../engine';

export function foldingRanges(letter: Letter, rangeLimit = Number.MAX_SAFE_INTEGER): FoldingRange[] {
  const folds: FoldingRange[] = [];
  const add = (range: Range) => {
    if (range.end.line > range.start.line) folds.push({ startLine: range.start.line, endLine: range.end.line });
  };
  for (const section of letter.sections) add({ start: section.titleRange.start, end: section.range.end });
  for (const item of letter.items) {
    add(item.range);
    for (const field of [item.claimsAdministratorGuideline, item.maximusGuideline, item.decisionRationale]) {
      if (field) add(fieldSpan(field));
    }
  }
  folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  // Two folds starting on one line cannot both be shown: keep the outer one.
  const unique = folds.filter((fold, i) => i === 0 || fold.startLine !== folds[i - 1].startLine);
  return unique.slice(0, Math.max(0, rangeLimit));
}

function fieldSpan(field: Field): Range {
  const end = field.textRange.end.line >= field.labelRange.end.line ? field.textRange.end : field.labelRange.end;
  return { start: field.labelRange.start, end };
}
