// The IMR Letters view's model (client/src/lettersModel.ts): grouping, filtering, the badge.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFilter, describeFilter, groupLetters, lettersWithProblems, outcomeOf, parseFilter } from '../../client/src/lettersModel';
import type { WorkspaceLetterEntry } from '../../server/src/shared/protocol';

const R = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const letter = (uri: string, items: Array<[string, 'Upheld' | 'Overturned' | null, string[]]>, letterRules: string[] = []): WorkspaceLetterEntry => ({
  uri,
  caseNumber: `CM-${uri.slice(-5, -4)}`,
  layout: 'standard',
  problems: items.reduce((n, i) => n + i[2].length, letterRules.length),
  letterRules,
  items: items.map(([name, decision, rules]) => ({ name, decision, range: R, rules })),
});

const A = letter('file:///w/x/a.txt', [['Norco', 'Upheld', []], ['Physical therapy', 'Overturned', ['missing-guideline']]]);
const B = letter('file:///w/y/b.txt', [['MRI', null, ['missing-decision']]]);
const C = letter('file:///w/x/c.txt', [['Brace', 'Upheld', []]]);
const D = letter('file:///w/y/d.txt', [['Acupuncture', 'Overturned', []]], ['older-layout']);
const ALL = [A, B, C, D];
const name = (uri: string): string => uri.slice(uri.lastIndexOf('/') + 1);
const folder = (uri: string): string => uri.slice(0, uri.lastIndexOf('/'));

describe('IMR Letters view model', () => {
  it('outcome of a letter from its items', () => {
    assert.deepEqual(ALL.map(outcomeOf), ['Partly overturned', 'No decision', 'All upheld', 'All overturned']);
  });

  it('groups by folder and by outcome, in a stable order', () => {
    assert.deepEqual(groupLetters(ALL, 'folder', folder).map((g) => [g.label, g.letters.map((l) => name(l.uri))]), [
      ['file:///w/x', ['a.txt', 'c.txt']],
      ['file:///w/y', ['b.txt', 'd.txt']],
    ]);
    assert.deepEqual(groupLetters(ALL, 'outcome', folder).map((g) => g.label), ['All upheld', 'Partly overturned', 'All overturned', 'No decision']);
    assert.deepEqual(groupLetters(ALL, 'none', folder).map((g) => g.letters.length), [4]);
  });

  it('filters by decision (keeping matching items), by rule (items or the letter), by text', () => {
    const overturned = applyFilter(ALL, parseFilter('decision:overturned'), name);
    assert.deepEqual(overturned.map((l) => [name(l.uri), l.items.map((i) => i.name)]), [['a.txt', ['Physical therapy']], ['d.txt', ['Acupuncture']]]);
    assert.deepEqual(applyFilter(ALL, parseFilter('rule:missing-decision'), name).map((l) => name(l.uri)), ['b.txt']);
    assert.deepEqual(applyFilter(ALL, parseFilter('rule:older-layout'), name).map((l) => [name(l.uri), l.items.length]), [['d.txt', 0]]);
    assert.deepEqual(applyFilter(ALL, parseFilter('brace'), name).map((l) => name(l.uri)), ['c.txt']);
    assert.deepEqual(applyFilter(ALL, parseFilter('decision:upheld therapy'), name).map((l) => [name(l.uri), l.items.map((i) => i.name)]), [['a.txt', ['Norco']]]);
    assert.equal(applyFilter(ALL, parseFilter(''), name).length, 4);
  });

  it('reads and writes the filter text', () => {
    assert.deepEqual(parseFilter(' Decision:UPHELD rule:missing-guideline  knee mri '), { decision: 'Upheld', rule: 'missing-guideline', text: 'knee mri' });
    assert.equal(describeFilter(parseFilter('rule:x decision:overturned y')), 'decision:overturned rule:x y');
    assert.deepEqual(parseFilter('decision:maybe'), { decision: null, rule: null, text: 'decision:maybe' });
  });

  it('the badge counts letters with problems', () => {
    assert.equal(lettersWithProblems(ALL), 3);
  });
});
