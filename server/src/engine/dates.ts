// Calendar dates as letters write them, read into ISO 8601 ("2016-11-09"), and the arithmetic the
// product needs: days between steps and the last day to petition the WCAB. Pure: no clock, no
// time zone (a date is a day number, counted in UTC arithmetic only), no locale.

/** A date as written: its ISO 8601 form, or why it is not a date that exists. */
export type DateReading = { iso: string } | { invalid: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "11/09/2016", "11-3-16", "2016-11-09", "November 9, 2016", "Nov. 9 2016", "9 November 2016". */
const NUMERIC = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const MONTH_FIRST = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/;

/** Longest value read as a date; a header value is a dozen characters. */
const MAX_DATE_LENGTH = 40;

/**
 * The date a header value or a prose phrase writes, or null when the text is not written as a
 * date at all. Two-digit years are 19xx from 70 and 20xx below (letters date injuries from the
 * 1970s on). A date written as one but not on the calendar (02/30/2016) is `invalid`.
 */
export function readDate(text: string): DateReading | null {
  const s = text.trim().replace(/\s+/g, ' ');
  if (s.length === 0 || s.length > MAX_DATE_LENGTH) return null;
  let m = NUMERIC.exec(s);
  if (m) return checked(fullYear(m[3]), +m[1], +m[2], s);
  m = ISO.exec(s);
  if (m) return checked(+m[1], +m[2], +m[3], s);
  m = MONTH_FIRST.exec(s);
  if (m && monthOf(m[1])) return checked(+m[3], monthOf(m[1]), +m[2], s);
  m = DAY_FIRST.exec(s);
  if (m && monthOf(m[2])) return checked(+m[3], monthOf(m[2]), +m[1], s);
  return null;
}

/** The ISO form, or null when the text is no date or a date that does not exist. */
export function isoDate(text: string | null): string | null {
  if (text === null) return null;
  const r = readDate(text);
  return r && 'iso' in r ? r.iso : null;
}

function fullYear(y: string): number {
  if (y.length === 4) return +y;
  return +y >= 70 ? 1900 + +y : 2000 + +y;
}

function monthOf(name: string): number {
  const key = name.slice(0, 3).toLowerCase();
  const i = MONTHS.indexOf(key);
  // The full name must be the month's (or its first letters): "Mayday" is not May.
  if (i < 0) return 0;
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][i];
  const lower = name.toLowerCase();
  return full.startsWith(lower) || (i === 8 && lower === 'sept') ? i + 1 : 0;
}

function checked(year: number, month: number, day: number, written: string): DateReading {
  if (month < 1 || month > 12) return { invalid: `"${written}" has no month ${month}` };
  if (day < 1 || day > daysInMonth(year, month)) return { invalid: `"${written}": ${monthName(month)} ${year} has no day ${day}` };
  if (year < 1900 || year > 2199) return { invalid: `"${written}" has an implausible year ${year}` };
  return { iso: `${year}-${pad(month)}-${pad(day)}` };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function monthName(month: number): string {
  return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1];
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Days since 1970-01-01 of an ISO date (no time zone: Date.UTC is pure arithmetic). */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86400000);
}

export function fromDayNumber(n: number): string {
  const date = new Date(n * 86400000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Calendar days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** 0 Sunday ... 6 Saturday. */
export function weekday(iso: string): number {
  return (((dayNumber(iso) + 4) % 7) + 7) % 7;
}

function nthWeekday(year: number, month: number, dow: number, n: number): string {
  const first = `${year}-${pad(month)}-01`;
  const offset = (dow - weekday(first) + 7) % 7;
  return addDays(first, offset + 7 * (n - 1));
}

function lastWeekday(year: number, month: number, dow: number): string {
  const last = `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;
  return addDays(last, -((weekday(last) - dow + 7) % 7));
}

export interface Holiday {
  iso: string;
  name: string;
}

/**
 * California judicial holidays of a year, on the day the courts observe them. Code of Civil
 * Procedure 135 makes every full-day holiday of Government Code 6700 a judicial holiday, except
 * Admission Day (September 9), Columbus Day from 2022 (AB 855, Stats. 2021 ch. 283, which also
 * made Native American Day, the fourth Friday of September, a judicial holiday from 2022) and
 * Lunar New Year (AB 2596, 2022); the day after Thanksgiving is one too. Juneteenth is a state and
 * judicial holiday from 2023 (AB 1655, Stats. 2022). A holiday on a Sunday is observed the
 * following Monday and one on a Saturday the preceding Friday (California Rules of Court, rule
 * 1.11). Saturdays and Sundays are not listed: every one is a non-court day.
 */
export function courtHolidays(year: number): Holiday[] {
  const fixed = (month: number, day: number, name: string): Holiday => ({ iso: observed(`${year}-${pad(month)}-${pad(day)}`), name });
  const list: Holiday[] = [
    fixed(1, 1, "New Year's Day"),
    { iso: nthWeekday(year, 1, 1, 3), name: 'Dr. Martin Luther King, Jr. Day' },
    fixed(2, 12, 'Lincoln Day'),
    { iso: nthWeekday(year, 2, 1, 3), name: "Presidents' Day" },
    fixed(3, 31, 'Cesar Chavez Day'),
    { iso: lastWeekday(year, 5, 1), name: 'Memorial Day' },
  ];
  if (year >= 2023) list.push(fixed(6, 19, 'Juneteenth'));
  list.push(fixed(7, 4, 'Independence Day'), { iso: nthWeekday(year, 9, 1, 1), name: 'Labor Day' });
  if (year >= 2022) list.push({ iso: nthWeekday(year, 9, 5, 4), name: 'Native American Day' });
  if (year <= 2021) list.push({ iso: nthWeekday(year, 10, 1, 2), name: 'Columbus Day' });
  const thanksgiving = nthWeekday(year, 11, 4, 4);
  list.push(
    fixed(11, 11, 'Veterans Day'),
    { iso: thanksgiving, name: 'Thanksgiving Day' },
    { iso: addDays(thanksgiving, 1), name: 'Day after Thanksgiving' },
    fixed(12, 25, 'Christmas Day'),
  );
  return list;
}

function observed(iso: string): string {
  const dow = weekday(iso);
  return dow === 0 ? addDays(iso, 1) : dow === 6 ? addDays(iso, -1) : iso;
}

const holidayCache = new Map<number, Map<string, string>>();

/** The judicial holiday observed on that day, or null. */
export function courtHolidayOn(iso: string): string | null {
  const year = Number(iso.slice(0, 4));
  let byDay = holidayCache.get(year);
  if (!byDay) {
    byDay = new Map();
    // A holiday of the next year can be observed on December 31 (New Year's Day on a Saturday).
    for (const y of [year, year + 1]) for (const h of courtHolidays(y)) byDay.set(h.iso, h.name);
    holidayCache.set(year, byDay);
  }
  return byDay.get(iso) ?? null;
}

export function isCourtDay(iso: string): boolean {
  const dow = weekday(iso);
  return dow !== 0 && dow !== 6 && courtHolidayOn(iso) === null;
}

export interface AppealDeadline {
  /** The date the count starts from: the Decision Date, standing in for the unknown date of service. */
  from: string;
  /** From + 30 days (Labor Code 4610.6(h)) + 5 days for service by mail (Code of Civil Procedure 1013). */
  counted: string;
  /** The last day to file: `counted`, carried to the next court day when it is not one. */
  lastDay: string;
  /** The weekend days and holidays `counted` was carried past, in order ("Saturday", "Veterans Day"). */
  carriedPast: string[];
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * The last day to file a petition appealing an IMR determination with the WCAB, counted from the
 * Decision Date as if the letter were served by mail that day: 30 days (LC 4610.6(h)), plus 5 for
 * mailing (CCP 1013, applied by the WCAB), and a last day that falls on a weekend or judicial
 * holiday carried to the next court day (CCP 12a, 135). The real count runs from the date of
 * service on the proof of service, which a published letter does not show.
 */
export function appealDeadline(decisionDate: string): AppealDeadline {
  const counted = addDays(decisionDate, 35);
  const carriedPast: string[] = [];
  let day = counted;
  while (!isCourtDay(day)) {
    carriedPast.push(courtHolidayOn(day) ?? DAY_NAMES[weekday(day)]);
    day = addDays(day, 1);
  }
  return { from: decisionDate, counted, lastDay: day, carriedPast };
}

export function dayName(iso: string): string {
  return DAY_NAMES[weekday(iso)];
}
