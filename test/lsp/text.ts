// Finding places in test letters by their text, so that tests do not hard-code line numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from 'vscode-languageserver-protocol';
import { FIXTURES } from './client';

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** The position of the nth (0-based) occurrence of `needle`, plus `offset` characters. */
export function positionOf(text: string, needle: string, offset = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (occurrence ${nth}) is not in the text`);
  }
  at += offset;
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, character: at - (before.lastIndexOf('\n') + 1) };
}

export function lineOf(text: string, needle: string, nth = 0): number {
  return positionOf(text, needle, 0, nth).line;
}

/** A generated letter: the head of clean.imr and `count` complete, distinct items. */
export function generatedLetter(minLength: number): { text: string; items: number; overturned: number } {
  const clean = fixture('clean.imr');
  const head = clean.slice(0, clean.indexOf('Norco'));
  const parts = [head];
  let length = head.length;
  let items = 0;
  let overturned = 0;
  while (length < minLength) {
    const over = items % 7 === 0;
    const block =
      `Treatment number ${items} for the lumbar spine: ${over ? 'Overturned' : 'Upheld'}\n` +
      'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment\nGuidelines, Opioids.\n' +
      'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2009,\nSection(s): Opioids, criteria for use.\n' +
      `Decision rationale: The records show no functional improvement. The request\nis ${over ? '' : 'not '}medically necessary.\n`;
    parts.push(block);
    length += block.length;
    items++;
    if (over) overturned++;
  }
  return { text: parts.join(''), items, overturned };
}
