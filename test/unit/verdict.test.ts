import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rationaleVerdict } from '../../server/src/engine/verdict';

// Wordings of Upheld verdicts counted in the corpus README, and their Overturned counterparts.
const NEGATIVE = [
  'The request is not medically necessary.',
  'The request is determined to not be medically necessary.',
  'Norco is not a medical necessity.',
  'Therefore, the request is not necessary.',
  'The request is not considered medically necessary.',
  'The request is not seen as medically necessary.',
  'The request is not-medically necessary.',
  'The request cannot be considered medically necessary.',
  'It cannot be deemed medically necessary without further evidence of benefit.',
  'The request is not supported by the guidelines as being medically necessary.',
  'It is not indicated as medically necessary.',
  'The request does not appear medically necessary.',
  'The request is not medically appropriate.',
  'The medical necessity of this request is not established.',
  'Since surgery is not medically necessary, none of the associated services are medically necessary.',
];
const POSITIVE = [
  'The request is medically necessary.',
  'Therefore, the request for MRI of the left knee without contrast is medically necessary.',
  'Although surgery is not indicated yet, a splint is medically necessary.',
  'The request is medically necessary and appropriate.',
];

test('negative verdicts are read as not necessary', () => {
  for (const s of NEGATIVE) assert.equal(rationaleVerdict('Some history. ' + s), 'not-necessary', s);
});

test('positive verdicts are read as necessary', () => {
  for (const s of POSITIVE) assert.equal(rationaleVerdict('Some history. ' + s), 'necessary', s);
});

test('conditional clauses and passing mentions state no verdict', () => {
  assert.equal(rationaleVerdict('An MRI would be medically necessary if red flags were present.'), null);
  assert.equal(rationaleVerdict('This decision addresses the medical necessity of opioids.'), null);
  assert.equal(rationaleVerdict('Consult the guidelines and, if necessary, other sources.'), null);
  assert.equal(rationaleVerdict(''), null);
  // The last stated verdict wins over an earlier one.
  assert.equal(rationaleVerdict('UR found it medically necessary. The reviewer finds it is not medically necessary.'), 'not-necessary');
});
