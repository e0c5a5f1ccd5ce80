// The summary report: one self-contained HTML page over many letters (totals, the Upheld and
// Overturned share, decisions by month, problems by rule, the letters with problems). Pure: plain
// records in, a string out. Charts are inline SVG; no script, no remote font or image, and a
// content security policy that forbids loading anything, so the page is the same offline, in a
// browser, in a VS Code webview and on paper.
import { isoDate, itemTableFields, type Diagnostic, type Letter } from '../engine';

/** What the summary keeps of one item: its decision and classes, from the engine's itemTableFields. */
export interface SummaryItem {
  decision: 'Upheld' | 'Overturned' | null;
  category: string;
  drugGroup: string | null;
  /** The MAXIMUS guideline's class ids (one per citation); empty when the item has no such field. */
  maximusClasses: string[];
}

/** What the summary keeps of one letter (small: it crosses threads and is held for the whole run). */
export interface SummaryRecord {
  file: string;
  /** A link to the letter, relative to where the report is written, or null. */
  href: string | null;
  caseNumber: string | null;
  /** YYYY-MM-DD or null. */
  decisionDate: string | null;
  upheld: number;
  overturned: number;
  noDecision: number;
  /** Rule ids, one per problem. */
  problems: string[];
  /** One per item, in the letter's order. */
  items: SummaryItem[];
}

export function summaryRecord(file: string, href: string | null, letter: Letter, diagnostics: readonly Diagnostic[]): SummaryRecord {
  let upheld = 0;
  let overturned = 0;
  let noDecision = 0;
  for (const item of letter.items) {
    if (item.decision === 'Upheld') upheld++;
    else if (item.decision === 'Overturned') overturned++;
    else noDecision++;
  }
  return {
    file,
    href,
    caseNumber: letter.metadata.caseNumber,
    decisionDate: isoDate(letter.metadata.decisionDate),
    upheld,
    overturned,
    noDecision,
    problems: diagnostics.map((d) => d.code),
    items: letter.items.map((item) => {
      const fields = itemTableFields(letter, item);
      return {
        decision: item.decision === 'Upheld' || item.decision === 'Overturned' ? item.decision : null,
        category: fields.category,
        drugGroup: fields.drugGroup,
        maximusClasses: fields.maximusGuidelineClass ? fields.maximusGuidelineClass.split(';') : [],
      };
    }),
  };
}

// --- Published figures, for context -----------------------------------------------------------

/**
 * Uphold rates published for all IMR letters, as ../shared/notes/domain.md gives them ("What
 * people compute from batches of letters"), each with its source named as there. Context for the
 * folder's own figures, never a check: a folder is not a sample of all letters.
 */
export const PUBLISHED_RATES: ReadonlyArray<{ source: string; figure: string }> = [
  { source: 'DWC 2013', figure: '84% upheld' },
  { source: 'CWCI, letters to early 2015 (137,781 letters)', figure: '91% upheld' },
  { source: 'DWC 2016', figure: '8.4% overturned' },
  { source: 'DWC 2019', figure: '10.4% overturned' },
  { source: 'CWCI 2021', figure: '92.0% upheld' },
  { source: 'CWCI 2022', figure: '91.1% upheld' },
  { source: 'CWCI 2025, 1.57 million letters from 2015 to early 2025', figure: 'about 90% upheld' },
];

/** Uphold rates published per treatment category (same source); categories without one are absent. */
export const PUBLISHED_CATEGORY_RATES: Readonly<Record<string, { source: string; figure: string }>> = {
  'psychological': { source: 'CWCI 2022', figure: '82.5% upheld' },
  'injections': { source: 'CWCI 2022', figure: '95.9% upheld' },
};

interface Tally {
  items: number;
  upheld: number;
  overturned: number;
}

function tally(map: Map<string, Tally>, key: string, decision: SummaryItem['decision']): void {
  const t = map.get(key) ?? { items: 0, upheld: 0, overturned: 0 };
  t.items++;
  if (decision === 'Upheld') t.upheld++;
  else if (decision === 'Overturned') t.overturned++;
  map.set(key, t);
}

export interface SummaryOptions {
  title?: string;
  /** "imr-lint 0.1.0": printed at the foot. */
  generator: string;
  /** ISO time of the run; omitted in tests that compare output. */
  generatedAt?: string;
}

const UPHELD = '#b4452f';
const OVERTURNED = '#2f7a4a';
const PROBLEM = '#4a5fa8';

export function summaryHtml(records: readonly SummaryRecord[], options: SummaryOptions): string {
  const title = options.title ?? 'IMR letters: summary';
  const totals = { letters: records.length, upheld: 0, overturned: 0, noDecision: 0, problems: 0, withProblems: 0 };
  const byMonth = new Map<string, { upheld: number; overturned: number }>();
  const byRule = new Map<string, number>();
  const byCategory = new Map<string, Tally>();
  const byDrugGroup = new Map<string, Tally>();
  const byGuideline = new Map<string, Tally>();
  for (const r of records) {
    for (const item of r.items) {
      tally(byCategory, item.category, item.decision);
      if (item.drugGroup !== null) tally(byDrugGroup, item.drugGroup, item.decision);
      // An item citing two guidelines counts under each; one without the field under "none cited".
      for (const id of item.maximusClasses.length > 0 ? new Set(item.maximusClasses) : ['(no MAXIMUS guideline)']) tally(byGuideline, id, item.decision);
    }
    totals.upheld += r.upheld;
    totals.overturned += r.overturned;
    totals.noDecision += r.noDecision;
    totals.problems += r.problems.length;
    if (r.problems.length > 0) totals.withProblems++;
    const month = r.decisionDate ? r.decisionDate.slice(0, 7) : 'undated';
    const m = byMonth.get(month) ?? { upheld: 0, overturned: 0 };
    m.upheld += r.upheld;
    m.overturned += r.overturned;
    byMonth.set(month, m);
    for (const code of r.problems) byRule.set(code, (byRule.get(code) ?? 0) + 1);
  }
  const items = totals.upheld + totals.overturned + totals.noDecision;
  const decided = totals.upheld + totals.overturned;
  const months = [...byMonth.entries()].filter(([, v]) => v.upheld + v.overturned > 0).sort(([a], [b]) => (a === 'undated' ? 1 : b === 'undated' ? -1 : a.localeCompare(b)));
  const rules = [...byRule.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const withProblems = records.filter((r) => r.problems.length > 0);

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; background: #fff; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ddd; padding-bottom: .25rem; }
.totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .75rem; margin: 1rem 0; }
.total { border: 1px solid #ddd; border-radius: 6px; padding: .5rem .75rem; } .total b { display: block; font-size: 1.5rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; } th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #eee; vertical-align: top; }
th { background: #f6f6f6; } td.n { text-align: right; font-variant-numeric: tabular-nums; } td.k { white-space: nowrap; }
svg text { font: 12px system-ui, sans-serif; fill: #1d1d1f; } .legend span { display: inline-block; width: .8em; height: .8em; margin: 0 .3em 0 1em; vertical-align: -.05em; }
.muted { color: #666; } a { color: #2455a4; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } h2 { break-after: avoid; } section, tr { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="muted">${esc(plural(totals.letters, 'letter'))}, ${esc(plural(items, 'item'))}${options.generatedAt ? ` · ${esc(options.generatedAt)}` : ''}</p>
<div class="totals" id="totals">
${total('Letters', totals.letters)}${total('Items', items)}${total('Upheld', totals.upheld)}${total('Overturned', totals.overturned)}${total('No decision', totals.noDecision)}${total('Letters with problems', totals.withProblems)}${total('Problems', totals.problems)}
</div>
<section id="share">
<h2>Upheld and Overturned</h2>
${decided === 0 ? '<p class="muted">No decided items.</p>' : shareBar(totals.upheld, totals.overturned)}
${publishedRates()}
</section>
<section id="categories">
<h2>Decisions by treatment category</h2>
${breakdownTable(byCategory, 'Category', (id) => PUBLISHED_CATEGORY_RATES[id] ?? null)}
</section>
<section id="drug-groups">
<h2>Decisions by drug group</h2>
${breakdownTable(byDrugGroup, 'Drug group', null)}
</section>
<section id="guideline-classes">
<h2>Decisions by MAXIMUS guideline class</h2>
<p class="muted">An item citing guidelines of two classes counts under each.</p>
${breakdownTable(byGuideline, 'Guideline class', null)}
</section>
<section id="months">
<h2>Decisions by month of the decision date</h2>
${months.length === 0 ? '<p class="muted">No decisions.</p>' : monthChart(months)}
</section>
<section id="rules">
<h2>Problems by rule</h2>
${rules.length === 0 ? '<p class="muted">No problems.</p>' : ruleChart(rules)}
</section>
<section id="letters">
<h2>Letters with problems (${withProblems.length})</h2>
${withProblems.length === 0 ? '<p class="muted">None.</p>' : letterTable(withProblems)}
</section>
<p class="muted">${esc(options.generator)}</p>
</body>
</html>
`;
}

function total(label: string, value: number): string {
  return `<div class="total">${esc(label)}<b>${value.toLocaleString('en-US')}</b></div>`;
}

function shareBar(upheld: number, overturned: number): string {
  const all = upheld + overturned;
  const w = 600;
  const uw = Math.round((upheld / all) * w);
  const pct = (n: number): string => `${Math.round((n / all) * 1000) / 10}%`;
  return `<svg role="img" aria-label="Upheld ${pct(upheld)}, Overturned ${pct(overturned)}" viewBox="0 0 ${w} 56" width="100%" style="max-width:${w}px">
<rect x="0" y="0" width="${uw}" height="28" fill="${UPHELD}"><title>Upheld: ${upheld}</title></rect>
<rect x="${uw}" y="0" width="${w - uw}" height="28" fill="${OVERTURNED}"><title>Overturned: ${overturned}</title></rect>
<text x="0" y="46">Upheld ${upheld} (${pct(upheld)})</text>
<text x="${w}" y="46" text-anchor="end">Overturned ${overturned} (${pct(overturned)})</text>
</svg>`;
}

function publishedRates(): string {
  const rows = PUBLISHED_RATES.map((p) => `<tr><td>${esc(p.source)}</td><td>${esc(p.figure)}</td></tr>`);
  return `<p class="muted">Published figures for all IMR letters, for context (not a check: a folder is not a sample of all letters):</p>
<table class="published"><thead><tr><th>Source</th><th>Published</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
}

/**
 * Items, Upheld, Overturned and the Upheld share of the decided ones per key, most items first;
 * with `published`, a column of the published rate beside the folder's own.
 */
function breakdownTable(map: ReadonlyMap<string, Tally>, label: string, published: ((id: string) => { source: string; figure: string } | null) | null): string {
  if (map.size === 0) return '<p class="muted">No items.</p>';
  const entries = [...map.entries()].sort((a, b) => b[1].items - a[1].items || a[0].localeCompare(b[0]));
  const rows = entries.map(([id, t]) => {
    const decided = t.upheld + t.overturned;
    const share = decided === 0 ? '' : `${Math.round((t.upheld / decided) * 1000) / 10}%`;
    const bar = decided === 0 ? '' : shareCell(t.upheld, t.overturned);
    const pub = published ? `<td>${(() => { const p = published(id); return p ? `${esc(p.figure)} <span class="muted">(${esc(p.source)})</span>` : ''; })()}</td>` : '';
    return `<tr><td class="k">${esc(id)}</td><td class="n">${t.items}</td><td class="n">${t.upheld}</td><td class="n">${t.overturned}</td><td class="n">${share}</td><td>${bar}</td>${pub}</tr>`;
  });
  return `<table><thead><tr><th>${esc(label)}</th><th>Items</th><th>Upheld</th><th>Overturned</th><th>Upheld share</th><th></th>${published ? '<th>Published</th>' : ''}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
}

function shareCell(upheld: number, overturned: number): string {
  const w = 120;
  const uw = Math.round((upheld / (upheld + overturned)) * w);
  return `<svg role="img" aria-label="${upheld} upheld, ${overturned} overturned" viewBox="0 0 ${w} 12" width="${w}" height="12">` +
    `<rect x="0" y="0" width="${uw}" height="12" fill="${UPHELD}"/><rect x="${uw}" y="0" width="${w - uw}" height="12" fill="${OVERTURNED}"/></svg>`;
}

function monthChart(months: ReadonlyArray<[string, { upheld: number; overturned: number }]>): string {
  const max = Math.max(...months.map(([, v]) => v.upheld + v.overturned));
  const bar = 28;
  const gap = 10;
  const h = 160;
  const w = Math.max(300, months.length * (bar + gap) + 40);
  const scale = (n: number): number => (n / max) * h;
  const bars = months.map(([month, v], i) => {
    const x = 30 + i * (bar + gap);
    const hu = scale(v.upheld);
    const ho = scale(v.overturned);
    return `<g><title>${esc(month)}: ${v.upheld} upheld, ${v.overturned} overturned</title>` +
      `<rect x="${x}" y="${(h - hu - ho + 24).toFixed(1)}" width="${bar}" height="${ho.toFixed(1)}" fill="${OVERTURNED}"/>` +
      `<rect x="${x}" y="${(h - hu + 24).toFixed(1)}" width="${bar}" height="${hu.toFixed(1)}" fill="${UPHELD}"/>` +
      `<text x="${x + bar / 2}" y="${(h - hu - ho + 19).toFixed(1)}" text-anchor="middle">${v.upheld + v.overturned}</text>` +
      `<text x="${x + bar / 2}" y="${h + 40}" text-anchor="end" transform="rotate(-45 ${x + bar / 2} ${h + 40})">${esc(month)}</text></g>`;
  });
  return `<p class="legend"><span style="background:${UPHELD}"></span>Upheld<span style="background:${OVERTURNED}"></span>Overturned</p>
<svg role="img" aria-label="Decisions by month" viewBox="0 0 ${w} ${h + 84}" width="100%" style="max-width:${w}px">
<line x1="25" y1="${h + 24}" x2="${w}" y2="${h + 24}" stroke="#999"/>
${bars.join('\n')}
</svg>`;
}

function ruleChart(rules: ReadonlyArray<[string, number]>): string {
  const max = rules[0][1];
  const row = 24;
  const label = 260;
  const w = 640;
  const rows = rules.map(([rule, count], i) => {
    const y = i * row;
    const bw = Math.max(2, ((w - label - 50) * count) / max);
    return `<g><text x="${label - 8}" y="${y + 16}" text-anchor="end">${esc(rule)}</text>` +
      `<rect x="${label}" y="${y + 4}" width="${bw.toFixed(1)}" height="${row - 8}" fill="${PROBLEM}"/>` +
      `<text x="${(label + bw + 6).toFixed(1)}" y="${y + 16}">${count}</text></g>`;
  });
  return `<svg role="img" aria-label="Problems by rule" viewBox="0 0 ${w} ${rules.length * row}" width="100%" style="max-width:${w}px">
${rows.join('\n')}
</svg>`;
}

function letterTable(records: readonly SummaryRecord[]): string {
  const rows = records.map((r) => {
    const counts = new Map<string, number>();
    for (const code of r.problems) counts.set(code, (counts.get(code) ?? 0) + 1);
    const rules = [...counts].map(([code, n]) => (n > 1 ? `${esc(code)} ×${n}` : esc(code))).join(', ');
    const name = r.href ? `<a href="${esc(r.href)}">${esc(r.file)}</a>` : esc(r.file);
    return `<tr><td>${name}</td><td class="k">${esc(r.caseNumber ?? '')}</td><td class="k">${esc(r.decisionDate ?? '')}</td><td class="n">${r.problems.length}</td><td>${rules}</td></tr>`;
  });
  return `<table><thead><tr><th>Letter</th><th>Case</th><th>Decision date</th><th>Problems</th><th>Rules</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
}

function plural(n: number, one: string): string {
  return `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
