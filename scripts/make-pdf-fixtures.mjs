// Writes the PDF fixtures of test/fixtures/pdf/ from letters we wrote (test/fixtures/*.txt), with
// pdf-lib (a devDependency) for the pages and Debian's qpdf for the encrypted copies.
// Usage: node scripts/make-pdf-fixtures.mjs   (needs qpdf: apt-get install qpdf)
// The PDFs are committed, so tests need neither tool; run this again only to change them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';

const FIXTURES = 'test/fixtures';
const OUT = join(FIXTURES, 'pdf');
const FIXED_DATE = new Date('2026-01-15T12:00:00Z');

/** Letters laid out as PDFs: one per defect the rules find, and clean ones. */
const LETTERS = {
  'missing-decision': 'missing-decision.txt',
  'missing-guideline': 'missing-guideline.txt',
  uncited: 'uncited.txt',
  'missing-rationale': 'missing-rationale.txt',
  contradiction: 'contradiction.txt',
  'duplicate-item': 'duplicate-item.txt',
  'missing-section': 'missing-section.txt',
  'not-a-letter': 'not-a-letter.txt',
  'cover-letter': 'cover-letter.txt',
  'notice-2013': 'notice-2013.txt',
};

/** The letter of a fixture without its expected-finding marker lines (test/support/fixtures.ts). */
function withoutMarkers(text) {
  return text.replace(/^ *[\^v] \[[a-z0-9-]+\] (?:error|warning|information|hint): .*(?:\r\n|\n|\r|$)/gm, '');
}

mkdirSync(OUT, { recursive: true });

/**
 * Lays a text out as pages: 11 pt Helvetica, 13.5 pt leading, 48 lines a page, a new page at
 * each form feed. A line with " | " is a table row: its cells go to fixed columns, labels bold.
 * `rotated`: each page is stored sideways (612 x 792, text running up the page) and shown turned
 * by /Rotate 90, as scanners and some printers write landscape pages: it reads as the upright one.
 */
async function layOut(text, { linesPerPage = 48, rotated = false } = {}) {
  const doc = await PDFDocument.create();
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  doc.setProducer('imr-letters make-pdf-fixtures');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const size = 11;
  const columns = [72, 180, 330, 440];
  let page = null;
  let y = 0;
  let onPage = 0;
  const newPage = () => {
    page = doc.addPage([612, 792]);
    if (rotated) page.setRotation(degrees(90));
    y = 720;
    onPage = 0;
  };
  // Shown turned a quarter clockwise: a line's distance from the top is its x, its left edge its y.
  const draw = (str, x, font) =>
    rotated ? page.drawText(str, { x: 792 - y, y: x, size, font, rotate: degrees(90) }) : page.drawText(str, { x, y, size, font });
  newPage();
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = raw;
    if (line.startsWith('\f')) {
      newPage();
      line = line.replace(/^\f+/, '');
    }
    if (onPage >= linesPerPage) newPage();
    const printable = line.replace(/[^\x20-\x7e]/g, '?'); // WinAnsi-safe: the standard fonts
    if (printable.includes(' | ')) {
      printable.split(' | ').forEach((cell, i) => {
        const font = i % 2 === 0 ? bold : regular;
        draw(cell.trim(), columns[i] ?? 72 + i * 110, font);
      });
    } else if (printable.trim() !== '') {
      draw(printable, 72, regular);
    }
    y -= 13.5;
    onPage++;
  }
  return doc.save({ useObjectStreams: false });
}

const CLEAN = `Case Number: | CM26-0000001 | Date of Injury: | 03/04/2024
Date Assigned: | 01/02/2026 | UR Denial Date: | 12/10/2025
Decision Date: | 01/12/2026 | Application | 12/20/2025
Priority: | Standard | Received:
HOW THE IMR FINAL DETERMINATION WAS MADE
MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no
affiliation with the employer, employee, providers or the claims administrator.
The Expert Reviewer has the following credentials:
State(s) of Licensure: California
Certification(s)/Specialty: Physical Medicine & Rehabilitation
CLINICAL CASE SUMMARY
The expert reviewer developed the following clinical case summary based on a review of the
case file, including all medical records:
The injured worker is a 51-year-old bus driver with chronic neck pain after a collision. A non-
opioid regimen was tried first. Utilization review denied the requests below.
\fIMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:
Physical therapy 8 sessions for the cervical spine: Overturned
Claims Administrator guideline: Decision based on MTUS Neck and Upper Back Complaints.
MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Physical
Medicine, pages 98-99.
Decision rationale: The guidelines support 8 to 10 sessions of physical medicine for myalgia.
The worker has had no therapy for this injury. Therefore, the request is medically necessary.
\fCervical collar purchase: Upheld
Claims Administrator guideline: Decision based on MTUS Neck and Upper Back Complaints.
MAXIMUS guideline: Decision based on MTUS ACOEM Neck and Upper Back Complaints, Table 8-8.
Decision rationale: ACOEM does not recommend collars beyond one or two days in the acute
phase. The worker is in the chronic phase. Therefore, the request is not medically necessary.
`;

const write = (name, bytes) => writeFileSync(join(OUT, name), bytes);
const qpdf = (...args) => execFileSync('qpdf', args, { stdio: 'inherit' });

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
write('clean.pdf', await layOut(CLEAN));
write('rotated.pdf', await layOut(CLEAN, { rotated: true }));
writeFileSync(join(OUT, 'clean.txt'), CLEAN.replace(/ \| /g, '  ')); // the source, for reading along
// A defect on the last page: the second item's decision word is lost.
write('defect-on-page-3.pdf', await layOut(CLEAN.replace('Cervical collar purchase: Upheld', 'Cervical collar purchase:')));
for (const [name, source] of Object.entries(LETTERS)) {
  write(`${name}.pdf`, await layOut(withoutMarkers(readFileSync(join(FIXTURES, source), 'utf8'))));
}

// Encrypted: an owner password only (print allowed, copy not, as the real letters are), and a
// user password needed to open the file at all.
qpdf('--encrypt', '', 'owner-secret', '256', '--print=full', '--extract=n', '--', join(OUT, 'clean.pdf'), join(OUT, 'owner-password.pdf'));
qpdf('--encrypt', 'user-secret', 'owner-secret', '256', '--', join(OUT, 'clean.pdf'), join(OUT, 'user-password.pdf'));

// Damaged: the first half of a letter; a header followed by nothing readable; not a PDF at all.
const clean = readFileSync(join(OUT, 'clean.pdf'));
write('truncated.pdf', clean.subarray(0, Math.floor(clean.length / 2)));
write('garbage.pdf', Buffer.from('%PDF-1.7\n' + 'this is not a PDF body\n'.repeat(20)));
write('not-a-pdf.pdf', Buffer.from('Just a note saved with the wrong extension.\n'));

// Scanned: a page holding only an image, no text layer.
const scan = await PDFDocument.create();
scan.setCreationDate(FIXED_DATE);
scan.setModificationDate(FIXED_DATE);
const image = await scan.embedPng(grayPng(64, 64));
const scanPage = scan.addPage([612, 792]);
scanPage.drawImage(image, { x: 72, y: 400, width: 300, height: 300 });
scan.addPage([612, 792]).drawImage(image, { x: 72, y: 400, width: 300, height: 300 });
write('scanned.pdf', await scan.save({ useObjectStreams: false }));

// Many pages: the letter's text repeated, for the page limit.
write('long.pdf', await layOut(Array.from({ length: 12 }, () => CLEAN).join('\f')));

console.log(`wrote ${OUT}`);

/** A small grey-scale PNG with a gradient, made by hand (no image library). */
function grayPng(width, height) {
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(width + 1);
    for (let x = 0; x < width; x++) row[x + 1] = (x * 4 + y * 2) & 0xff;
    rows.push(row);
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grey-scale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
