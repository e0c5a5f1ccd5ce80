// An item read from the issues section. A long letter has thousands, and an open letter keeps
// them: like a field (letterField.ts), an item holds its places as offsets into the letter and works
// out its four ranges from the line index when asked, instead of keeping a dozen objects for them.
// toJSON writes the ranges out, so JSON of an item is what it would be with plain properties.
import type { LineIndex } from './lineIndex';
import type { Decision, Field, ItemData, Range } from './types';

/** What an item says, as the parser read it. */
export interface ItemContent {
  name: string;
  decision: Decision | null;
  decisionText: string | null;
  leadIn: string | null;
}

/**
 * What an item is built from. Offsets into the letter: `start` is the header's first character,
 * where the item, its header and (without a lead-in) its name start; decisionEnd is the end of
 * the decision word as written (decisionText), -1 when there is none; blockEnd is the end of the
 * item's last text.
 */
export interface ItemParts {
  content: ItemContent;
  /** In FIELD_ORDER: claims administrator guideline, Maximus guideline, decision rationale. */
  fields: readonly [Field | null, Field | null, Field | null];
  lines: LineIndex;
  start: number;
  nameStart: number;
  nameEnd: number;
  decisionEnd: number;
  blockEnd: number;
}

export class LetterItem implements ItemData {
  readonly name: string;
  readonly decision: Decision | null;
  readonly decisionText: string | null;
  readonly leadIn: string | null;
  readonly claimsAdministratorGuideline: Field | null;
  readonly maximusGuideline: Field | null;
  readonly decisionRationale: Field | null;
  private readonly lines: LineIndex;
  private readonly start: number;
  private readonly nameStart: number;
  private readonly nameEnd: number;
  private readonly decisionEnd: number;
  private readonly blockEnd: number;

  constructor(parts: ItemParts) {
    this.name = parts.content.name;
    this.decision = parts.content.decision;
    this.decisionText = parts.content.decisionText;
    this.leadIn = parts.content.leadIn;
    this.claimsAdministratorGuideline = parts.fields[0];
    this.maximusGuideline = parts.fields[1];
    this.decisionRationale = parts.fields[2];
    this.lines = parts.lines;
    this.start = parts.start;
    this.nameStart = parts.nameStart;
    this.nameEnd = parts.nameEnd;
    this.decisionEnd = parts.decisionEnd;
    this.blockEnd = parts.blockEnd;
  }

  get nameRange(): Range {
    return this.lines.rangeOf(this.nameStart, this.nameEnd);
  }

  get decisionRange(): Range | null {
    return this.decisionText === null ? null : this.lines.rangeOf(this.decisionEnd - this.decisionText.length, this.decisionEnd);
  }

  get headerRange(): Range {
    return this.lines.rangeOf(this.start, this.decisionText === null ? this.nameEnd : this.decisionEnd);
  }

  get range(): Range {
    return this.lines.rangeOf(this.start, this.blockEnd);
  }

  toJSON(): ItemData {
    return {
      name: this.name,
      decision: this.decision,
      decisionText: this.decisionText,
      leadIn: this.leadIn,
      nameRange: this.nameRange,
      decisionRange: this.decisionRange,
      headerRange: this.headerRange,
      range: this.range,
      claimsAdministratorGuideline: this.claimsAdministratorGuideline,
      maximusGuideline: this.maximusGuideline,
      decisionRationale: this.decisionRationale,
    };
  }
}
