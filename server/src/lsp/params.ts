// Clients send what they send: every handler reads its params through these checks, so a
// malformed request gets an InvalidParams error instead of a crash deep in a feature.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function isPosition(value: unknown): value is Position {
  return isRecord(value) && isCoordinate(value.line) && isCoordinate(value.character);
}

export function isRange(value: unknown): value is Range {
  return isRecord(value) && isPosition(value.start) && isPosition(value.end);
}

export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

/** `params.textDocument.uri`, or an InvalidParams error. */
export function requireUri(params: unknown): string {
  if (isRecord(params) && isRecord(params.textDocument) && typeof params.textDocument.uri === 'string') {
    return params.textDocument.uri;
  }
  throw invalidParams('textDocument.uri is missing');
}

export function requirePosition(params: unknown): Position {
  if (isRecord(params) && isPosition(params.position)) return params.position;
  throw invalidParams('position is missing or not a position');
}

export function requireRange(params: unknown): Range {
  if (isRecord(params) && isRange(params.range)) return params.range;
  throw invalidParams('range is missing or not a range');
}

/** A position past the end of a line or of the document means its end (editors send such). */
export function clampPosition(document: TextDocument, position: Position): Position {
  const line = Math.trunc(position.line);
  const character = Math.trunc(position.character);
  if (line < 0) return { line: 0, character: 0 };
  return document.positionAt(document.offsetAt({ line, character: Math.max(0, character) }));
}

export function clampRange(document: TextDocument, range: Range): Range {
  const start = clampPosition(document, range.start);
  const end = clampPosition(document, range.end);
  return comparePositions(start, end) <= 0 ? { start, end } : { start: end, end: start };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function rangesIntersect(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}
