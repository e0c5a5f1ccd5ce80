// The item headers and field labels of an issues section, as the item reader finds them: columns
// of numbers, not objects. A 10 MB letter has tens of thousands, and objects would be copied by
// every young collection until the items are built from them.
import { FIELD_ORDER } from './patterns';
import { grown } from './lineIndex';
import type { FieldKind } from './types';

export interface Header {
  start: number; // first header line
  colonLine: number; // line holding the colon before the decision (or the header's last line)
  decisionLine: number; // line holding the decision word, or -1
}

/** Item headers and field labels in document order, as columns; header k owns labels [labelsFrom(k), labelsTo(k)). */
export class Found {
  private readonly starts = new Column();
  private readonly colonLines = new Column();
  private readonly decisionLines = new Column();
  private readonly labelFrom = new Column();
  private readonly labelLines = new Column();
  private readonly labelOrders = new Column(); // FIELD_ORDER of the kind
  private readonly labelEnds = new Column();

  get headerCount(): number {
    return this.starts.length;
  }

  addHeader(h: Header): void {
    this.starts.push(h.start);
    this.colonLines.push(h.colonLine);
    this.decisionLines.push(h.decisionLine);
    this.labelFrom.push(this.labelLines.length);
  }

  addLabel(line: number, kind: FieldKind, labelEnd: number): void {
    this.labelLines.push(line);
    this.labelOrders.push(FIELD_ORDER[kind]);
    this.labelEnds.push(labelEnd);
  }

  /** A label joins the last item unless that item already has it, or it opens a new block. */
  fits(kind: FieldKind): boolean {
    if (this.starts.length === 0) return false;
    const from = this.labelFrom.at(this.starts.length - 1);
    const order = FIELD_ORDER[kind];
    if (order === 0 && this.labelLines.length > from) return false;
    for (let j = from; j < this.labelLines.length; j++) if (this.labelOrders.at(j) === order) return false;
    return true;
  }

  /** The header's first line, the line with the colon before the decision (or -1), the decision's line (or -1). */
  start(k: number): number {
    return this.starts.at(k);
  }

  colonLine(k: number): number {
    return this.colonLines.at(k);
  }

  decisionLine(k: number): number {
    return this.decisionLines.at(k);
  }

  labelsFrom(k: number): number {
    return this.labelFrom.at(k);
  }

  labelsTo(k: number): number {
    return k + 1 < this.starts.length ? this.labelFrom.at(k + 1) : this.labelLines.length;
  }

  /** Label j: its line, its kind's FIELD_ORDER, and the column just after its colon. */
  labelLine(j: number): number {
    return this.labelLines.at(j);
  }

  labelOrder(j: number): number {
    return this.labelOrders.at(j);
  }

  labelEnd(j: number): number {
    return this.labelEnds.at(j);
  }
}

/** A growable column of integers. */
class Column {
  private data = new Int32Array(64);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, this.data.length * 2);
    this.data[this.length++] = value;
  }

  at(i: number): number {
    return this.data[i];
  }
}

