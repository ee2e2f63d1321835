// Excel date serials (1900 date system) and the calendar arithmetic the agreement and Rule 144
// need. Serials are whole days: serial 1 is 1900-01-01, and Excel keeps Lotus's fictitious
// 1900-02-29 as serial 60, so real dates from 1900-03-01 (serial 61) on are days since 1899-12-30.

import { invalid } from "./errors";

export type Serial = number;

/** Largest serial Excel shows as a date: 9999-12-31. */
export const MAX_SERIAL: Serial = 2958465;

export interface CalendarDate {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

// Days from 1970-01-01 to a civil date (proleptic Gregorian); Hinnant's algorithm, integers only.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// The two conversions for serials (1 to MAX_SERIAL, and the years EDATE reaches from them) in 32-bit
// integers: every operand is then non-negative, so floor is truncation (| 0), and V8 divides by
// the constants with a multiply (RR.RULE144.CEASED takes an EDATE per row). The general versions
// above and below serve everything else; a test compares the two on every serial.

/** civilFromDays for 0 ≤ days + 719468 < 2^31, into civilYear, civilMonth and civilDay (no object). */
function civilFromDaysInt(days: number): void {
  const z = (days + 719468) | 0;
  const era = (z / 146097) | 0;
  const doe = (z - era * 146097) | 0;
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0;
  const doy = (doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0))) | 0;
  const mp = ((5 * doy + 2) / 153) | 0;
  civilDay = (doy - (((153 * mp + 2) / 5) | 0) + 1) | 0;
  civilMonth = mp < 10 ? mp + 3 : mp - 9;
  civilYear = (yoe + era * 400 + (civilMonth <= 2 ? 1 : 0)) | 0;
}

let civilYear = 0;
let civilMonth = 0;
let civilDay = 0;

/** daysFromCivil for years 1 to 100,000. */
function daysFromCivilInt(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = (y / 400) | 0;
  const yoe = (y - era * 400) | 0;
  const mp = (month + 9) % 12;
  const doy = (((153 * mp + 2) / 5) | 0) + day - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): CalendarDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const EPOCH_1899_12_30 = daysFromCivil(1899, 12, 30);

/** The serial Excel gives a calendar date (DATE(year, month, day) for a valid date). */
export function serialFromDate(year: number, month: number, day: number): Serial {
  if (year === 1900 && month === 2 && day === 29) return 60;
  const serial = daysFromCivil(year, month, day) - EPOCH_1899_12_30;
  return serial <= 60 ? serial - 1 : serial;
}

/** The calendar date Excel shows for a serial. */
export function dateFromSerial(serial: Serial): CalendarDate {
  if (serial === 60) return { year: 1900, month: 2, day: 29 };
  return civilFromDays((serial < 60 ? serial + 1 : serial) + EPOCH_1899_12_30);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 || year === 1900; // Excel's 1900
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1];
}

/**
 * Excel's EDATE: the same day `months` later, clamped to the end of a shorter month.
 *
 * The add-in's one convention for periods of months: a period of N months that starts on D runs
 * up to its N-month anniversary, EDATE(D, N) (31 Aug + 6 months = 28 Feb, or 29 Feb in a leap
 * year). Each rule then says only which side of the anniversary its words put the day itself:
 * - "at any time after the first anniversary" (demand window) and "must elapse" (Rule 144(d)):
 *   the anniversary is excluded, the first qualifying day is EDATE(D, N) + 1;
 * - "one registration ... during any six (6) month period" and "one time in any twelve (12) month
 *   period": the next period begins on the anniversary, so the first day allowed again is
 *   EDATE(D, N) (RR.DATE's "next-demand" and "next-postponement", RR.DEMAND.CHECK's deferral).
 * Periods of days are added as days: "within fifteen (15) days after" D ends on D + 15.
 */
export function edate(serial: Serial, months: number): Serial {
  if (!(
    Number.isInteger(serial) &&
    serial >= 1 &&
    serial <= MAX_SERIAL &&
    serial !== 60 &&
    Number.isInteger(months) &&
    Math.abs(months) <= 1e6
  )) {
    return edateGeneral(serial, months);
  }
  // A serial Excel shows as a date, not the fictitious 1900-02-29: in 32-bit integers.
  civilFromDaysInt((serial < 60 ? serial + 1 : serial) + EPOCH_1899_12_30);
  const index = civilYear * 12 + (civilMonth - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < 1 || y > 100_000) return edateGeneral(serial, months);
  const day = Math.min(civilDay, daysInMonth(y, m));
  const result = y === 1900 && m === 2 && day === 29 ? 60 : fromDays(daysFromCivilInt(y, m, day));
  if (result < 1 || result > MAX_SERIAL) invalid(`the date ${months} months from ${isoDate(serial)} is outside Excel's calendar`);
  return result;
}

/** serialFromDate's step from days since 1970 to a serial. */
function fromDays(days: number): Serial {
  const serial = days - EPOCH_1899_12_30;
  return serial <= 60 ? serial - 1 : serial;
}

function edateGeneral(serial: Serial, months: number): Serial {
  const { year, month, day } = dateFromSerial(serial);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const result = serialFromDate(y, m, Math.min(day, daysInMonth(y, m)));
  if (result < 1 || result > MAX_SERIAL) invalid(`the date ${months} months from ${isoDate(serial)} is outside Excel's calendar`);
  return result;
}

/** Day of the week as Excel's WEEKDAY(serial, 1) minus one: 0 = Sunday … 6 = Saturday. */
export function weekday(serial: Serial): number {
  return (((serial - 1) % 7) + 7) % 7;
}

/** 2008-06-02: the form used in every message, unambiguous in any locale. */
export function isoDate(serial: Serial): string {
  const { year, month, day } = dateFromSerial(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Checks a date serial and drops a time of day, as Excel's date functions do. */
export function checkSerial(value: number, name: string): Serial {
  if (!Number.isFinite(value) || value < 1 || value >= MAX_SERIAL + 1) {
    invalid(`${name}: expected an Excel date serial from 1 (1900-01-01) to ${MAX_SERIAL} (9999-12-31), got ${value}`);
  }
  return Math.floor(value);
}
