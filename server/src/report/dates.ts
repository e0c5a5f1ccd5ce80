// Dates as letters write them, read into ISO 8601 (YYYY-MM-DD) for the decisions table.
// Minimal on purpose: the engine keeps dates as written; this reads the forms the corpus uses
// (MM/DD/YYYY, all 194 letters) and two unambiguous others. Anything else gives null, never a guess.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function isoDate(written: string | null): string | null {
  if (written === null) return null;
  const text = written.trim();
  let m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  if (m) return build(+m[3], +m[1], +m[2]);
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return build(+m[1], +m[2], +m[3]);
  m = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(text);
  if (m) {
    const month = MONTHS.findIndex((name) => name === m![1].toLowerCase() || (m![1].length >= 3 && name.startsWith(m![1].toLowerCase())));
    if (month >= 0) return build(+m[3], month + 1, +m[2]);
  }
  return null;
}

function build(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
