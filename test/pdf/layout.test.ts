// The line rebuild on runs we place ourselves: what it reads is positions and font sizes, so the
// same page scaled, moved or set in another font size reads the same.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageText, type TextRun } from '../../server/src/pdf/layout';

const run = (str: string, x: number, y: number, size = 10, width = str.length * size * 0.5): TextRun => ({ str, x, y, width, size });

test('layout: runs on one baseline join in x order; a gap over 0.15 em or a blank run is a space', () => {
  const runs = [run('world', 131, 700), run('Hello', 100, 700), run('again', 157, 700.5), run('!', 182, 700)];
  // Hello ends at 125: gap 6 (0.6 em) -> space; world ends at 156: gap 1 (0.1 em) -> none;
  // again ends at 182: touching -> none.
  assert.equal(pageText(runs), 'Hello worldagain!\n\n\f');
  const withBlank = [run('a', 100, 700), run(' ', 105, 700, 10, 0), run('b', 105, 700)];
  assert.equal(pageText(withBlank), 'a b\n\n\f');
});

test('layout: lines go top to bottom; baselines within half an em are one line (a superscript)', () => {
  const runs = [run('second', 100, 680), run('first', 100, 700), run('st', 126, 703, 6)];
  assert.equal(pageText(runs), 'firstst\nsecond\n\n\f');
});

test('layout: a table of two rows or more prints column by column, each column a flow', () => {
  const rows = [
    [run('Name:', 72, 700), run('Ann', 150, 700), run('Date:', 300, 700), run('01/02', 380, 700)],
    [run('Case:', 72, 686), run('C-1', 150, 686), run('Due:', 300, 686), run('03/04', 380, 686)],
    [run('Received:', 300, 672)], // a cell of the third column on a row of its own
    [run('Body text after the table.', 72, 640)],
  ];
  assert.equal(
    pageText(rows.flat()),
    'Name:\nCase:\n\nAnn\nC-1\n\nDate:\nDue:\nReceived:\n\n01/02\n03/04\n\nBody text after the table.\n\n\f',
  );
});

test('layout: a lone line with a wide gap (a redaction) prints its parts as lines of its flow', () => {
  const runs = [run('before', 72, 700), run('was replaced by', 72, 686), run('and then', 300, 686), run('after', 72, 672)];
  assert.equal(pageText(runs), 'before\nwas replaced by\nand then\nafter\n\n\f');
});

test('layout: a line ending in "-" runs on into the next line of its flow, as poppler does', () => {
  const runs = [run('a non-', 72, 700), run('opioid drug', 72, 686), run('the last-', 72, 672)];
  // The hyphen of the flow's last line stays.
  assert.equal(pageText(runs), 'a nonopioid drug\nthe last-\n\n\f');
});

test('layout: scaling, moving or resizing the page reads the same text', () => {
  const page = [
    run('Case Number:', 72, 700), run('CM-1', 150, 700), run('Date of Injury:', 300, 700), run('01/01', 400, 700),
    run('Priority:', 72, 686), run('Standard', 150, 686), run('UR Denial Date:', 300, 686), run('02/02', 400, 686),
    run('Text of a', 72, 650), run('paragraph', 122, 650), run('with a hyphen-', 72, 636), run('ated word.', 72, 622),
  ];
  const expected = pageText(page);
  for (const [scale, dx, dy] of [[2, 0, 0], [0.5, 30, -200], [1.37, -50, 400]]) {
    const moved = page.map((r) => ({ ...r, x: r.x * scale + dx, y: r.y * scale + dy, width: r.width * scale, size: r.size * scale }));
    assert.equal(pageText(moved), expected, `scale ${scale}`);
  }
  assert.match(expected, /^Case Number:\nPriority:\n\nCM-1\nStandard\n\nDate of Injury:\nUR Denial Date:\n\n01\/01\n02\/02\n\nText of a paragraph\nwith a hyphenated word\.\n\n\f$/);
});

test('layout: an empty page is a form feed; runs with no size or position are ignored', () => {
  assert.equal(pageText([]), '\f');
  assert.equal(pageText([run('x', Number.NaN, 700), { str: 'y', x: 1, y: 1, width: 1, size: 0 }]), '\f');
});
