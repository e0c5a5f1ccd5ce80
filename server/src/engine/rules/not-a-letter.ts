import type { Rule } from '../rule';
import { startOfText } from '../types';

const REASONS = {
  empty: 'This file is empty: there is no IMR letter to read.',
  binary: 'This file looks binary, not text extracted from a letter: no IMR letter could be read. Extract the PDF to text first.',
  'no-signs':
    'This text shows no sign of an IMR Final Determination letter (no letter headings, item labels or IMR case number), so it was not checked.',
} as const;

export const notALetter: Rule = {
  id: 'not-a-letter',
  title: 'Not an IMR letter',
  defaultSeverity: 'warning',
  description: 'Text with no sign of being an IMR letter: one diagnostic at the top and nothing else.',
  docs: `The tool reads IMR Final Determination letters; other text gets one diagnostic and no other check.

**What it finds.** Text with none of a letter's signs: no heading such as \`HOW THE IMR FINAL DETERMINATION WAS MADE\` or \`IMR ISSUES, DECISIONS AND RATIONALES\`, no \`MAXIMUS guideline:\` or \`Decision rationale:\` label, no IMR case number (\`CM16-0219557\`); also empty files and binary data.

**Why it matters.** When a folder of letters holds other files, a reader should see at once which ones were not read, rather than a list of defects that are only a different kind of document.

**What to do.** If the file is a letter, check the extraction (a scanned PDF gives no text; run OCR first). Otherwise leave it out of the folder, or turn the rule off.`,
  check(letter) {
    if (letter.layout !== 'not-a-letter') return [];
    const reason = letter.notLetterReason ?? 'no-signs';
    return [{ message: REASONS[reason], range: startOfText(), item: null }];
  },
};
