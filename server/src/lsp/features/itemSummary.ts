// What a reader sees about one item in a hover and in the outline, composed from small pieces
// (one function per line), so that another fact (a treatment category, a guideline class) is one
// more piece, not a rewrite. Plain data in, strings out.
import { classifyGuidelineText, classifyTreatment, dependencyOf, dependentsOf, UNNAMED_ITEM, type Item, type ItemDependency, type Letter } from '../../engine';
import { fieldVerdict } from '../../engine/verdict';
import { guidelineTitle } from './explanations';
import { DecisionDetail, DETAIL_SEPARATOR } from '../protocol';

/** VS Code's outline and Go to Symbol filter skip labels longer than this. */
export const MAX_SYMBOL_NAME = 128;

/** The decision as a reader says it, or "No decision". */
export function decisionLabel(item: Item): string {
  if (item.decision === 'Upheld') return DecisionDetail.upheld;
  if (item.decision === 'Overturned') return DecisionDetail.overturned;
  return DecisionDetail.none;
}

/** A name cut at a word to `max` characters with an ellipsis, or the name as it is. */
export function shorten(name: string, max: number): string {
  if (name.length <= max) return name;
  const cut = name.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  let kept = space > max / 2 ? cut.slice(0, space) : cut;
  while (kept.length > 1 && ' ,;:.-'.includes(kept.charAt(kept.length - 1))) kept = kept.slice(0, -1);
  return kept + '…';
}

/** An item's outline name: the decision first (it survives a cut), then the name, at most 128 characters. */
export function itemSymbolName(item: Item): string {
  const decision = decisionLabel(item);
  const name = item.name.trim() || UNNAMED_ITEM;
  return `${decision}: ${shorten(name, MAX_SYMBOL_NAME - decision.length - 2)}`;
}

/**
 * The outline detail: the treatment category (unless `withCategory` is false: letters of
 * thousands of items), then what the name could not hold. Pieces joined by DETAIL_SEPARATOR.
 * The decision is in the name, never here again.
 */
export function itemSymbolDetail(letter: Letter, index: number, withCategory = true): string | undefined {
  const item = letter.items[index];
  const category = withCategory ? classifyTreatment(item.name).category : undefined;
  const pieces = [category, fullNameIfCut(item), dependencyPiece(letter, index)].filter((piece): piece is string => piece !== undefined);
  return pieces.length ? pieces.join(DETAIL_SEPARATOR) : undefined;
}

function fullNameIfCut(item: Item): string | undefined {
  return itemSymbolName(item).endsWith('…') ? item.name : undefined;
}

function dependencyPiece(letter: Letter, index: number): string | undefined {
  const dependency = dependencyOf(letter, index);
  if (dependency) return dependency.primary === null ? 'follows a surgery not decided here' : `follows item ${dependency.primary + 1}`;
  const dependents = dependentsOf(letter, index).length;
  if (!dependents) return undefined;
  return dependents === 1 ? '1 service follows this' : `${dependents} services follow this`;
}

/** The hover on an item's name: decision, guideline, verdict, what UR had authorized, dependency. */
export function itemHoverLines(letter: Letter, index: number): string[] {
  const item = letter.items[index];
  return [
    `**${escape(shorten(item.name, 200))}**: ${decisionMeaning(item)}`,
    guidelineLine(item),
    verdictLine(item),
    authorizedLine(item),
    dependencyLine(letter, index),
  ].filter((line): line is string => line !== undefined);
}

function decisionMeaning(item: Item): string {
  if (item.decision === 'Upheld') return '**Upheld**, the denial stands: not authorized.';
  if (item.decision === 'Overturned') return '**Overturned**, the denial is reversed: to be authorized.';
  return 'no decision could be read.';
}

function guidelineLine(item: Item): string | undefined {
  const field = item.maximusGuideline;
  if (field === null) return 'Guideline: none given.';
  const titles = classifyGuidelineText(field.text).map(guidelineTitle);
  return `Guideline: ${titles.length ? titles.join('; ') : 'empty'}.`;
}

function verdictLine(item: Item): string | undefined {
  if (item.decisionRationale === null) return 'Rationale: none given.';
  const verdict = fieldVerdict(item.decisionRationale);
  if (verdict === null) return 'Rationale: states no verdict on medical necessity.';
  return `Rationale concludes: ${verdict === 'necessary' ? 'medically necessary' : 'not medically necessary'}.`;
}

/** For a partial authorization: the lead-in's sentences that say what UR had already authorized. */
export function authorizedBefore(leadIn: string | null): string | undefined {
  if (leadIn === null) return undefined;
  const sentences = leadIn.split(/(?<=\.)\s+/).filter((sentence) => /\b(?:authori[sz]ed|certified|approved|modified)\b/i.test(sentence));
  return sentences.length ? sentences.join(' ') : undefined;
}

function authorizedLine(item: Item): string | undefined {
  const before = authorizedBefore(item.leadIn);
  if (before !== undefined) return `Already authorized by utilization review: ${escape(before)} This decision is about the rest.`;
  return item.leadIn === null ? undefined : 'A partial request: this decision is about the part still disputed.';
}

function dependencyLine(letter: Letter, index: number): string | undefined {
  const dependency = dependencyOf(letter, index);
  if (dependency) return followsLine(letter, dependency);
  const dependents = dependentsOf(letter, index);
  if (!dependents.length) return undefined;
  const names = dependents.map((d) => `item ${d.item + 1}`).join(', ');
  return `Decided with this surgery: ${names} follow${dependents.length === 1 ? 's' : ''} its fate.`;
}

function followsLine(letter: Letter, dependency: ItemDependency): string {
  const says = dependency.says === 'necessary' ? 'supported' : 'not medically necessary';
  if (dependency.primary === null) return `Follows a surgery (said to be ${says}) that this letter does not decide.`;
  const primary = letter.items[dependency.primary];
  const agree = dependency.holds === false ? ' **The letter decides it the other way.**' : '';
  return `Follows item ${dependency.primary + 1}, ${escape(shorten(primary.name, 80))} (${decisionLabel(primary)}): its rationale says that surgery is ${says}.${agree}`;
}

/** Markdown-safe text from a letter. */
export function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, '\\$&');
}
