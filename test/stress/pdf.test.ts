// Every PDF of the shared corpus, read by the PDF worker, must equal its pdftotext text byte for
// byte (issue 10's golden test): about 12 s of one worker on this machine, so it runs in
// `npm test` and not in `npm run test:fast`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PdfReader } from '../../server/src/pdf/reader';
import { pageStartsOf } from '../../server/src/pdf/result';
import { requireShared } from '../support/paths';

const reader = new PdfReader();
after(() => reader.close());

test('pdf: all 194 corpus PDFs read byte for byte as their pdftotext text', async () => {
  const pdfDir = requireShared('corpus/pdf');
  const textDir = requireShared('corpus/letters');
  const files = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf')).sort();
  assert.equal(files.length, 194);
  const different: string[] = [];
  for (const file of files) {
    const result = await reader.read(readFileSync(join(pdfDir, file)));
    const want = readFileSync(join(textDir, file.replace(/\.pdf$/, '.txt')), 'utf8');
    if (!result.ok) different.push(`${file}: ${result.message}`);
    else if (result.text !== want) different.push(file);
    else assert.deepEqual(result.pageStarts, pageStartsOf(want), file);
  }
  assert.deepEqual(different, []);
});
