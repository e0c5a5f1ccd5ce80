// --format html: one self-contained summary page, over the built CLI. What a browser makes of it
// (rendering, no request leaves the page, printing) is tested in Chromium by
// test/editors/html-summary.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLEAN_LETTER, FAULTY_LETTER, WARNING_LETTER, runCli, tempDir, writeTree } from './helpers';

const withDate = (text: string, date: string): string => text.replace(/^(Case Number: .*\n)/, `$1Decision Date: ${date}\n`);

describe('imr-lint --format html', () => {
  let dir: string;
  let cleanup: () => void;
  let html: string;
  let code: number | null;
  before(async () => {
    ({ dir, cleanup } = tempDir());
    writeTree(dir, {
      'dec/clean.txt': withDate(CLEAN_LETTER, '12/09/2016'),
      'mar/faulty.txt': withDate(FAULTY_LETTER, '03/07/2017'),
      'mar/<b>&"odd".imr': withDate(WARNING_LETTER, '03/20/2017'),
    });
    const run = await runCli(['--format', 'html', '.'], { cwd: dir });
    html = run.stdout;
    code = run.code;
    assert.equal(run.stderr, '');
  });
  after(() => cleanup());

  it('is one HTML page with the usual exit code (1: a letter has an error)', () => {
    assert.equal(code, 1);
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">'));
    assert.ok(html.trimEnd().endsWith('</html>'));
  });

  it('loads nothing: a CSP that forbids it, no script, no remote URL, no font', () => {
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    assert.doesNotMatch(html, /<script|\bsrc=|@import|url\(|@font-face|https?:\/\//i);
  });

  it('totals, the share, months and rules come from the letters', () => {
    const totals = /<div class="totals" id="totals">([\s\S]*?)<\/div>\n<section/.exec(html)?.[1] ?? '';
    const values = Object.fromEntries([...totals.matchAll(/<div class="total">([^<]+)<b>([\d,]+)<\/b><\/div>/g)].map((m) => [m[1], Number(m[2])]));
    assert.deepEqual(values, { 'Letters': 3, 'Items': 5, 'Upheld': 3, 'Overturned': 1, 'No decision': 1, 'Letters with problems': 2, 'Problems': 3 });
    assert.match(html, /aria-label="Upheld 75%, Overturned 25%"/);
    assert.match(html, /<title>2016-12: 1 upheld, 1 overturned<\/title>/);
    assert.match(html, /<title>2017-03: 2 upheld, 0 overturned<\/title>/);
    assert.ok(html.indexOf('2016-12:') < html.indexOf('2017-03:'), 'months in order');
    assert.match(html, />missing-guideline<\/text><rect [^>]*\/><text [^>]*>2<\/text>/);
    assert.match(html, />missing-decision<\/text><rect [^>]*\/><text [^>]*>1<\/text>/);
  });

  it('lists the letters with problems, linked relative to the working folder, names escaped', () => {
    assert.match(html, /<h2>Letters with problems \(2\)<\/h2>/);
    assert.match(html, /<a href="mar\/faulty\.txt">mar\/faulty\.txt<\/a>/);
    assert.ok(html.includes('<a href="mar/%3Cb%3E%26%22odd%22.imr">mar/&lt;b&gt;&amp;&quot;odd&quot;.imr</a>'), 'href encoded, text escaped');
    assert.ok(!html.includes('<b>&"odd"'), 'no raw markup from a file name');
    assert.ok(!html.includes('dec/clean.txt'), 'a clean letter is not listed');
  });

  it('an empty run still makes a page', async () => {
    const { dir: empty, cleanup: done } = tempDir();
    try {
      writeTree(empty, { 'notes.md': 'nothing' });
      const run = await runCli(['--format', 'html', '.'], { cwd: empty });
      // No letter found is said (exit 2), and the page is still written.
      assert.equal(run.code, 2);
      assert.match(run.stderr, /no letters found/);
      assert.match(run.stdout, /<b>0<\/b>/);
      assert.match(run.stdout, /No decided items\./);
    } finally {
      done();
    }
  });
});
