// What the rules read of a field: its text as written for a "blind" regex, its last lines, and
// whether it is empty; each costs less than reading the folded text (letterField.ts).
import type { FieldTail } from './letterField';
import type { Field } from './types';

/*
 * Folding turns each whitespace run into one space, drops page footers and joins a word
 * hyphenated at a line end to the next line. A regex is "blind" when it accepts any whitespace
 * run wherever it accepts a space and never looks at a letter before a hyphen: it then answers
 * the same on the text as written (footers aside) as on the folded text, without the cost.
 */

/** The field's text for a blind regex: as written when no footer sits inside it, else folded. */
export function blindText(field: Field): string {
  return field.blindText();
}

/**
 * The field's last lines for a reader blind to whitespace runs, and that may also look at
 * hyphens: at least `chars` characters of the letter from a line start, or the whole text; as
 * written when no footer or hyphenated line end makes it read differently, else folded. The
 * first word of a tail may differ from the whole text's (a hyphenated word cut in two), so a
 * reader that skips a tail's first, possibly cut, sentence reads what it would read in the whole.
 */
export function blindTail(field: Field, chars: number): FieldTail {
  return field.blindTail(chars);
}

/** Whether the field has no text; costs nothing, unlike comparing its text with "". */
export function isEmptyField(field: Field): boolean {
  return field.isEmpty();
}
