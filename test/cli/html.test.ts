// --format html: one self-contained summary page, over the built CLI. What a browser makes of it
// (rendering, no request leaves the page, printing) is tested in Chromium by
// test/editors/html-summary.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { requireShared } from '../support/paths';
import { PUBLISHED_CATEGORY_RATES, PUBLISHED_RATES } from '../../server/src/report/html';
import { CLEAN_LETTER, FAULTY_LETTER, WARNING_LETTER, letterText, runCli, tempDir, writeTree } from './helpers';

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

/** The rows of one breakdown section: [id, items, upheld, overturned, share, published (text)]. */
function breakdown(html: string, section: string): string[][] {
  const start = html.indexOf(`<section id="${section}">`);
  assert.ok(start >= 0, `section ${section}`);
  const body = html.slice(start, html.indexOf('</section>', start));
  return [...body.matchAll(/<tr><td class="k">([^<]+)<\/td><td class="n">(\d+)<\/td><td class="n">(\d+)<\/td><td class="n">(\d+)<\/td><td class="n">([^<]*)<\/td><td>(?:<svg [^<>]*>(?:<rect [^<>]*\/>)*<\/svg>)?<\/td>(?:<td>(.*?)<\/td>)?<\/tr>/g)].map((m) =>
    [m[1], m[2], m[3], m[4], m[5], (m[6] ?? '').replace(/<\/?[a-z][^<>]*>/g, '')],
  );
}

describe('imr-lint --format html: decisions by category, drug group and guideline class', () => {
  let html: string;
  let cleanup: () => void;
  before(async () => {
    let dir: string;
    ({ dir, cleanup } = tempDir());
    writeTree(dir, {
      'a.txt': letterText([
        { name: 'Norco 10/325mg #120', decision: 'Upheld' },
        { name: 'Gabapentin 600mg #90', decision: 'Overturned' },
        { name: 'Physical therapy 2 x 6 for the lumbar spine', decision: 'Overturned' },
      ]),
      'b.txt': letterText([
        { name: 'Cognitive behavioral therapy 6 sessions', decision: 'Upheld' },
        { name: 'Lumbar epidural steroid injection L4-5', decision: 'Upheld', maximus: 'Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, Low Back Complaints, page 300.' },
        { name: 'Tramadol 50mg #60', decision: 'Upheld' },
      ], { caseNumber: 'CM16-0000002' }),
      'c.txt': FAULTY_LETTER,
    });
    const run = await runCli(['--format', 'html', '.'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr); // c.txt has an error
    html = run.stdout;
  });
  after(() => cleanup());

  it('by treatment category: counts, the Upheld share of decided items, CWCI 2022 rates beside', () => {
    // Most items first, then by id. The MRI has no decision: counted, outside the share.
    assert.deepEqual(breakdown(html, 'categories'), [
      ['pharmaceuticals', '3', '2', '1', '66.7%', ''],
      ['diagnostics', '1', '0', '0', '', ''],
      ['dme', '1', '1', '0', '100%', ''],
      ['injections', '1', '1', '0', '100%', '95.9% upheld (CWCI 2022)'],
      ['physical-medicine', '1', '0', '1', '0%', ''],
      ['psychological', '1', '1', '0', '100%', '82.5% upheld (CWCI 2022)'],
    ]);
  });

  it('by drug group: only the drugs', () => {
    assert.deepEqual(breakdown(html, 'drug-groups'), [
      ['opioids', '2', '2', '0', '100%', ''],
      ['anticonvulsants', '1', '0', '1', '0%', ''],
    ]);
  });

  it('by MAXIMUS guideline class, an item without the field counted apart', () => {
    assert.deepEqual(breakdown(html, 'guideline-classes'), [
      ['mtus-chronic-pain', '6', '3', '2', '60%', ''],
      ['(no MAXIMUS guideline)', '1', '1', '0', '100%', ''],
      ['mtus-acoem-12', '1', '1', '0', '100%', ''],
    ]);
  });

  it('the published uphold rates beside the folder\'s share, each with its source as domain.md names it', () => {
    const share = html.slice(html.indexOf('<section id="share">'), html.indexOf('<section id="categories">'));
    assert.match(share, /aria-label="Upheld 71.4%, Overturned 28.6%"/);
    for (const p of PUBLISHED_RATES) assert.ok(share.includes(`<tr><td>${p.source.replace(/&/g, '&amp;')}</td><td>${p.figure}</td></tr>`), p.source);
    // The figures as ../shared/notes/domain.md states them (read there when it is present).
    const domain = readFileSync(requireShared('notes/domain.md'), 'utf8').replace(/\s+/g, ' ');
    for (const figure of ['DWC 2013, 84% upheld', '137,781 letters), 91% upheld', 'DWC 2016, 8.4% overturned', 'DWC 2019, 10.4% overturned', 'CWCI 2021, 92.0% upheld', '2022, 91.1% upheld', 'from 82.5% for psychological services to 95.9% for injections', 'about 90% upheld']) {
      assert.ok(domain.includes(figure), figure);
    }
    assert.deepEqual(Object.keys(PUBLISHED_CATEGORY_RATES).sort(), ['injections', 'psychological']);
  });
});
