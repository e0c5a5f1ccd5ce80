// The footer test: page footers and repeated case numbers that extraction leaves between the
// lines of a field or an item header, which folding drops.
import type { LineIndex } from './lineIndex';
import { PAGE_NOISE } from './patterns';

/** A page footer or repeated case number that extraction leaves inside a field or an item header. */
export function isFooterLine(lines: LineIndex, i: number): boolean {
  return lines.end(i) - lines.start(i) <= 14 && PAGE_NOISE.test(lines.content(i));
}
