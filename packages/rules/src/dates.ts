/**
 * A calendar date written `YYYY-MM-DD`. Dates stay plain strings so they cross JSON, forms
 * and SQL unchanged; all arithmetic happens here, on whole days in UTC, with no clock.
 * Because the format is fixed-width, two valid dates compare correctly as strings.
 */
export type IsoDate = string;

interface CivilDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const FIRST_YEAR = 1;
const LAST_YEAR = 9999;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of a year (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function readCivil(value: string): CivilDate | null {
  const match = ISO_DATE_PATTERN.exec(value);
  if (match === null) return null;
  const [, y, m, d] = match;
  const civil = { year: Number(y), month: Number(m), day: Number(d) };
  if (civil.year < FIRST_YEAR || civil.month < 1 || civil.month > 12 || civil.day < 1) return null;
  return civil.day <= daysInMonth(civil.year, civil.month) ? civil : null;
}

/** True for a real calendar date written `YYYY-MM-DD` (so `2023-02-29` is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === "string" && readCivil(value) !== null;
}

function parse(date: IsoDate): CivilDate {
  const civil = readCivil(date);
  // A malformed date reaching arithmetic is a caller bug: validate inputs with isoDateSchema.
  if (civil === null)
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return civil;
}

function format({ year, month, day }: CivilDate): IsoDate {
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new RangeError(`Year out of range: ${year}`);
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Days since 1970-01-01 and back, after Howard Hinnant's "days_from_civil" algorithm:
// exact for the proleptic Gregorian calendar, and free of Date and time zones.
function toDayNumber({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/**
 * Adds whole calendar months. A day missing in the target month clamps to that month's last
 * day, so 31 August + 6 months is 28 (or 29) February: issue 3, "6 months is calendar months".
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parse(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return format({ year: targetYear, month: targetMonth, day: targetDay });
}

/** Adds (or, when negative, subtracts) whole days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return format(fromDayNumber(toDayNumber(parse(date)) + days));
}

/** Adds whole weeks of seven days. */
export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  return addDays(date, weeks * 7);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(parse(to)) - toDayNumber(parse(from));
}

/** Negative when `a` is earlier, zero when equal, positive when later. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return daysBetween(b, a);
}

/** The later of two dates. */
export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** The earlier of two dates. */
export function earlierOf(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

/** Age in completed years on a date; a 29 February birthday counts from 28 February. */
export function ageInYears(dateOfBirth: IsoDate, on: IsoDate): number {
  const birth = parse(dateOfBirth);
  const day = parse(on);
  const years = day.year - birth.year;
  const birthdayThisYear = addMonths(dateOfBirth, years * 12);
  return compareDates(on, birthdayThisYear) >= 0 ? years : years - 1;
}
