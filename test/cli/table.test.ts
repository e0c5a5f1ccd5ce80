// --format csv / jsonl (the decisions table, one row per item) and --shard I/N, over the built
// CLI as a child process. The CSV is read back with a strict RFC 4180 reader written here, so a
// quoting mistake fails a test rather than a spreadsheet.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isoDate } from '../../server/src/engine';
import { COLUMN_NAMES } from '../../server/src/report/table';
import { repoRoot, requireShared } from '../support/paths';
import { CLEAN_LETTER, FAULTY_LETTER, letterText, runCli, tempDir, writeTree } from './helpers';

/** The first columns, as they were before issue 12. */
const FIRST = ['file', 'page', 'case_number', 'decision_date', 'item_index', 'item', 'decision', 'maximus_guideline', 'problems'];
/** What issue 12 appended, in this order (from the engine's itemTableFields). */
const MEANING = ['date_assigned', 'days_to_decision', 'priority', 'reviewer_specialty', 'category', 'drug_group', 'maximus_guideline_class', 'claims_administrator_guideline_class', 'appeal_deadline'];
const HEADER = [...FIRST, ...MEANING];

/** Strict RFC 4180: CRLF records, fields quoted when needed, "" for a quote; throws on anything else. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) throw new Error('unterminated quoted field');
          field += text.slice(i, q);
          if (text[q + 1] === '"') {
            field += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
      } else {
        const m = /[,\r\n"]/g;
        m.lastIndex = i;
        const hit = m.exec(text);
        const end = hit ? hit.index : text.length;
        if (hit && hit[0] === '"') throw new Error(`bare quote in an unquoted field at ${end}`);
        if (hit && hit[0] === '\n') throw new Error(`bare LF at ${end}: records end with CRLF`);
        field = text.slice(i, end);
        i = end;
      }
      record.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text.startsWith('\r\n', i)) {
        i += 2;
        break;
      }
      throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
    }
    records.push(record);
  }
  return records;
}

const withDate = (text: string, date: string): string => text.replace(/^(Case Number: .*\n)/, `$1Decision Date: ${date}\n`);

const ACCENTED = withDate(
  letterText(
    [
      { name: 'Ibuprofène 800 mg, "generic" #60', decision: 'Upheld' },
      { name: 'Acupuncture — 6 séances', decision: 'Overturned', maximus: 'Décision: MTUS Acupuncture, page 1; "Frequency"\nsee below.' },
    ],
    { caseNumber: 'CM17-0000002' },
  ),
  '03/07/2017',
);
/** A letter with the 2016 header, a reviewer and three items of three categories, written for this test. */
const MEANING_LETTER = `Case Number: CM16-0000042
Date Assigned: 11/30/2016
Decision Date: 12/23/2016
Priority: Standard
HOW THE IMR FINAL DETERMINATION WAS MADE
MAXIMUS Federal Services reviewed all the records provided to us and the applicable guidelines.
The Expert Reviewer has the following credentials:
State(s) of Licensure: California
Certification(s)/Specialty: Physical Medicine & Rehabilitation
CLINICAL CASE SUMMARY
The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:
The patient is a worker with chronic low back pain after a lifting injury.
IMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:
Tramadol ER 150mg #30: Upheld
Claims Administrator guideline: Decision based on Non-MTUS Official Disability Guidelines (ODG), Pain Chapter.
MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Section(s): Opioids.
Decision rationale: The documentation does not show functional improvement. The request is not medically necessary.
Acupuncture 6 sessions for the lumbar spine: Overturned
Claims Administrator guideline: Decision based on MTUS Acupuncture Medical Treatment Guidelines.
MAXIMUS guideline: Decision based on MTUS Acupuncture Medical Treatment Guidelines.
Decision rationale: The records show a trial is indicated. The request is medically necessary.
Lumbar brace: Upheld
Claims Administrator guideline: Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, Low Back Complaints.
MAXIMUS guideline: Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, Low Back Complaints, page 301. Decision based on Non-MTUS Official Disability Guidelines (ODG), Low Back Chapter.
Decision rationale: Lumbar supports have not been shown to have lasting benefit. The request is not medically necessary.
`;
/** Text that is not a letter: no items, one letter-level problem (not-a-letter). */
const NOT_A_LETTER = 'Grocery list: eggs, milk.\n';

describe('imr-lint --format csv / jsonl', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = tempDir());
    writeTree(dir, { 'a/clean.txt': withDate(CLEAN_LETTER, '12/09/2016'), 'b/faulty.txt': FAULTY_LETTER, 'c/accents.imr': ACCENTED, 'd/list.txt': NOT_A_LETTER, 'e/a, "b"\nc.txt': CLEAN_LETTER });
  });
  after(() => cleanup());

  it('the column list is the public contract, in order', () => {
    assert.deepEqual(COLUMN_NAMES.slice(0, HEADER.length), HEADER);
  });

  it('the README documents every column, in the table order', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### The decisions table'));
    const documented = [...section.slice(0, section.indexOf('\n\n', section.indexOf('| column |'))).matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual(documented, COLUMN_NAMES);
  });

  it('csv: UTF-8 BOM, header, one CRLF record per item, RFC 4180 quoting, accents intact', async () => {
    const run = await runCli(['--format', 'csv', '.'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr); // faulty.txt has an error
    assert.ok(run.stdout.startsWith('\uFEFFfile,page,'), 'starts with a BOM then the header');
    const [header, ...rows] = parseCsv(run.stdout.slice(1));
    assert.deepEqual(header, HEADER);
    for (const row of rows) assert.equal(row.length, HEADER.length);
    assert.deepEqual(rows.map((row) => row.slice(0, FIRST.length)), [
      ['a/clean.txt', '', 'CM16-0000001', '2016-12-09', '0', 'Norco 10/325mg #120', 'Upheld', 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, pages 74-96.', ''],
      ['a/clean.txt', '', 'CM16-0000001', '2016-12-09', '1', 'Physical therapy 2 x 6 for the lumbar spine', 'Overturned', 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, pages 74-96.', ''],
      ['b/faulty.txt', '', 'CM16-0000001', '', '0', 'MRI of the right knee', '', 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, pages 74-96.', 'missing-decision'],
      ['b/faulty.txt', '', 'CM16-0000001', '', '1', 'Lumbar brace', 'Upheld', '', 'missing-guideline'],
      ['c/accents.imr', '', 'CM17-0000002', '2017-03-07', '0', 'Ibuprofène 800 mg, "generic" #60', 'Upheld', 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, pages 74-96.', ''],
      ['c/accents.imr', '', 'CM17-0000002', '2017-03-07', '1', 'Acupuncture — 6 séances', 'Overturned', 'Décision: MTUS Acupuncture, page 1; "Frequency" see below.', ''],
      ['d/list.txt', '', '', '', '', '', '', '', 'not-a-letter'],
      // A path with a comma, quotes and a line break is one quoted field.
      ['e/a, "b"\nc.txt', '', 'CM16-0000001', '', '0', 'Norco 10/325mg #120', 'Upheld', 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, pages 74-96.', ''],
      ['e/a, "b"\nc.txt', '', 'CM16-0000001', '', '1', 'Physical therapy 2 x 6 for the lumbar spine', 'Overturned', 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, pages 74-96.', ''],
    ]);
    // The bytes are UTF-8: "è" is C3 A8, and the BOM is EF BB BF.
    const bytes = Buffer.from(run.stdout, 'utf8');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(bytes.includes(Buffer.from([0x70, 0x72, 0x6f, 0x66, 0xc3, 0xa8, 0x6e, 0x65])), '"profène" as UTF-8');
  });

  it('jsonl: the same rows as csv, one object per line with typed cells', async () => {
    const [csv, jsonl] = await Promise.all([runCli(['--format', 'csv', '.'], { cwd: dir }), runCli(['--format', 'jsonl', '.'], { cwd: dir })]);
    assert.equal(jsonl.code, 1, jsonl.stderr);
    assert.ok(jsonl.stdout.endsWith('\n') && !jsonl.stdout.startsWith('\uFEFF'));
    const objects = jsonl.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const o of objects) assert.deepEqual(Object.keys(o), HEADER);
    assert.equal(objects.length, 9);
    assert.deepEqual(objects[2], {
      file: 'b/faulty.txt',
      page: null,
      case_number: 'CM16-0000001',
      decision_date: null,
      item_index: 0,
      item: 'MRI of the right knee',
      decision: null,
      maximus_guideline: 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, pages 74-96.',
      problems: ['missing-decision'],
      // The fixture's header has no dates, priority or reviewer: those are null; no decision, no deadline.
      date_assigned: null,
      days_to_decision: null,
      priority: null,
      reviewer_specialty: null,
      category: 'diagnostics',
      drug_group: null,
      maximus_guideline_class: 'mtus-chronic-pain',
      claims_administrator_guideline_class: 'mtus-chronic-pain',
      appeal_deadline: null,
    });
    // The letter's own row (not-a-letter) leaves the item columns empty.
    const letterRow = objects.find((o) => o.item_index === null)!;
    for (const k of MEANING) assert.equal(letterRow[k], null, k);
    const asCsv = objects.map((o) => HEADER.map((k) => (o[k] === null ? '' : Array.isArray(o[k]) ? (o[k] as string[]).join(';') : String(o[k] as string | number | null))));
    assert.deepEqual(asCsv, parseCsv(csv.stdout.slice(1)).slice(1));
  });

  it('the meaning columns of a letter checked by hand, in csv and jsonl alike', async () => {
    const { dir: d, cleanup: c } = tempDir();
    try {
      writeTree(d, { 'm.txt': MEANING_LETTER });
      const [csv, jsonl] = await Promise.all([runCli(['--format', 'csv', 'm.txt'], { cwd: d }), runCli(['--format', 'jsonl', 'm.txt'], { cwd: d })]);
      assert.equal(jsonl.code, 0, jsonl.stdout + jsonl.stderr);
      const rows = parseCsv(csv.stdout.slice(1)).slice(1).map((row) => row.slice(FIRST.length));
      // 11/30 to 12/23 is 23 days. The appeal deadline of an Upheld item: 30 days + 5 for mailing
      // from Friday 2016-12-23 is Friday 2017-01-27 (no weekend, no court holiday); none for Overturned.
      const common = ['2016-11-30', '23', 'standard', 'Physical Medicine & Rehabilitation'];
      assert.deepEqual(rows, [
        [...common, 'pharmaceuticals', 'opioids', 'mtus-chronic-pain', 'odg', '2017-01-27'],
        [...common, 'physical-medicine', '', 'mtus-acupuncture', 'mtus-acupuncture', ''],
        [...common, 'dme', '', 'mtus-acoem-12;odg', 'mtus-acoem-12', '2017-01-27'],
      ]);
      const objects = jsonl.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      assert.deepEqual(objects.map((o) => o.days_to_decision), [23, 23, 23], 'a number in JSON Lines');
      assert.deepEqual(objects.map((o) => o.drug_group), ['opioids', null, null]);
      assert.deepEqual(objects.map((o) => o.appeal_deadline), ['2017-01-27', null, '2017-01-27']);
    } finally {
      c();
    }
  });

  it('csv: text a spreadsheet would run as a formula gets a leading apostrophe; jsonl keeps it', async () => {
    const { dir: d, cleanup: c } = tempDir();
    try {
      writeTree(d, { 'f.txt': letterText([{ name: '=HYPERLINK("http://x.invalid","y")', decision: 'Upheld' }]) });
      const csv = await runCli(['--format', 'csv', 'f.txt'], { cwd: d });
      assert.equal(parseCsv(csv.stdout.slice(1))[1][5], `'=HYPERLINK("http://x.invalid","y")`);
      const jsonl = await runCli(['--format', 'jsonl', 'f.txt'], { cwd: d });
      assert.equal((JSON.parse(jsonl.stdout) as { item: string }).item, '=HYPERLINK("http://x.invalid","y")');
    } finally {
      c();
    }
  });

  it('problems about the letter, not one item, get their own row with an empty item_index', async () => {
    const { dir: d, cleanup: c } = tempDir();
    try {
      // Two items with the same name and decision: duplicate-item names the second item; a
      // letter without the issues section heading is "unknown" layout (missing-section).
      writeTree(d, { 'g.txt': 'Case Number: CM16-0000009\nHOW THE IMR FINAL DETERMINATION WAS MADE\nMAXIMUS Federal Services reviewed the records.\n' });
      const run = await runCli(['--format', 'jsonl', 'g.txt'], { cwd: d });
      const rows = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { item_index: number | null; problems: string[] });
      assert.equal(rows.length, 1, run.stdout);
      assert.equal(rows[0].item_index, null);
      assert.ok(rows[0].problems.length > 0, 'the letter-level problem is on the letter row');
    } finally {
      c();
    }
  });

  it('every decision date of the corpus reads as an ISO date, and each item is one row', async () => {
    const corpus = requireShared('corpus/letters');
    const run = await runCli(['--format', 'jsonl', corpus], { cwd: dir });
    const rows = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { file: string; decision_date: string | null; item_index: number | null });
    const letters = new Set(rows.map((r) => r.file));
    assert.equal(letters.size, readdirSync(corpus).filter((f) => f.endsWith('.txt')).length);
    for (const r of rows) assert.match(r.decision_date ?? 'null', /^20\d\d-[01]\d-[0-3]\d$/, r.file);
    assert.equal(rows.filter((r) => r.item_index !== null).length, 439);
  });
});

describe('isoDate', () => {
  it('reads the written forms (two-digit years too) and refuses impossible ones', () => {
    assert.equal(isoDate('12/09/2016'), '2016-12-09');
    assert.equal(isoDate('3/7/2017'), '2017-03-07');
    assert.equal(isoDate('2017-03-07'), '2017-03-07');
    assert.equal(isoDate('March 7, 2017'), '2017-03-07');
    assert.equal(isoDate('Feb. 29 2016'), '2016-02-29');
    assert.equal(isoDate('02/29/2017'), null);
    assert.equal(isoDate('13/01/2017'), null);
    assert.equal(isoDate('3/7/17'), '2017-03-07');
    assert.equal(isoDate('Standard'), null);
    assert.equal(isoDate(null), null);
  });
});

describe('imr-lint --shard I/N', () => {
  let dir: string;
  let cleanup: () => void;
  const names = Array.from({ length: 40 }, (_, i) => `l/${String(i).padStart(2, '0')}.txt`);
  before(() => {
    ({ dir, cleanup } = tempDir());
    writeTree(dir, Object.fromEntries(names.map((n, i) => [n, i % 3 === 0 ? FAULTY_LETTER : CLEAN_LETTER])));
  });
  after(() => cleanup());

  const filesOf = (stdout: string): string[] => [...new Set(stdout.trimEnd().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { file: string }).file))];

  it('the shards are disjoint, their union is the whole, and the jsonl outputs concatenate to it', async () => {
    const whole = await runCli(['--format', 'jsonl', 'l'], { cwd: dir });
    const shards = await Promise.all([1, 2, 3].map((i) => runCli(['--format', 'jsonl', '--shard', `${i}/3`, 'l'], { cwd: dir })));
    const parts = shards.map((s) => filesOf(s.stdout));
    for (const p of parts) assert.ok(p.length > 0 && p.length < names.length, `a shard of 40 files holds some: ${p.length}`);
    const all = parts.flat();
    assert.equal(new Set(all).size, all.length, 'no file in two shards');
    assert.deepEqual([...all].sort(), names);
    const lines = (s: string): string[] => s.trimEnd().split('\n');
    assert.deepEqual(shards.flatMap((s) => lines(s.stdout)).sort(), lines(whole.stdout).sort());
  });

  it('a file stays in its shard whatever the order the files are given in', async () => {
    const forward = await runCli(['--format', 'jsonl', '--shard', '2/3', ...names], { cwd: dir });
    const backward = await runCli(['--format', 'jsonl', '--shard=2/3', ...[...names].reverse()], { cwd: dir });
    const byFolder = await runCli(['--format', 'jsonl', '--shard', '2/3', 'l'], { cwd: dir });
    assert.deepEqual(filesOf(backward.stdout).sort(), filesOf(forward.stdout).sort());
    assert.deepEqual(filesOf(byFolder.stdout).sort(), filesOf(forward.stdout).sort());
  });

  it('a bad shard is a usage error (exit 2, one line)', async () => {
    for (const bad of ['0/3', '4/3', '1/0', 'x', '1/3/4', '-1/3']) {
      const run = await runCli(['--shard', bad, 'l'], { cwd: dir });
      assert.equal(run.code, 2, bad);
      assert.match(run.stderr, /^imr-lint: --shard needs I\/N/, bad);
    }
    const stdin = await runCli(['--stdin', '--shard', '1/2'], { cwd: dir, input: CLEAN_LETTER });
    assert.equal(stdin.code, 2);
    assert.match(stdin.stderr, /cannot be used with --stdin/);
  });
});
