// The engine's fast paths, held to slow and obvious references. Fields are folded only when read
// (letterField.ts), and the rules read them as written with "blind" regexes: on any field text
// (whitespace runs of every kind, words hyphenated at line ends, page footers, verdict phrases
// cut anywhere) each rule's reading of the text as written equals its reading of the folded
// text, for every tail length and whether or not the field was folded first. The verdict reader
// skips sentences and clauses by keyword; it must agree with reading every clause of every
// sentence from the end. Duplicate items are found by hashing the ends of names; they must be
// the ones a key per name finds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertProperty } from '../support/seeded';
import { parse } from '../../server/src/engine/parse';
import { blindText, isEmptyField } from '../../server/src/engine/fieldText';
import { CONDITIONAL, fieldVerdict, MENTION, NEGATION, rationaleVerdict } from '../../server/src/engine/verdict';
import { NO_EVIDENCE } from '../../server/src/engine/rules/uncited-guideline';
import { STUB } from '../../server/src/engine/rules/missing-guideline';
import { firstsByHash, firstsByMap, keyHash } from '../../server/src/engine/rules/duplicate-item';
import { collidingName } from '../../bench/hostile';
import type { Field, Letter } from '../../server/src/engine/types';
import { rules } from '../../server/src/engine/rules';
import { colonBefore, decisionWordColumn } from '../../server/src/engine/readItems';
import { DECISION_AT_END } from '../../server/src/engine/patterns';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { HEADING, INTRO } from './huge-inputs';

const WORDS = [
  'The', 'request', 'is', 'not', 'medically', 'necessary', 'appropriate', 'was', 'be', 'been', 'determined', 'to',
  'medical', 'necessity', 'of', 'this', 'has', 'established', 'supported', 'met', 'a', 'considered', 'cannot', "isn't",
  'would', 'if', 'but', 'however', 'non-', 'not-', 'medi-', 'neces-', 'evi-', 'dence', 'sary', 'cally', 'did', 'cite',
  'any', 'cited', 'no', 'evidence', 'guidelines', 'were', 'Decision', 'based', 'on', 'n/a', 'none', '-', '--', 'MTUS',
  'Opioids', 'pain', 'therefore', 'Therefore', 'It', 'x', 'non-steroidal', 'e.g', 'Dr', '2', '10/325',
];
const GAPS = [' ', ' ', ' ', '  ', '\n', '\r\n', '\n\n', '\r\n\r\n', '\t', ' \n ', '\u00a0', '\u2003', '\n\f\n', '-\n', '- \n  '];
const PUNCT = ['', '', '', '.', '. ', '.\n', ',', ';', '!', '?', '.The', ').'];
const FOOTERS = ['\nPage 2 of 5\n', '\n\nCM16-0000001\n\n', '\n12\n', '\r\nPage 3\r\n'];

/** Verdicts whose words are hyphenated or spread at line ends, where reading as written could go wrong. */
const PHRASES = [
  'is not-\nnecessary.', 'is non-\n  medically necessary.', 'is medi-\ncally necessary.', 'is un-\r\nnecessary.',
  'is not\n\nmedically\r\nnecessary.', 'medical necessity of the re-\nquest has not been established.',
  'would be medically necessary if', 'is medically necessary', 'is not medically necessary', 'The request is',
  'is medically appropriate.', 'is not medically reasonable', 'was not a medical necessity', 'is a medical necessity',
  'medical necessity, as documented, has been established', 'medical necessity of it was not met',
];

const piece = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...PHRASES), fc.constantFrom(...GAPS)).map((p) => p.join('')) },
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...PUNCT), fc.constantFrom(...GAPS)).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.constantFrom(...FOOTERS) },
);
const fieldText = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));

/** A one-item letter whose three fields hold the given texts, read afresh each time. */
function fields(ca: string, maximus: string, rationale: string): { ca: Field; maximus: Field; rationale: Field } {
  const text = `${HEADING}\n${INTRO}\n\nNorco 10/325 mg #120: Upheld\n\nClaims Administrator guideline: ${ca}\n\nMAXIMUS guideline: ${maximus}\n\nDecision rationale: ${rationale}\n`;
  const [item] = parse(text).items;
  assert.ok(item?.claimsAdministratorGuideline && item.maximusGuideline && item.decisionRationale, 'the three fields are read');
  return { ca: item.claimsAdministratorGuideline, maximus: item.maximusGuideline, rationale: item.decisionRationale };
}

const TAILS = [0, 1, 5, 20, 60, 200, Infinity];

test('a rationale read from its tail, as written, gives the verdict of its folded text', () => {
  assertProperty(
    fc.property(fieldText, fc.constantFrom(...TAILS), fc.boolean(), (text, tail, foldFirst) => {
      const { rationale } = fields('x', 'x', text);
      const folded = rationale.text;
      const fresh = fields('x', 'x', text).rationale;
      if (foldFirst) void fresh.text;
      assert.equal(fieldVerdict(fresh, tail), rationaleVerdict(folded));
    }),
    { numRuns: 1500, includeErrorInReport: true },
  );
});

/** The verdict as the rule defines it, read the slow way: every clause of every sentence, from the end. */
function referenceVerdict(text: string): string | null {
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    if (!'.!?'.includes(text[i])) continue;
    const next = text[i + 1];
    if (/\s/.test(next) || (/[A-Z]/.test(next) && i > 0 && /[a-z]/.test(text[i - 1]))) {
      sentences.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  sentences.push(text.slice(start));
  for (let k = sentences.length - 1; k >= 0; k--) {
    const clauses = sentences[k].split(/[,;:]|\b(?:but|however|although|though|while|whereas)\b/i);
    for (let c = clauses.length - 1; c >= 0; c--) {
      if (MENTION.test(clauses[c]) && !CONDITIONAL.test(clauses[c])) return NEGATION.test(clauses[c]) ? 'not-necessary' : 'necessary';
    }
  }
  return null;
}

test('the verdict reader agrees with reading every clause of every sentence', () => {
  const clauseText = fc
    .array(fc.oneof(piece, fc.constantFrom(', ', '; ', ': ', ' but ', ' however, ', ' although ', ' if ', ' would ', ' whereas ', '.', '. ')), { maxLength: 40 })
    .map((p) => p.join(''));
  assertProperty(
    fc.property(clauseText, (text) => {
      const folded = fields('x', 'x', text).rationale.text;
      assert.equal(rationaleVerdict(folded), referenceVerdict(folded));
    }),
    { numRuns: 2000, includeErrorInReport: true },
  );
  // Cases the keyword and last-clause shortcuts must not get wrong.
  for (const [text, verdict] of [
    ['As such, the request is not medically necessary.', 'not-necessary'],
    ['It is medically necessary, but would not be if pain resolved.', 'necessary'],
    ['Although it would be medically necessary if indicated, it is not medically necessary.', 'not-necessary'],
    ['The medical necessity, as documented, has not been established.', null],
    ['The request is medically necessary; however the dose is not.', 'necessary'],
  ] as const) {
    assert.equal(rationaleVerdict(text), verdict, text);
    assert.equal(referenceVerdict(text), verdict, text);
  }
});

test('the no-evidence and stub patterns, and emptiness, read the same as written and folded', () => {
  assertProperty(
    fc.property(fieldText, fieldText, (a, b) => {
      const read = fields(a, b, 'x');
      const lazy = fields(a, b, 'x');
      for (const [name, f, g] of [['ca', read.ca, lazy.ca], ['maximus', read.maximus, lazy.maximus]] as const) {
        assert.equal(NO_EVIDENCE.test(blindText(g)), NO_EVIDENCE.test(f.text), `${name}: no evidence`);
        assert.equal(STUB.test(blindText(g)), STUB.test(f.text), `${name}: stub`);
        assert.equal(isEmptyField(g), f.text === '', `${name}: empty`);
        assert.equal(g.text, f.text, `${name}: folded once, read twice`);
      }
    }),
    { numRuns: 1000, includeErrorInReport: true },
  );
});

test('stubs and no-evidence statements spread over lines and footers are still found', () => {
  const { ca, maximus } = fields('The Claims Administrator did\n\nnot cite   any\r\nmedical evidence.', 'Decision\n\nPage 2 of 4\n\nbased on', 'x');
  assert.ok(NO_EVIDENCE.test(blindText(ca)));
  assert.ok(STUB.test(blindText(maximus)));
  assert.equal(maximus.text, 'Decision based on');
});

test('a field written as JSON holds its folded text and nothing private', () => {
  const { rationale } = fields('x', 'x', 'The request is not\n\nmedically necessary.');
  const json = JSON.parse(JSON.stringify(rationale)) as Field;
  assert.equal(json.text, 'The request is not medically necessary.');
  assert.deepEqual(Object.keys(json).sort(), ['kind', 'label', 'labelRange', 'text', 'textRange']);
  assert.equal(rationale.text, json.text);
});

test('decision lines read by character are the ones the decision patterns read', () => {
  const DECISION_ONLY = /^(?:upheld|overturned)\.?$/i;
  const part = fc.constantFrom('Upheld', 'OVERTURNED', 'upheld.', 'Overturned.', 'reupheld', 'uphel', 'd', '.', '..', ':', ': ', ':\u00a0',
    ' ', '  ', '\t', '\u2003', '\u2028', 'Norco 10/325 mg #120', 'x', 'é', 'İ', '\u212a');
  assertProperty(
    fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
      const idx = new LineIndex(parts.join(''));
      const content = idx.content(0);
      const word = decisionWordColumn(idx, 0);
      const atEnd = word >= 0 && colonBefore(idx, 0, word);
      const alone = word >= 0 && word === idx.start(0);
      assert.equal(atEnd, DECISION_AT_END.test(content), 'after a colon');
      assert.equal(alone, DECISION_ONLY.test(content), 'alone on its line');
      if (word >= 0) assert.match(content.slice(word - idx.start(0)), /^(?:upheld|overturned)\.?$/i);
    }),
    { numRuns: 3000, includeErrorInReport: true },
  );
});

test('duplicate items found by hashed names are the ones a key per name finds', () => {
  const key = (name: string) => name.toLowerCase().replace(/\s+/g, '');
  const reference = (names: readonly string[]): Array<[number, number]> => {
    const first = new Map<string, number>();
    const pairs: Array<[number, number]> = [];
    names.forEach((name, index) => {
      const k = key(name);
      if (k === '' || k === key('(unnamed item)')) return;
      const earlier = first.get(k);
      if (earlier === undefined) first.set(k, index);
      else pairs.push([earlier, index]);
    });
    return pairs;
  };
  const rule = rules.find((r) => r.id === 'duplicate-item');
  assert.ok(rule);
  // Long shared openings and endings, case and space variants, and characters whose lower case
  // or whitespace class changes the key: the Kelvin sign, dotted I, Unicode spaces.
  const part = fc.constantFrom('Norco 10/325 mg #120', 'NORCO', 'norco', ' ', '  ', '\u2028', '\u00a0', '\u212a', 'k', 'K',
    '\u0130', 'i\u0307', 'i', 'Physical therapy 2 x ', '4', '6', ' for the lumbar spine', '(unnamed item)', 'é', 'É', '\t');
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  assertProperty(
    fc.property(fc.array(fc.array(part, { maxLength: 6 }).map((p) => p.join('')), { maxLength: 12 }), (names) => {
      const letter = { layout: 'standard', items: names.map((name) => ({ name, nameRange: range })) } as unknown as Letter;
      const found = rule.check(letter).map((f) => {
        const first = Number(/first as item (\d+)/.exec(f.message)?.[1]) - 1;
        return [first, f.item ?? -1] as [number, number];
      });
      assert.deepEqual(found, reference(names));
    }),
    { numRuns: 3000, includeErrorInReport: true },
  );
});

// Issue 13: names that share their first and last words (one request per visit, numbered in the
// middle) once all hashed alike, and the duplicate check compared every item with every earlier
// one: 80,000 items took 36 s. Every character now counts, so such names hash apart.
test('names that differ only in the middle hash apart (the duplicate check stays linear)', () => {
  const names = Array.from({ length: 20_000 }, (_, i) => `Physical therapy for the lumbar spine, visit ${i} of the series, as requested`);
  const distinct = new Set(names.map(keyHash)).size;
  assert.ok(distinct >= names.length - 5, `${distinct} distinct hashes for ${names.length} distinct names`);
  // Equal keys still hash equal, whatever the case and spacing.
  assert.equal(keyHash('Norco 10/325 mg #120'), keyHash('NORCO  10/325mg #120'));
});

// The hash is not seeded, so a letter can be written whose names all share it; past a budget of
// probes the table must give up and a Map (seeded by V8) give the same answer in linear time.
test('names written to share one hash make the table give up, and the Map answers the same', () => {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  const asItems = (names: readonly string[]) => names.map((name) => ({ name, nameRange: range })) as never;
  const names = Array.from({ length: 5_000 }, (_, i) => collidingName(i));
  names.push(collidingName(17), collidingName(4_000)); // two real duplicates among them
  assert.equal(new Set(names.map(keyHash)).size, 1, 'the hostile names must share one hash');
  assert.equal(firstsByHash(asItems(names)), null);
  const firsts = Array.from(firstsByMap(asItems(names)));
  assert.deepEqual(firsts.flatMap((first, index) => (first >= 0 ? [[first, index]] : [])), [[17, 5_000], [4_000, 5_001]]);
  // Ordinary names stay on the table, with the same answer as the Map.
  const ordinary = ['Norco 10/325 mg #120', 'MRI of the knee', 'NORCO 10/325mg #120', 'Acupuncture x 6'];
  assert.deepEqual(Array.from(firstsByHash(asItems(ordinary)) ?? []), Array.from(firstsByMap(asItems(ordinary))));
});
