// Property tests of the engine: over generated letters (whose items we know) and over arbitrary
// and adversarial strings (whose items we don't), lint never throws, every range lies inside the
// document, items come in order without overlapping, parsing is deterministic and diagnostics
// point at items that exist. The huge inputs (a time bound that a linear engine meets by a wide
// margin and a super-linear one cannot) are in test/stress/engine.test.ts: seconds of CPU.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertProperty } from '../support/seeded';
import { generateLetter, type LetterStyle } from '../../bench/generate';
import { check } from './invariants';
import { HEADING, INTRO, LABELS } from './huge-inputs';

// ---------------------------------------------------------------------------------------------
// Inputs


/** Pieces of letters and of what breaks readers, for strings that look almost like letters. */
const TOKENS = [
  HEADING, INTRO, ...LABELS, 'IMR DECISION(S) AND RATIONALE(S)', 'HOW THE IMR FINAL DETERMINATION WAS MADE',
  'CLINICAL CASE SUMMARY', 'The Expert Reviewer has the following credentials:', 'State(s) of Licensure:',
  'Certification(s)/Specialty:', 'Case Number:', 'Date Assigned:', 'Decision Date:', 'Priority:', 'Date of Injury:',
  'UR Denial Date:', 'Application', 'Received:', 'CM16-0000001', '01/02/2016', 'Standard',
  'Independent Medical Review Final Determination Letter', 'IMR Case Number:', 'Final Determination: UPHOLD',
  'MAXIMUS FEDERAL SERVICES, INC.', 'Notice of Independent Medical Review Determination',
  'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE', '1) MAXIMUS Federal Services, Inc. has determined the request for ',
  'MEDICAL PROFESSIONAL REVIEW', 'ISSUE AT DISPUTE:', 'DOCUMENTS REVIEWED', 'Case Summary:',
  'Upheld', 'Overturned', 'UPHELD.', 'overturned', ': Upheld', ':  Overturned', ': ', ':', 'Norco 10/325 mg #120',
  'Associated surgical service: Assistant surgeon', 'day supply: 30', 'Section(s):', 'Decision based on',
  'Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Opioids.',
  'The Expert Reviewer did not cite any medical evidence for its decision.',
  'The Claims Administrator did not cite any medical evidence for its decision.',
  'is not medically necessary.', 'is medically necessary.', 'is determined to not be medically necessary.',
  'was the original request.', 'was authorized by the Claims Administrator.',
  'The remaining IMR eligible portion of the original request, ', 'The original request, ', ' is: ',
  '\n', '\n', '\n', '\r\n', '\r', '\n\n\f', '\f', '\0', ' ', '  ', '\t', '\u00a0', '\u2028', '\ufeff', '-', 'non-',
  '\u2013', '\u2019', '\u00d7', '\ud83d\ude00', '\ud800', '\udfff', '.', 'x',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const anyUnit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  loneSurrogate,
  fc.constantFrom('\0', '\r', '\n', '\r\n', '\f', '\u00a0', '\u2028', ':', ' '),
);
/** Anything at all: full Unicode, lone surrogates, NUL, bare \r. */
const arbitraryText = fc.string({ unit: anyUnit, maxLength: 400 });
/** Letter-like soup: tokens, arbitrary characters and arbitrary words in any order. */
const soup = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: anyUnit }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { maxLength: 300 })
  .map((parts) => parts.join(''));
/** Lines of tokens under an issues heading, so that the item reader gets the most of them. */
const itemSoup = fc
  .array(fc.array(fc.constantFrom(...TOKENS.filter((t) => !/[\r\n]/.test(t))), { maxLength: 5 }).map((p) => p.join(' ')), { maxLength: 80 })
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => [HEADING, INTRO, ...lines].join(eol)));

const styleArb: fc.Arbitrary<Partial<LetterStyle>> = fc.record(
  {
    eol: fc.constantFrom('\n' as const, '\r\n' as const),
    doubleSpaced: fc.boolean(),
    pageBreaks: fc.boolean(),
    coverLetter: fc.boolean(),
    olderHeading: fc.boolean(),
    wrapRate: fc.constantFrom(0, 0.2, 0.5, 1),
    leadInRate: fc.constantFrom(0, 0.2, 0.5),
    variantRate: fc.constantFrom(0, 0.3, 1),
    unicode: fc.boolean(),
  },
  { requiredKeys: [] },
);

// ---------------------------------------------------------------------------------------------
// Generated letters: what was written is what is read

const WRONG_ON_A_GOOD_LETTER = ['missing-decision', 'missing-guideline', 'missing-rationale', 'decision-contradicts-rationale', 'missing-section', 'not-a-letter'];

test('generated letters: items, decisions and names are the ones generated, with no false defect', () => {
  assertProperty(
    fc.property(fc.nat(), fc.integer({ min: 1, max: 12 }), styleArb, (seed, items, style) => {
      const generated = generateLetter(seed, { items, style, summarySentences: 4 });
      const { letter, diagnostics } = check(generated.text);
      assert.equal(letter.items.length, generated.items.length, 'item count');
      assert.deepEqual(letter.items.map((i) => i.decision), generated.items.map((i) => i.decision), 'decisions in order');
      assert.deepEqual(letter.items.map((i) => i.name), generated.items.map((i) => i.name), 'names in order');
      const wrong = diagnostics.filter((d) => WRONG_ON_A_GOOD_LETTER.includes(d.code)).map((d) => `${d.code}@${d.range.start.line}`);
      assert.deepEqual(wrong, [], 'no defect reported on a letter that has none');
    }),
    { numRuns: 150, includeErrorInReport: true },
  );
});

test('generated letters, cut and spliced anywhere: invariants hold', () => {
  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(200), insert: fc.oneof(fc.constantFrom(...TOKENS), arbitraryText) });
  assertProperty(
    fc.property(fc.nat(), fc.integer({ min: 1, max: 6 }), styleArb, fc.array(edit, { minLength: 1, maxLength: 8 }), (seed, items, style, edits) => {
      let text = generateLetter(seed, { items, style, summarySentences: 3 }).text;
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
      }
      check(text);
    }),
    { numRuns: 150, includeErrorInReport: true },
  );
});

// ---------------------------------------------------------------------------------------------
// Arbitrary strings

test('arbitrary strings (full Unicode, lone surrogates, NUL, bare CR): invariants hold', () => {
  assertProperty(fc.property(arbitraryText, (text) => void check(text)), { numRuns: 300, includeErrorInReport: true });
});

test('letter-like soups of labels, headings and decisions: invariants hold', () => {
  assertProperty(fc.property(soup, (text) => void check(text)), { numRuns: 300, includeErrorInReport: true });
  assertProperty(fc.property(itemSoup, (text) => void check(text)), { numRuns: 300, includeErrorInReport: true });
});

test('every label without its text', () => {
  const headerLabels = ['Case Number:', 'Date Assigned:', 'Decision Date:', 'Priority:', 'Date of Injury:', 'UR Denial Date:', 'Application', 'Received:', 'IMR Case Number:', 'State(s) of Licensure:', 'Certification(s)/Specialty:', 'The Expert Reviewer has the following credentials:'];
  for (const eol of ['\n', '\r\n', '\r']) {
    // Each label alone, as the whole document and as the last characters of a letter.
    for (const label of [...headerLabels, ...LABELS, HEADING, 'Item:']) {
      check(label);
      check(`${HEADING}${eol}${INTRO}${eol}Norco 10/325 mg #120: Upheld${eol}${label}`);
    }
    // Items whose three labels are all empty, followed by the next item, a page break or the end.
    const empty = [HEADING, INTRO, 'Baclofen 20 mg #60: Upheld', ...LABELS, '\fMRI of the right knee: Overturned', ...LABELS.map((l) => `\f${l}`), 'Acupuncture x 6:', 'Upheld', ...LABELS.map((l) => `${l}  `)];
    const { letter, diagnostics } = check([...headerLabels, ...empty].join(eol));
    assert.equal(letter.items.length, 3, 'three items with empty fields');
    assert.deepEqual(letter.items.map((i) => i.decision), ['Upheld', 'Overturned', 'Upheld']);
    for (const code of ['missing-guideline', 'missing-rationale']) {
      assert.deepEqual(diagnostics.filter((d) => d.code === code).map((d) => d.item), [0, 1, 2], `${code} on each empty item`);
    }
  }
});
