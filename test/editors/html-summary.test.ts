// The HTML summary (imr-lint --format html) in headless Chromium: it renders its charts, makes no
// request but for the page itself, prints to PDF; screenshots in test-results/ for a person to look at.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { runCli, tempDir } from '../cli/helpers';
import { requireShared } from '../support/paths';
import { requireChromium } from './codeServer';
import { repoRoot } from './harness';

describe('the HTML summary in Chromium', () => {
  let dir: string;
  let cleanup: () => void;
  let browser: Browser;
  let page: string;
  before(async () => {
    ({ dir, cleanup } = tempDir('imr-html-'));
    const run = await runCli(['--format', 'html', requireShared('corpus/letters')], { cwd: dir });
    assert.notEqual(run.code, 2, run.stderr);
    page = join(dir, 'summary.html');
    writeFileSync(page, run.stdout);
    browser = await chromium.launch({ executablePath: requireChromium(), args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
    cleanup();
  });

  it('renders totals and charts, requests nothing else, and is saved as a screenshot', async () => {
    const tab = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    tab.on('request', (r) => requests.push(r.url()));
    await tab.goto(pathToFileURL(page).href);
    assert.deepEqual(requests, [pathToFileURL(page).href], 'only the page itself');
    const letters = await tab.locator('#totals .total').first().locator('b').textContent();
    assert.equal(letters, '194');
    assert.equal(await tab.locator('#share svg rect').count(), 2);
    assert.ok((await tab.locator('#months svg rect').count()) >= 2, 'bars for the months');
    assert.ok((await tab.locator('#rules svg rect').count()) >= 1, 'bars for the rules');
    const box = await tab.locator('#share svg').boundingBox();
    assert.ok(box && box.width > 300 && box.height > 20, `the share chart is drawn: ${JSON.stringify(box)}`);
    assert.ok((await tab.locator('#letters a').count()) > 0, 'letters with problems are linked');
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
    await tab.screenshot({ path: join(repoRoot, 'test-results', 'html-summary.png'), fullPage: true });
    await tab.close();
  });

  it('prints: a PDF of a few pages in print media', async () => {
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(page).href);
    await tab.emulateMedia({ media: 'print' });
    const pdf = await tab.pdf({ format: 'Letter' });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1 && pages <= 6, `pages: ${pages}`);
    await tab.screenshot({ path: join(repoRoot, 'test-results', 'html-summary-print.png'), fullPage: true });
    await tab.close();
  });
});
