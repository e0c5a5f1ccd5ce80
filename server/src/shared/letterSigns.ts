// "Is this text an IMR letter at all?": the one test shared by the VS Code client (which opens a
// .txt file as a letter by its content) and the engine (whose parse() calls a text without any
// sign `not-a-letter`). Here, not in the engine, so that the client bundle pulls in one regex and
// no engine code.

/**
 * Signs that a text is an IMR letter at all; any one is enough. Each is a heading, a label or an
 * identifier that ordinary prose does not contain, so a note that merely mentions IMR stays plain.
 */
export const LETTER_SIGNS =
  /HOW THE IMR FINAL DETERMINATION WAS MADE|IMR ISSUES, DECISIONS AND RATIONALES|IMR DECISIONS? AND RATIONALES?|Independent Medical Review (?:Final )?Determination|MAXIMUS guideline\s*:|MAXIMUS Federal Services|Decision rationale\s*:|Claims Administrator guideline\s*:|MEDICAL PROFESSIONAL REVIEW|IMR Case Number|\bCM\d{2}-\d{7}\b/i;

/** How much of a document the cheap check reads: the header table and first heading of every layout. */
export const LETTER_PREFIX_CHARS = 4096;

/**
 * A cheap content check for opening a .txt file as a letter: only the first 4 KB are read, and a
 * sign that never occurs in ordinary prose (a letter heading, a field label, a case number) must
 * stand there.
 */
export function looksLikeLetter(text: string): boolean {
  const head = text.length > LETTER_PREFIX_CHARS ? text.slice(0, LETTER_PREFIX_CHARS) : text;
  return LETTER_SIGNS.test(head) && !head.includes('\u0000');
}
