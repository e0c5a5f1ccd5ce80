import { LETTER_SIGNS } from './patterns';

/**
 * A cheap content check for opening a .txt file as a letter: only the first 4 KB are read, and a
 * sign that never occurs in ordinary prose (a letter heading, a field label, a case number) must
 * stand there.
 */
export function looksLikeLetter(text: string): boolean {
  const head = text.length > 4096 ? text.slice(0, 4096) : text;
  return LETTER_SIGNS.test(head) && !head.includes('\u0000');
}
