// Fixture letters with their expected findings marked inline, under the line they land on:
//
//   MRI of the right knee: Upheld
//   ^ [missing-guideline] warning: Item "MRI of the right knee" has no "MAXIMUS guideline:": ...
//
// A marker line is spaces, a caret under the finding's first character, then `[rule-id]`, the
// severity and the message. Marker lines are removed before the engine reads the letter (with
// their line ending), so the letter's own lines keep their text and their line numbers count
// without the markers. A `v` instead of the caret marks the line below (used above a last line
// that has no line ending); a marker with no line to mark marks line 0 (an empty letter).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../server/src/engine';
import { repoRoot } from './paths';

export const FIXTURES_DIR = join(repoRoot, 'test', 'fixtures');

export interface Marker {
  /** 0-based line and character in the letter without the marker lines. */
  line: number;
  character: number;
  code: string;
  severity: string;
  message: string;
}

const MARKER = /^( *)([\^v]) \[([a-z0-9-]+)\] (error|warning|information|hint): (.*)$/;
/** Lines with their endings (`\r\n`, `\n` or a lone `\r`, as the engine splits them). */
function linesOf(raw: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\n' && c !== '\r') continue;
    if (c === '\r' && raw[i + 1] === '\n') i++;
    lines.push(raw.slice(start, i + 1));
    start = i + 1;
  }
  if (start < raw.length) lines.push(raw.slice(start));
  return lines;
}

/** Splits a fixture's text into the letter (markers removed) and its markers. */
export function splitMarkers(raw: string): { text: string; markers: Marker[] } {
  const kept: string[] = [];
  const markers: Marker[] = [];
  for (const line of linesOf(raw)) {
    const m = MARKER.exec(line.replace(/\r?\n$|\r$/, ''));
    if (!m) {
      kept.push(line);
      continue;
    }
    const below = m[2] === 'v';
    markers.push({ line: below ? kept.length : Math.max(0, kept.length - 1), character: m[1].length, code: m[3], severity: m[4], message: m[5] });
  }
  return { text: kept.join(''), markers };
}

/** The markers a letter's findings get: one per diagnostic, in the engine's order. */
export function markersOf(diagnostics: readonly Diagnostic[]): Marker[] {
  return diagnostics.map((d) => ({ line: d.range.start.line, character: d.range.start.character, code: d.code, severity: d.severity, message: d.message }));
}

/** The fixture text with `markers` written under their lines (UPDATE_GOLDEN=1 writes this). */
export function withMarkers(text: string, markers: readonly Marker[]): string {
  const lines = linesOf(text);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const out: string[] = [];
  const markerLine = (m: Marker, caret: string) => `${' '.repeat(m.character)}${caret} [${m.code}] ${m.severity}: ${m.message}${eol}`;
  if (lines.length === 0) return markers.map((m) => markerLine(m, '^')).join('');
  lines.forEach((line, i) => {
    const here = markers.filter((m) => Math.max(0, Math.min(m.line, lines.length - 1)) === i);
    // Under the line, unless the line has no ending (the letter's last): then above it.
    if (/[\r\n]$/.test(line)) out.push(line, ...here.map((m) => markerLine(m, '^')));
    else out.push(...here.map((m) => markerLine(m, 'v')), line);
  });
  return out.join('');
}

export function readFixture(name: string): { text: string; markers: Marker[] } {
  return splitMarkers(readFileSync(join(FIXTURES_DIR, name), 'utf8'));
}

export function writeFixture(name: string, text: string, markers: readonly Marker[]): void {
  writeFileSync(join(FIXTURES_DIR, name), withMarkers(text, markers));
}
