// Deterministic generator of synthetic IMR Final Determination letters (format: ../shared/FORMAT.md).
// Every sentence here is a template written for this project, not text from a real letter, so the
// output can be logged, committed or shipped. Same seed and options, same text, on every machine:
// randomness comes only from the seeded PRNG below, never from Math.random.

export type GeneratedDecision = 'Upheld' | 'Overturned';

export interface LetterStyle {
  /** Line break used throughout. */
  eol: '\n' | '\r\n';
  /** A blank line (and a trailing space) after every text line, as some extraction tools write. */
  doubleSpaced: boolean;
  /** Page breaks (`\n\n\f`, the form feed glued to the next page's first line) every 40-60 lines. */
  pageBreaks: boolean;
  /** Open with a cover letter (IMR Case Number, Dear ..., Final Determination) instead of the header table. */
  coverLetter: boolean;
  /** Use the older heading `IMR DECISION(S) AND RATIONALE(S)`. */
  olderHeading: boolean;
  /** Share of item headers wrapped over two lines (the decision alone, or the name split). */
  wrapRate: number;
  /** Share of items introduced by a partial-authorization lead-in. */
  leadInRate: number;
  /** Share of labels and decision words written in a case or spacing variant. */
  variantRate: number;
  /** Unicode punctuation, degree signs, multiplication signs and non-breaking spaces in the prose. */
  unicode: boolean;
}

export interface GeneratedItem {
  /** The name a reader should report: whitespace folded; for a lead-in, the request decided. */
  name: string;
  decision: GeneratedDecision;
  /** How the header was written, so tests can single out a shape. */
  header: 'one-line' | 'wrapped-decision' | 'wrapped-name' | 'lead-in';
}

export interface GeneratedLetter {
  text: string;
  items: GeneratedItem[];
  style: LetterStyle;
}

export interface GenerateOptions {
  /** Number of items; default 1-6 drawn from the seed. */
  items?: number;
  /** Fixed style choices; the rest are drawn from the seed. */
  style?: Partial<LetterStyle>;
  /** Sentences in the clinical case summary; default 8-30 drawn from the seed. */
  summarySentences?: number;
}

/** sfc32: small, fast, good enough for test data, and identical in every JavaScript engine. */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary (invented for this generator)

const DRUGS = [
  ['Norco', ['5/325 mg', '7.5/325 mg', '10/325 mg']],
  ['Tramadol ER', ['100 mg', '150 mg', '200 mg']],
  ['Cyclobenzaprine', ['5 mg', '7.5 mg', '10 mg']],
  ['Gabapentin', ['300 mg', '600 mg', '800 mg']],
  ['Omeprazole', ['20 mg', '40 mg']],
  ['Naproxen sodium', ['275 mg', '550 mg']],
  ['Lidoderm 5% patch', ['']],
  ['Baclofen', ['10 mg', '20 mg']],
  ['Duloxetine', ['30 mg', '60 mg']],
  ['Oxycodone HCL ER', ['10 mg', '20 mg', '40 mg']],
  ['Tizanidine', ['2 mg', '4 mg']],
  ['Meloxicam', ['7.5 mg', '15 mg']],
  ['Zolpidem', ['5 mg', '10 mg']],
  ['Diclofenac gel 1%', ['']],
] as const;

const BODY_PARTS = [
  'lumbar spine', 'cervical spine', 'thoracic spine', 'right knee', 'left knee', 'right shoulder',
  'left shoulder', 'right wrist', 'left wrist', 'bilateral hands', 'right ankle', 'left hip',
];

const THERAPIES = [
  'Physical therapy', 'Chiropractic treatment', 'Acupuncture', 'Aquatic therapy',
  'Occupational therapy', 'Massage therapy',
];

const IMAGING = ['MRI', 'CT scan', 'X-ray', 'Ultrasound'];

const PROCEDURES = [
  'Lumbar epidural steroid injection at L4-L5', 'Facet joint injections L4-5, L5-S1',
  'Right shoulder arthroscopy with subacromial decompression', 'Left carpal tunnel release',
  'Radiofrequency ablation at L3-L4', 'Trigger point injections x 4', 'Cervical medial branch block C5-C6',
];

const OTHER_SERVICES = [
  'Functional restoration program, 80 hours', 'Urine drug screen', 'Home health aide 4 hours per day',
  'TENS unit rental for 30 days', 'Lumbar support brace', 'Cold therapy unit', 'Hot and cold pack',
  'Electromyography of the bilateral upper extremities', 'Nerve conduction study of the bilateral lower extremities',
  'Psychological evaluation', 'Gym membership for 6 months', 'Pain management consultation',
  'Interferential stimulator', 'Orthopedic follow-up visit', 'Shower chair', 'Compound topical cream 240 grams',
];

const SURGICAL_EXTRAS = [
  'Assistant surgeon', 'Pre-operative EKG', 'Post-operative physical therapy x 12', 'Cold therapy unit rental',
  'Ultrasling', 'Pre-op labs: CBC', 'Post-operative DME: crutches',
];

const GENDERS = [['male', 'He', 'his'], ['female', 'She', 'her']] as const;

const DIAGNOSES = [
  'lumbar radiculopathy', 'cervical strain', 'right shoulder impingement', 'chronic pain syndrome',
  'lumbar disc protrusion', 'carpal tunnel syndrome', 'knee internal derangement', 'myofascial pain',
  'depression secondary to chronic pain', 'sleep disturbance', 'gastritis', 'lumbar facet arthropathy',
];

const TREATMENTS = [
  'medications', 'physical therapy', 'chiropractic care', 'acupuncture', 'injections',
  'home exercise', 'activity modification', 'bracing', 'a transcutaneous nerve stimulator',
];

const STATES = ['California', 'Texas', 'New York', 'Florida', 'Arizona', 'Oregon', 'Washington', 'Massachusetts', 'Illinois'];

const SPECIALTIES = [
  'Physical Medicine & Rehabilitation', 'Pain Management', 'Orthopedic Surgery', 'Internal Medicine',
  'Occupational Medicine', 'Family Practice', 'Anesthesiology', 'Psychiatry', 'Neurology', 'Chiropractic',
];

const GUIDELINE_TOPICS = [
  'Opioids, criteria for use', 'Muscle relaxants (for pain)', 'Anti-epilepsy drugs (AEDs)',
  'NSAIDs, GI symptoms & cardiovascular risk', 'Physical Medicine', 'Manual therapy & manipulation',
  'Epidural steroid injections (ESIs)', 'Functional restoration programs (FRPs)', 'Topical Analgesics',
  'Urine drug testing', 'Transcutaneous electrotherapy', 'Acupuncture Medical Treatment Guidelines',
];

// ---------------------------------------------------------------------------------------------
// Letter parts

function date(rng: Prng, fromYear: number, toYear: number, sep = '/'): string {
  const m = String(rng.int(1, 12)).padStart(2, '0');
  const d = String(rng.int(1, 28)).padStart(2, '0');
  return `${m}${sep}${d}${sep}${rng.int(fromYear, toYear)}`;
}

function itemName(rng: Prng, index: number): string {
  const kind = rng.int(0, 9);
  let name: string;
  if (kind <= 3) {
    const [drug, strengths] = rng.pick(DRUGS);
    const strength = rng.pick(strengths);
    name = strength ? `${drug} ${strength} #${rng.pick([30, 60, 90, 120, 180])}` : `${drug} #${rng.pick([1, 2, 3, 30])}`;
    if (rng.chance(0.15)) name += ` day supply: ${rng.pick([15, 30])}`;
  } else if (kind === 4) {
    name = `${rng.pick(THERAPIES)} ${rng.int(1, 3)} x ${rng.int(3, 6)} for the ${rng.pick(BODY_PARTS)}`;
  } else if (kind === 5) {
    name = `${rng.pick(IMAGING)} of the ${rng.pick(BODY_PARTS)}`;
  } else if (kind === 6) {
    name = rng.pick(PROCEDURES);
  } else if (kind === 7) {
    name = `Associated surgical service: ${rng.pick(SURGICAL_EXTRAS)}`;
  } else {
    name = rng.pick(OTHER_SERVICES);
    if (rng.chance(0.2)) name = `Retrospective request for ${name.toLowerCase()} (DOS ${date(rng, 2015, 2016)})`;
    else if (rng.chance(0.1)) name += ` QTY: ${rng.int(1, 4)}`;
  }
  // Long letters repeat treatments; a visit number keeps most names distinct, as in real letters.
  if (index >= 20 && rng.chance(0.9)) name += ` (request ${index + 1})`;
  return name;
}

/**
 * Prose with the non-ASCII characters PDF extraction leaves. Degree and multiplication signs and
 * NBSP are Latin-1, common in real letters; dashes and curly quotes are rare there (5 letters in
 * 194), and one of them makes the whole string two bytes per character in V8, so they stay rare.
 */
function sprinkle(rng: Prng, text: string, unicode: boolean): string {
  if (!unicode) return text;
  return text
    .replace(/ - /g, () => (rng.chance(0.02) ? ' \u2013 ' : ' - '))
    .replace(/'/g, () => (rng.chance(0.02) ? '\u2019' : "'"))
    .replace(/ x /g, () => (rng.chance(0.5) ? ' \u00d7 ' : ' x '))
    .replace(/ degrees/g, () => (rng.chance(0.5) ? '\u00b0' : ' degrees'))
    .replace(/\. /g, () => (rng.chance(0.05) ? '.\u00a0' : '. '));
}

function summarySentence(rng: Prng, pronoun: string, possessive: string): string {
  switch (rng.int(0, 9)) {
    case 0:
      return `${pronoun} reported ${rng.pick(['constant', 'intermittent', 'worsening', 'unchanged'])} pain in the ${rng.pick(BODY_PARTS)}, rated ${rng.int(3, 9)} out of 10 with medications and ${rng.int(6, 10)} out of 10 without.`;
    case 1:
      return `Treatment to date has included ${rng.pick(TREATMENTS)}, ${rng.pick(TREATMENTS)} and ${rng.pick(TREATMENTS)}.`;
    case 2:
      return `On ${date(rng, 2015, 2016)}, the examination showed tenderness over the ${rng.pick(BODY_PARTS)} and range of motion limited to ${rng.int(20, 80)} degrees.`;
    case 3:
      return `The treating provider noted that ${possessive} function had ${rng.pick(['improved slightly', 'not improved', 'declined'])} since the last visit.`;
    case 4:
      return `A prior study dated ${date(rng, 2014, 2016)} was reported to show ${rng.pick(['mild degenerative changes', 'a small disc bulge', 'no acute findings', 'moderate foraminal narrowing'])}.`;
    case 5:
      return `The current work status is ${rng.pick(['temporarily totally disabled', 'modified duty', 'permanent and stationary', 'full duty'])}.`;
    case 6:
      return `${pronoun} denied side effects from the current medications; a pain agreement was on file.`;
    case 7:
      return `The request for authorization dated ${date(rng, 2016, 2016)} asked for continued care - the notes did not describe objective functional gains.`;
    case 8:
      return `${pronoun} had straight leg raise testing that was ${rng.pick(['positive on the right', 'positive on the left', 'negative bilaterally'])}.`;
    default:
      return `Sleep was reported as poor, about ${rng.int(3, 6)} hours a night, due to pain.`;
  }
}

function guidelineCitation(rng: Prng): string {
  const topic = rng.pick(GUIDELINE_TOPICS);
  switch (rng.int(0, 3)) {
    case 0:
      return `Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): ${topic}, pages ${rng.int(20, 90)}-${rng.int(91, 120)}.`;
    case 1:
      return `Decision based on MTUS/ACOEM Practice Guidelines, 2nd Edition (2004), Chapter ${rng.int(8, 13)}, page ${rng.int(170, 340)}.`;
    case 2:
      return `The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), ${rng.pick(['Pain (Chronic)', 'Low Back', 'Knee & Leg', 'Shoulder'])}, ${topic}.`;
    default:
      return `Decision based on MTUS Chronic Pain Treatment Guidelines ${topic}, page ${rng.int(20, 130)}.`;
  }
}

function claimsAdministratorText(rng: Prng): string {
  if (rng.chance(0.2)) return 'The Claims Administrator did not cite any medical evidence for its decision.';
  return `The Claims Administrator based its decision on the MTUS ${rng.pick(GUIDELINE_TOPICS)}${rng.chance(0.5) ? `; ODG ${rng.pick(GUIDELINE_TOPICS)}` : ''}.`;
}

function reason(rng: Prng, topic: string): string {
  switch (rng.int(0, 7)) {
    case 0:
      return `The guidelines on ${topic} call for documented improvement in function and a reduction in pain before treatment is continued.`;
    case 1:
      return `The records reviewed cover ${rng.int(2, 14)} months of care for the ${rng.pick(BODY_PARTS)}.`;
    case 2:
      return `Guidelines support this treatment for up to ${rng.int(2, 8)} weeks when there is a clear plan and objective goals.`;
    case 3:
      return `Prior sessions totaled ${rng.int(6, 36)} visits according to the submitted notes.`;
    case 4:
      return `The provider's report of ${date(rng, 2016, 2016)} describes the reason for the request.`;
    case 5:
      return `A urine drug screen from ${date(rng, 2015, 2016)} was consistent with the prescribed medications.`;
    case 6:
      return 'There is no mention of a failed trial of first-line treatment in the file.';
    default:
      return `The clinical findings are described in detail, including strength of ${rng.int(3, 5)}/5 and reduced sensation.`;
  }
}

function rationale(rng: Prng, name: string, decision: GeneratedDecision): string {
  const topic = rng.pick(GUIDELINE_TOPICS).toLowerCase();
  const sentences: string[] = [];
  const count = rng.int(2, 6);
  for (let i = 0; i < count; i++) sentences.push(reason(rng, topic));
  const subject = rng.chance(0.6) ? `the request for ${name}` : 'this request';
  const Subject = subject[0].toUpperCase() + subject.slice(1);
  if (decision === 'Upheld') {
    sentences.push(rng.pick([
      `The criteria are not met in this case. Therefore, ${subject} is not medically necessary.`,
      `Given the lack of documented benefit, ${subject} is not medically necessary.`,
      `As such, ${subject} is determined to not be medically necessary.`,
      `${Subject} is not a medical necessity at this time.`,
    ]));
  } else {
    sentences.push(rng.pick([
      `The criteria are met in this case. Therefore, ${subject} is medically necessary.`,
      `Given the documented benefit, ${subject} is medically necessary.`,
      `${Subject} is medically necessary and appropriate.`,
    ]));
  }
  return sentences.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Text layout: logical lines first, then line ends, spacing and page breaks.

/** A page break may be placed before a line unless it would separate two halves of a header we
 * report by name (the corpus puts page breaks inside lead-ins, never inside a wrapped name). */
interface Line {
  text: string;
  breakable: boolean;
}

class Writer {
  readonly lines: Line[] = [];

  constructor(private readonly rng: Prng, private readonly width: number) {}

  line(text: string, breakable = true): void {
    this.lines.push({ text, breakable });
  }

  blank(): void {
    this.lines.push({ text: '', breakable: true });
  }

  /** Word-wraps a paragraph at about `width` columns, as PDF text extraction does. */
  paragraph(text: string): void {
    const width = this.width + this.rng.int(-6, 4);
    let start = 0;
    while (text.length - start > width) {
      let cut = text.lastIndexOf(' ', start + width);
      if (cut <= start) cut = text.indexOf(' ', start + width);
      if (cut < 0) break;
      this.line(text.slice(start, cut));
      start = cut + 1;
    }
    if (start < text.length) this.line(text.slice(start));
  }
}

function variant(rng: Prng, style: LetterStyle, canonical: string, variants: readonly string[]): string {
  return rng.chance(style.variantRate) ? rng.pick(variants) : canonical;
}

function decisionWord(rng: Prng, style: LetterStyle, decision: GeneratedDecision): string {
  return decision === 'Upheld'
    ? variant(rng, style, 'Upheld', ['UPHELD', 'Upheld.', 'upheld', 'UPHELD.'])
    : variant(rng, style, 'Overturned', ['OVERTURNED', 'Overturned.', 'overturned', 'OVERTURNED.']);
}

function writeHeaderTable(w: Writer, rng: Prng, caseNumber: string): void {
  for (const label of ['Case Number:', 'Date Assigned:', 'Decision Date:', 'Priority:']) w.line(label);
  w.blank();
  for (const value of [caseNumber, date(rng, 2016, 2016), date(rng, 2017, 2017), 'Standard']) w.line(value);
  w.blank();
  for (const label of ['Date of Injury:', 'UR Denial Date:', 'Application', 'Received:']) w.line(label);
  w.blank();
  for (const value of [date(rng, 2005, 2016), date(rng, 2016, 2016), date(rng, 2016, 2016)]) w.line(value);
  w.blank();
}

function writeCoverLetter(w: Writer, rng: Prng, caseNumber: string, decisions: GeneratedDecision[]): void {
  w.line('Independent Medical Review Final Determination Letter');
  w.blank();
  w.line('[Redacted address]');
  w.blank();
  w.line(`IMR Case Number: ${caseNumber}`);
  w.line(`Date of Injury: ${date(rng, 2005, 2015)}`);
  w.line(`Date of UR Decision: ${date(rng, 2015, 2016)}`);
  w.line(`Application Received: ${date(rng, 2015, 2016)}`);
  w.blank();
  w.line('Dear [Redacted]:');
  w.paragraph('This letter tells you the result of the Independent Medical Review of the disputed treatment in your case. The reviewer looked at the medical records and the guidelines that apply.');
  const words = [...new Set(decisions.map((d) => (d === 'Upheld' ? 'UPHOLD' : 'OVERTURN')))];
  w.line(`Final Determination: ${words.join(' and ') || 'UPHOLD'}`);
  w.paragraph('The reasons for each decision are given below. This determination is binding unless it is appealed as the law allows.');
  w.line('Sincerely,');
  w.line('[Redacted], MD');
  w.line('cc: [Redacted]');
  w.blank();
}

function writeItemHeader(w: Writer, rng: Prng, style: LetterStyle, name: string, decision: GeneratedDecision): GeneratedItem['header'] {
  const word = decisionWord(rng, style, decision);
  const colon = rng.chance(style.variantRate) ? ':  ' : ': ';
  const words = name.split(' ');
  if (rng.chance(style.wrapRate)) {
    if (words.length >= 3 && rng.chance(0.5)) {
      // Split the name where the first half ends on a plain word (no "." or ":" that would read
      // as a sentence end or a label).
      let cut = Math.max(1, Math.floor(words.length / 2));
      while (cut < words.length - 1 && /[.:]$/.test(words[cut - 1])) cut++;
      if (!/[.:]$/.test(words[cut - 1])) {
        w.line(words.slice(0, cut).join(' '), true);
        w.line(`${words.slice(cut).join(' ')}${colon}${word}`, false);
        return 'wrapped-name';
      }
    }
    w.line(`${name}:`, true);
    w.line(word, false);
    return 'wrapped-decision';
  }
  w.line(`${name}${colon}${word}`);
  return 'one-line';
}

function writeLeadIn(w: Writer, rng: Prng, style: LetterStyle, name: string, decision: GeneratedDecision): void {
  const word = decisionWord(rng, style, decision);
  const part = `${rng.pick(['A portion of', 'Part of', 'One half of'])} the request`;
  const text = rng.chance(0.8)
    ? `${name} with an extended course was the original request. ${part} was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, ${name} is: ${word}`
    : `${name} with an extended course was the original request. The Claims Administrator authorized ${part.toLowerCase()}, leaving the original request IMR eligible. The original request, ${name} is: ${word}`;
  w.paragraph(text);
}

function resolveStyle(rng: Prng, given: Partial<LetterStyle> | undefined): LetterStyle {
  // Draw every choice even when given, so a fixed style does not shift the rest of the letter.
  const drawn: LetterStyle = {
    eol: rng.chance(0.2) ? '\r\n' : '\n',
    doubleSpaced: rng.chance(0.2),
    pageBreaks: rng.chance(0.8),
    coverLetter: rng.chance(0.15),
    olderHeading: rng.chance(0.05),
    wrapRate: rng.pick([0, 0.05, 0.1, 0.3]),
    leadInRate: rng.pick([0, 0.05, 0.1, 0.2]),
    variantRate: rng.pick([0, 0, 0.05, 0.2]),
    unicode: rng.chance(0.3),
  };
  return { ...drawn, ...given };
}

/** One synthetic letter; `items` lists what a correct reader must find, in document order. */
export function generateLetter(seed: number, options: GenerateOptions = {}): GeneratedLetter {
  const rng = new Prng(seed);
  const style = resolveStyle(rng, options.style);
  const itemCount = options.items ?? rng.int(1, 6);
  const w = new Writer(rng, 95);
  const caseNumber = `CM${rng.pick(['15', '16', '17'])}-${String(rng.int(0, 9999999)).padStart(7, '0')}`;
  const decisions: GeneratedDecision[] = [];
  for (let i = 0; i < itemCount; i++) decisions.push(rng.chance(0.8) ? 'Upheld' : 'Overturned');

  if (style.coverLetter) writeCoverLetter(w, rng, caseNumber, decisions);
  else writeHeaderTable(w, rng, caseNumber);

  w.line('HOW THE IMR FINAL DETERMINATION WAS MADE');
  w.paragraph('MAXIMUS Federal Services gave the full case file to an independent physician reviewer who has no ties to the employer, the worker, the providers or the claims administrator. The reviewer holds an active license, practices in a specialty that treats the condition in dispute, and applied the standards of the California Labor Code, starting with the Medical Treatment Utilization Schedule.');
  w.line('The Expert Reviewer has the following credentials:');
  const states = [...new Set([rng.pick(STATES), rng.pick(STATES), 'California'])];
  w.line(`State(s) of Licensure: ${states.join(rng.chance(0.3) ? ',' : ', ')}`);
  const specialties = [...new Set([rng.pick(SPECIALTIES), rng.pick(SPECIALTIES)])];
  w.line(`Certification(s)/Specialty: ${specialties.join(', ')}`);

  w.line('CLINICAL CASE SUMMARY');
  w.paragraph('The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:');
  const [gender, pronoun, possessive] = rng.pick(GENDERS);
  const summary = [`The injured worker is a ${rng.int(22, 68)} year old ${gender} who sustained an industrial injury on ${date(rng, 2005, 2016, '-')}.`];
  summary.push(`The diagnoses include ${rng.pick(DIAGNOSES)}, ${rng.pick(DIAGNOSES)} and ${rng.pick(DIAGNOSES)}.`);
  const summarySentences = options.summarySentences ?? rng.int(8, 30);
  for (let i = 0; i < summarySentences; i++) summary.push(summarySentence(rng, pronoun, possessive));
  summary.push(`The Utilization Review dated ${date(rng, 2016, 2016)} non-certified the requests, and this Independent Medical Review followed.`);
  w.paragraph(sprinkle(rng, summary.join(' '), style.unicode));

  w.line(style.olderHeading ? 'IMR DECISION(S) AND RATIONALE(S)' : 'IMR ISSUES, DECISIONS AND RATIONALES');
  // One line in every real letter, whatever its width.
  w.line('The Final Determination was based on decisions for the disputed items/services set forth below:');

  const items: GeneratedItem[] = [];
  for (let i = 0; i < itemCount; i++) {
    const name = itemName(rng, i);
    const decision = decisions[i];
    let header: GeneratedItem['header'];
    if (rng.chance(style.leadInRate)) {
      writeLeadIn(w, rng, style, name, decision);
      header = 'lead-in';
    } else {
      header = writeItemHeader(w, rng, style, name, decision);
    }
    items.push({ name, decision, header });
    const gap = () => (rng.chance(style.variantRate) ? '  ' : ' ');
    w.paragraph(`${variant(rng, style, 'Claims Administrator guideline:', ['Claims administrator guideline:', 'Claims Administrator Guideline:', 'CLAIMS ADMINISTRATOR GUIDELINE:'])}${gap()}${claimsAdministratorText(rng)}`);
    w.paragraph(`${variant(rng, style, 'MAXIMUS guideline:', ['MAXIMUS Guideline:', 'Maximus guideline:', 'MAXIMUS GUIDELINE:'])}${gap()}${guidelineCitation(rng)}`);
    w.paragraph(`${variant(rng, style, 'Decision rationale:', ['Decision Rationale:', 'DECISION RATIONALE:'])}${gap()}${sprinkle(rng, rationale(rng, name, decision), style.unicode)}`);
  }
  return { text: render(rng, w.lines, style), items, style };
}

function render(rng: Prng, lines: readonly Line[], style: LetterStyle): string {
  const out: string[] = [];
  let sincePageBreak = 0;
  let pageLength = rng.int(40, 60);
  for (const { text, breakable } of lines) {
    let line = text;
    if (style.pageBreaks && breakable && sincePageBreak >= pageLength) {
      out.push('');
      if (style.doubleSpaced) out.push('');
      line = `\f${line}`;
      sincePageBreak = 0;
      pageLength = rng.int(40, 60);
    }
    sincePageBreak++;
    if (style.doubleSpaced) {
      out.push(`${line} `, '');
    } else {
      out.push(line);
    }
  }
  // pdftotext ends the last page with a blank line and a form feed. One join, no concatenation
  // after it: a flat string, as a file read or a JSON message gives the engine (a concatenated
  // one would make every charCodeAt slower and the benchmark unfair).
  out.push(style.pageBreaks ? '\f' : '');
  return out.join(style.eol);
}

/** Bytes of a string in UTF-8, without allocating a Buffer. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Plain pdftotext-like style, for benchmarks that compare sizes: only the length varies. */
export const BENCH_STYLE: Partial<LetterStyle> = {
  eol: '\n', doubleSpaced: false, pageBreaks: true, coverLetter: false, olderHeading: false,
  wrapRate: 0.05, leadInRate: 0.05, variantRate: 0, unicode: true,
};

const sizeModels = new Map<string, { base: number; perItem: number }>();

/** Bytes of a letter as a function of its item count, measured once per style. */
function sizeModel(style: Partial<LetterStyle>): { base: number; perItem: number } {
  const key = JSON.stringify(style);
  let model = sizeModels.get(key);
  if (!model) {
    const small = utf8Length(generateLetter(0, { items: 4, style, summarySentences: 20 }).text);
    const large = utf8Length(generateLetter(0, { items: 204, style, summarySentences: 20 }).text);
    model = { base: small - 4 * ((large - small) / 200), perItem: (large - small) / 200 };
    sizeModels.set(key, model);
  }
  return model;
}

/** A letter of about `bytes` (within a few percent), grown by adding items. */
export function letterOfSize(seed: number, bytes: number, style: Partial<LetterStyle> = BENCH_STYLE): GeneratedLetter {
  const model = sizeModel(style);
  let items = Math.max(1, Math.round((bytes - model.base) / model.perItem));
  let letter = generateLetter(seed, { items, style, summarySentences: 20 });
  // Large letters: one correction from the measured size, so 1 MB means 1 MB give or take 2%.
  const actual = utf8Length(letter.text);
  if (bytes >= 256 * 1024 && Math.abs(actual - bytes) > bytes * 0.02) {
    items = Math.max(1, Math.round(items * (bytes - model.base) / (actual - model.base)));
    letter = generateLetter(seed, { items, style, summarySentences: 20 });
  }
  return letter;
}

export const TYPICAL_BYTES = 20 * 1024;
export const ONE_MB = 1024 * 1024;
export const TEN_MB = 10 * 1024 * 1024;

/** A typical letter: about 20 KB, a handful of items, any style the seed draws. */
export function typicalLetter(seed: number, style?: Partial<LetterStyle>): GeneratedLetter {
  return letterOfSize(seed, TYPICAL_BYTES, style ?? BENCH_STYLE);
}

export function oneMegabyteLetter(seed = 1): GeneratedLetter {
  return letterOfSize(seed, ONE_MB);
}

export function tenMegabyteLetter(seed = 1): GeneratedLetter {
  return letterOfSize(seed, TEN_MB);
}
