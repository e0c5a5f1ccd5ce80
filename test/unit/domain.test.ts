// What a letter means for the case: dates, the appeal deadline, guideline and treatment classes.
// Every letter here is written for the test; the real letters are read from ../shared.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  appealDeadline,
  classifyGuidelineText,
  classifyTreatment,
  courtHolidays,
  guidelineClassId,
  isCourtDay,
  itemTableFields,
  lint,
  parse,
  readDate,
} from '../../server/src/engine';
import { readManifest, requireShared } from '../support/paths';

test('dates: the ways letters write them, as ISO 8601', () => {
  assert.deepEqual(readDate('11/09/2016'), { iso: '2016-11-09' });
  assert.deepEqual(readDate('1/5/2011'), { iso: '2011-01-05' });
  assert.deepEqual(readDate('10-13-16'), { iso: '2016-10-13' });
  assert.deepEqual(readDate('3-1-98'), { iso: '1998-03-01' });
  assert.deepEqual(readDate('2016-11-09'), { iso: '2016-11-09' });
  assert.deepEqual(readDate('November 9, 2016'), { iso: '2016-11-09' });
  assert.deepEqual(readDate('Sept. 30, 2013'), { iso: '2013-09-30' });
  assert.deepEqual(readDate('9 July 2013'), { iso: '2013-07-09' });
  assert.deepEqual(readDate('02/29/2016'), { iso: '2016-02-29' }, '2016 is a leap year');
  assert.equal(readDate('Standard'), null);
  assert.equal(readDate('CM16-0213037'), null);
  assert.equal(readDate('Mayday 5, 2016'), null);
});

test('dates: dates that do not exist are told apart from text that is no date', () => {
  assert.match((readDate('02/29/2017') as { invalid: string }).invalid, /February 2017 has no day 29/);
  assert.match((readDate('02/30/2016') as { invalid: string }).invalid, /no day 30/);
  assert.match((readDate('04/31/2016') as { invalid: string }).invalid, /April 2016 has no day 31/);
  assert.match((readDate('13/01/2016') as { invalid: string }).invalid, /no month 13/);
  assert.ok('invalid' in (readDate('02/29/1900') as object), '1900 is not a leap year');
  assert.deepEqual(readDate('02/29/2000'), { iso: '2000-02-29' }, '2000 is');
});

const HEADER_BLOCK = `Case Number:
Date Assigned:
Decision Date:
Priority:

CM16-0999001
11/09/2016
12/09/2016
Expedited

Date of Injury:
UR Denial Date:
Application
Received:

10/13/2015
11/03/2016
11/04/2016

HOW THE IMR FINAL DETERMINATION WAS MADE
The Expert Reviewer has the following credentials:
State(s) of Licensure: California, Oregon
Certification(s)/Specialty: Orthopaedic Surgery, Sports
Medicine
IMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:
Tramadol ER 150mg #30: Upheld
Claims Administrator guideline: Decision based on MTUS Opioid Treatment 2016.
MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids.
Decision rationale: The documentation does not show functional improvement. The request is not medically necessary.
`;

test('header table as pdftotext writes it (labels, then values): typed metadata and ranges', () => {
  const { metadata } = parse(HEADER_BLOCK);
  assert.deepEqual(metadata.dates, {
    dateOfInjury: '2015-10-13',
    urDecisionDate: '2016-11-03',
    applicationReceived: '2016-11-04',
    dateAssigned: '2016-11-09',
    decisionDate: '2016-12-09',
  });
  assert.equal(metadata.priorityLevel, 'expedited');
  assert.deepEqual(metadata.licensure, ['California', 'Oregon']);
  assert.deepEqual(metadata.specialties, ['Orthopaedic Surgery', 'Sports Medicine']);
  const assigned = metadata.dateMentions.find((m) => m.key === 'dateAssigned');
  assert.deepEqual(assigned?.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 10 } });
});

test('header table as pdf.js gives it (row by row): the same values', () => {
  const rows = `Case Number: CM15-0100002 Date of Injury: 6/14/2012
Date Assigned: 03/02/2015 UR Denial Date: 02/10/2015
Decision Date: 04/01/2015 Application Received: 02/20/2015
Priority: Standard
HOW THE IMR FINAL DETERMINATION WAS MADE
`;
  const { metadata } = parse(rows);
  assert.deepEqual(metadata.dates, {
    dateOfInjury: '2012-06-14',
    urDecisionDate: '2015-02-10',
    applicationReceived: '2015-02-20',
    dateAssigned: '2015-03-02',
    decisionDate: '2015-04-01',
  });
  assert.equal(metadata.priorityLevel, 'standard');
  const decided = metadata.dateMentions.find((m) => m.key === 'decisionDate');
  assert.deepEqual(decided?.range, { start: { line: 2, character: 15 }, end: { line: 2, character: 25 } });
});

test('2013 notice: dates written in prose and the letter\'s own date', () => {
  const notice = `MAXIMUS FEDERAL SERVICES, INC.
Notice of Independent Medical Review Determination

August 14, 2013

IMR Case Number: CM13-0004567
Date of Injury: 03/22/2010

Dear Mr. [redacted]:
An application for Independent Medical Review (IMR) was filed on July 2, 2013 disputing the
Utilization Review Denial dated June 20, 2013. A Notice of Assignment and Request for
Information was provided to the parties on 07/15/2013.

1) MAXIMUS Federal Services, Inc. has determined the request for physical therapy 12 visits is not
medically necessary and appropriate.
`;
  const { metadata, layout } = parse(notice);
  assert.equal(layout, 'notice-2013');
  assert.deepEqual(metadata.dates, {
    dateOfInjury: '2010-03-22',
    urDecisionDate: '2013-06-20',
    applicationReceived: '2013-07-02',
    dateAssigned: '2013-07-15',
    decisionDate: '2013-08-14',
  });
  const ur = metadata.dateMentions.find((m) => m.key === 'urDecisionDate');
  assert.equal(ur?.written, 'June 20, 2013');
  assert.equal(ur?.range.start.line, 10);
});

test('appeal deadline: 30 + 5 days from the Decision Date, across month ends and leap days', () => {
  // 2016-12-09 + 35 = 2017-01-13, a Friday and no holiday.
  assert.deepEqual(appealDeadline('2016-12-09'), { from: '2016-12-09', counted: '2017-01-13', lastDay: '2017-01-13', carriedPast: [] });
  // Leap year: 2016-01-27 + 35 = 2016-03-02 (Wednesday), through February 29.
  assert.equal(appealDeadline('2016-01-27').lastDay, '2016-03-02');
  // Not a leap year: 2017-01-27 + 35 = 2017-03-03 (Friday).
  assert.equal(appealDeadline('2017-01-27').lastDay, '2017-03-03');
  // Month end: 2016-08-31 + 35 = 2016-10-05 (Wednesday).
  assert.equal(appealDeadline('2016-08-31').lastDay, '2016-10-05');
});

test('appeal deadline: a last day on a weekend or court holiday moves to the next court day', () => {
  // 2016-10-21 + 35 = 2016-11-25, the day after Thanksgiving (Friday), then Saturday, Sunday.
  assert.deepEqual(appealDeadline('2016-10-21'), {
    from: '2016-10-21',
    counted: '2016-11-25',
    lastDay: '2016-11-28',
    carriedPast: ['Day after Thanksgiving', 'Saturday', 'Sunday'],
  });
  // 2016-10-07 + 35 = 2016-11-11, Veterans Day (Friday), then the weekend.
  assert.equal(appealDeadline('2016-10-07').lastDay, '2016-11-14');
  // 2017-05-04 + 35 = 2017-06-08 (Thursday): an ordinary day.
  assert.equal(appealDeadline('2017-05-04').lastDay, '2017-06-08');
  // 2016-12-19 + 35 = 2017-01-23; 2016-12-12 + 35 = 2017-01-16, Martin Luther King Jr. Day.
  assert.equal(appealDeadline('2016-12-12').lastDay, '2017-01-17');
  // Saturday 2016-12-17 + 35 = Saturday 2017-01-21 → Monday 2017-01-23.
  assert.deepEqual(appealDeadline('2016-12-17').carriedPast, ['Saturday', 'Sunday']);
  // A Sunday holiday is observed on Monday: New Year's Day 2017 fell on a Sunday.
  assert.equal(appealDeadline('2016-11-28').lastDay, '2017-01-03');
});

test('court holidays are computed for any year, with the changes the law made', () => {
  const names = (year: number) => courtHolidays(year).map((h) => `${h.iso} ${h.name}`);
  assert.ok(names(2016).includes('2016-10-10 Columbus Day'), 'Columbus Day until 2021');
  assert.ok(!names(2016).some((h) => h.includes('Native American')));
  assert.ok(!names(2022).some((h) => h.includes('Columbus')), 'not from 2022 (AB 855)');
  assert.ok(names(2022).includes('2022-09-23 Native American Day'));
  assert.ok(!names(2022).some((h) => h.includes('Juneteenth')));
  assert.ok(names(2023).includes('2023-06-19 Juneteenth'), 'from 2023 (AB 1655)');
  // Saturday holiday observed on Friday: July 4, 2026 is a Saturday.
  assert.ok(names(2026).includes('2026-07-03 Independence Day'));
  // Thanksgiving is the fourth Thursday; Memorial Day the last Monday of May.
  assert.ok(names(2024).includes('2024-11-28 Thanksgiving Day'));
  assert.ok(names(2024).includes('2024-05-27 Memorial Day'));
  assert.equal(isCourtDay('2026-11-27'), false);
  assert.equal(isCourtDay('2026-11-30'), true);
  assert.equal(isCourtDay('2026-11-29'), false, 'a Sunday');
});

test('guideline classes: every id from real citation wording', () => {
  const ids = (text: string) => classifyGuidelineText(text).map(guidelineClassId);
  assert.deepEqual(ids('Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): NSAIDs.'), ['mtus-chronic-pain']);
  assert.deepEqual(ids('Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.'), ['mtus-acoem-12']);
  assert.deepEqual(ids('Decision based on MTUS Elbow Complaints 2007.'), ['mtus-acoem-10']);
  assert.deepEqual(ids('Decision based on MTUS/ACOEM chapter 13, page 343.'), ['mtus-acoem-13']);
  assert.deepEqual(ids('Decision based on MTUS (ACOEM Practice Guidelines, 3rd Edition), Low Back Disorders 2019.'), ['mtus-acoem-current']);
  assert.deepEqual(ids('Decision based on MTUS General Approaches 2004, Section(s): Initial Approaches to Treatment.'), ['mtus-general-approaches']);
  assert.deepEqual(ids('Decision based on MTUS Opioid Treatment 2016.'), ['mtus-opioids']);
  assert.deepEqual(ids('Decision based on MTUS Acupuncture Treatment 2007.'), ['mtus-acupuncture']);
  assert.deepEqual(ids('Decision based on MTUS Postsurgical Treatment 2009, Section(s): Shoulder.'), ['mtus-postsurgical']);
  assert.deepEqual(ids('Decision based on the MTUS Drug Formulary, Non-Exempt drugs.'), ['mtus-formulary']);
  assert.deepEqual(ids('Decision based on MTUS.'), ['mtus']);
  assert.deepEqual(ids('The Claims Administrator did not cite any medical evidence for its decision.'), ['no-evidence']);
  assert.deepEqual(ids('Decision based on Non-MTUS Citation UpToDate, accessed 01/10/2017.'), ['other-non-mtus']);
  assert.deepEqual(ids('Lorem ipsum.'), ['unrecognised']);
  assert.deepEqual(
    classifyGuidelineText('The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Knee & Leg, Durable medical equipment (DME).'),
    [{ kind: 'odg', chapter: 'Knee & Leg' }],
  );
  assert.deepEqual(classifyGuidelineText('Decision based on Non-MTUS Citation ODG Guidelines, 14th Edition, 2016, Knee Chapter.'), [{ kind: 'odg', chapter: 'Knee & Leg' }]);
  assert.deepEqual(classifyGuidelineText('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Pain Section/Lidoderm Topic.'), [{ kind: 'odg', chapter: 'Pain (Chronic)' }]);
  assert.deepEqual(ids('Decision based on MTUS Shoulder Complaints 2004. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Shoulder Chapter.'), ['mtus-acoem-9', 'odg']);
});

test('treatment categories and drug groups: realistic spellings, brands, misspellings', () => {
  const cases: Array<[string, string, string | null]> = [
    ['Norco 10/325mg #90', 'pharmaceuticals', 'opioids'],
    ['Hydrocodone/APAP 7.5/325 mg #60', 'pharmaceuticals', 'opioids'],
    ['Percocet 5/325 #30', 'pharmaceuticals', 'opioids'],
    ['Nucynta ER 100mg #60', 'pharmaceuticals', 'opioids'],
    ['Gabapentine 600mg #90', 'pharmaceuticals', 'anticonvulsants'],
    ['Lyrica 75mg caps #60', 'pharmaceuticals', 'anticonvulsants'],
    ['Cyclobenzaprine HCl 10 mg #30', 'pharmaceuticals', 'muscle-relaxants'],
    ['Flexiril 7.5mg #60', 'pharmaceuticals', 'muscle-relaxants'],
    ['Tizanidine 4mg #60', 'pharmaceuticals', 'muscle-relaxants'],
    ['Naprosyn 550 mg #60', 'pharmaceuticals', 'nsaids'],
    ['Mobic 15mg #30', 'pharmaceuticals', 'nsaids'],
    ['Cymbalta 60 mg #30', 'pharmaceuticals', 'antidepressants'],
    ['Trazodone 50mg #30', 'pharmaceuticals', 'antidepressants'],
    ['Ambien 10mg #30', 'pharmaceuticals', 'sleep'],
    ['Omeprazole DR 20 mg #60', 'pharmaceuticals', 'gastro-protective'],
    ['Protonix 40mg #30', 'pharmaceuticals', 'gastro-protective'],
    ['Lidoderm 5% patches #30', 'pharmaceuticals', 'topicals'],
    ['Voltaren 1% gel 100gm', 'pharmaceuticals', 'topicals'],
    ['Terocin lotion 120ml', 'pharmaceuticals', 'topicals'],
    ['Flurbiprofen 20%/Lidocaine 5% cream 180gm', 'pharmaceuticals', 'compounds'],
    ['Compounded Gabapentin 10% cream', 'pharmaceuticals', 'compounds'],
    ['Zofran 8mg #10', 'pharmaceuticals', 'other'],
    ['Xyzolam 10mg #30', 'pharmaceuticals', 'other'],
    ['Physical therapy 2x4 weeks for the left knee', 'physical-medicine', null],
    ['Chiropractic manipulation x 6 visits', 'physical-medicine', null],
    ['Acupuncture 8 sessions', 'physical-medicine', null],
    ['Aquatic therapy 12 sessions', 'physical-medicine', null],
    ['MRI of the lumbar spine w/o contrast', 'diagnostics', null],
    ['EMG/NCV bilateral lower extremities', 'diagnostics', null],
    ['Urine drug screen', 'diagnostics', null],
    ['Lab panel: CBC, CMP', 'diagnostics', null],
    ['Lumbar ESI L4-L5', 'injections', null],
    ['Right knee cortisone injection', 'injections', null],
    ['Left carpal tunnel release', 'surgery', null],
    ['L4-5 lumbar fusion with instrumentation', 'surgery', null],
    ['TENS unit purchase', 'dme', null],
    ['Lumbar brace', 'dme', null],
    ['Front wheeled walker', 'dme', null],
    ['Cognitive behavioral therapy 6 sessions', 'psychological', null],
    ['Psychiatric consultation', 'psychological', null],
    ['Orthopedic consultation', 'evaluation-management', null],
    ['Follow-up visit with pain management', 'evaluation-management', null],
    ['Home health aide 4 hours a day', 'home-health', null],
    ['Transportation to medical appointments', 'other', null],
  ];
  for (const [name, category, drugGroup] of cases) {
    assert.deepEqual(classifyTreatment(name), { category, drugGroup }, name);
  }
});

test('itemTableFields: the table\'s added columns for one item', () => {
  const letter = parse(HEADER_BLOCK);
  assert.deepEqual(itemTableFields(letter, letter.items[0]), {
    category: 'pharmaceuticals',
    drugGroup: 'opioids',
    maximusGuidelineClass: 'mtus-chronic-pain',
    claimsAdministratorGuidelineClass: 'mtus-opioids',
    dateAssigned: '2016-11-09',
    daysToDecision: 30,
    priority: 'expedited',
    reviewerSpecialty: 'Orthopaedic Surgery; Sports Medicine',
    appealDeadline: '2017-01-13',
  });
});

test('impossible-date: a date that does not exist, and steps out of order', () => {
  const codes = (text: string) => lint(text).diagnostics.filter((d) => d.code === 'impossible-date');
  assert.deepEqual(codes(HEADER_BLOCK), []);
  const noSuchDay = codes(HEADER_BLOCK.replace('11/09/2016', '11/31/2016'));
  assert.equal(noSuchDay.length, 1);
  assert.match(noSuchDay[0].message, /Date Assigned "11\/31\/2016": November 2016 has no day 31/);
  assert.equal(noSuchDay[0].range.start.line, 6);
  const early = codes(HEADER_BLOCK.replace('12/09/2016', '11/01/2016'));
  assert.equal(early.length, 1);
  assert.match(early[0].message, /Decision Date 11\/01\/2016 is before Date Assigned 11\/09\/2016/);
  assert.equal(early[0].related?.[0].range.start.line, 6);
});

test('corpus: every letter\'s dates read and in order, every item categorised, few "other"', () => {
  const dir = requireShared('corpus');
  const keys = ['dateOfInjury', 'urDecisionDate', 'applicationReceived', 'dateAssigned', 'decisionDate'] as const;
  const counts: Record<string, number> = {};
  const groups: Record<string, number> = {};
  const wrong: string[] = [];
  let items = 0;
  for (const row of readManifest()) {
    const { letter, diagnostics } = lint(readFileSync(join(dir, row.file), 'utf8'));
    const dates = keys.map((k) => letter.metadata.dates[k]);
    if (dates.some((d) => d === null)) wrong.push(`${row.file}: a date not read`);
    for (let i = 1; i < dates.length; i++) if (dates[i]! < dates[i - 1]!) wrong.push(`${row.file}: ${keys[i]} before ${keys[i - 1]}`);
    if (diagnostics.some((d) => d.code === 'impossible-date')) wrong.push(`${row.file}: impossible-date fired`);
    for (const item of letter.items) {
      const c = classifyTreatment(item.name);
      counts[c.category] = (counts[c.category] ?? 0) + 1;
      if (c.drugGroup) groups[c.drugGroup] = (groups[c.drugGroup] ?? 0) + 1;
      items++;
    }
  }
  assert.deepEqual(wrong, []);
  assert.equal(items, 439);
  const other = counts.other ?? 0;
  console.log(`corpus categories: ${JSON.stringify(counts)}; drug groups: ${JSON.stringify(groups)}; "other": ${other}/439 = ${((100 * other) / items).toFixed(1)}%`);
  assert.ok(other / items <= 0.05, `${other} of ${items} items in "other"`);
  for (const category of ['pharmaceuticals', 'physical-medicine', 'diagnostics', 'injections', 'surgery', 'dme', 'evaluation-management']) {
    assert.ok((counts[category] ?? 0) > 0, `no corpus item in ${category}`);
  }
});

test('seed letters the vocabulary was not built from: every item categorised with its drug group', () => {
  const dir = requireShared('letters');
  const found = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => parse(readFileSync(join(dir, f), 'utf8')).items.map((item) => `${item.name}: ${JSON.stringify(classifyTreatment(item.name))}`));
  assert.deepEqual(found, [
    'Baclofen 20 mg #60: {"category":"pharmaceuticals","drugGroup":"muscle-relaxants"}',
    'Norco 10/325 mg #120: {"category":"pharmaceuticals","drugGroup":"opioids"}',
    'Norco 7.5/325mg #60: {"category":"pharmaceuticals","drugGroup":"opioids"}',
    'Baclofen 10mg #60: {"category":"pharmaceuticals","drugGroup":"muscle-relaxants"}',
    'Linzess 290mcg #30: {"category":"pharmaceuticals","drugGroup":"other"}',
  ]);
});
