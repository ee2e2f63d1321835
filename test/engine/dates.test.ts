import fc from "fast-check";
import { serialFromDate, dateFromSerial, edate, weekday, isoDate, checkSerial, MAX_SERIAL } from "../../src/engine/dates";

describe("Excel 1900 date serials", () => {
  test.each([
    [1900, 1, 1, 1],
    [1900, 2, 28, 59],
    [1900, 2, 29, 60], // Excel's fictitious day, kept for compatibility
    [1900, 3, 1, 61],
    [1997, 4, 29, 35549],
    [2000, 2, 29, 36585],
    [2008, 2, 15, 39493],
    [2025, 1, 1, 45658],
    [9999, 12, 31, MAX_SERIAL],
  ])("DATE(%i, %i, %i) = %i", (y, m, d, serial) => {
    expect(serialFromDate(y, m, d)).toBe(serial);
    expect(dateFromSerial(serial)).toEqual({ year: y, month: m, day: d });
  });

  test("round trip for every serial Excel can show", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_SERIAL }), (s) => {
        const { year, month, day } = dateFromSerial(s);
        return serialFromDate(year, month, day) === s;
      }),
    );
  });

  test.each([
    ["2024-08-31 + 6 months clamps to the end of February", serialFromDate(2024, 8, 31), 6, "2025-02-28"],
    ["2023-08-31 + 6 months lands on the leap day", serialFromDate(2023, 8, 31), 6, "2024-02-29"],
    ["2024-01-31 + 1 month", serialFromDate(2024, 1, 31), 1, "2024-02-29"],
    ["2024-03-31 − 1 month", serialFromDate(2024, 3, 31), -1, "2024-02-29"],
    ["2007-06-01 + 12 months", serialFromDate(2007, 6, 1), 12, "2008-06-01"],
    ["2000-12-15 + 13 months crosses a year", serialFromDate(2000, 12, 15), 13, "2002-01-15"],
  ])("EDATE: %s", (_label, start, months, expected) => {
    expect(isoDate(edate(start, months))).toBe(expected);
  });

  test("EDATE adds between 28m − 3 and 31m days, and keeps the day unless the month is shorter", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: MAX_SERIAL - 400 }), fc.integer({ min: 0, max: 12 }), (s, m) => {
        const e = edate(s, m);
        const from = dateFromSerial(s);
        const to = dateFromSerial(e);
        const keptDay = to.day === from.day || (to.day < from.day && dateFromSerial(e + 1).day === 1);
        return e - s <= 31 * m && e - s >= 28 * m - 3 && keptDay;
      }),
    );
  });

  test("EDATE in 32-bit integers equals EDATE through the calendar date", () => {
    // The reference: Excel's EDATE as the calendar says it, from dateFromSerial and serialFromDate.
    const reference = (serial: number, months: number): number | string => {
      const { year, month, day } = dateFromSerial(serial);
      const index = year * 12 + (month - 1) + months;
      const y = Math.floor(index / 12);
      const m = index - y * 12 + 1;
      const last = dateFromSerial(serialFromDate(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1).day;
      const result = serialFromDate(y, m, Math.min(day, y === 1900 && m === 2 ? 29 : last));
      return result < 1 || result > MAX_SERIAL ? "outside" : result;
    };
    const got = (serial: number, months: number): number | string => {
      try {
        return edate(serial, months);
      } catch (problem) {
        return /is outside Excel's calendar$/.test(String(problem)) ? "outside" : String(problem);
      }
    };
    // Every 29th serial (every day of the month, over the years), every serial of
    // the first and last 800 days (1900's fictitious leap day, the end of the calendar).
    const serials: number[] = [];
    for (let s = 1; s <= MAX_SERIAL; s += 29) serials.push(s);
    for (let s = 1; s <= 800; s++) serials.push(s, MAX_SERIAL + 1 - s);
    const wrong: string[] = [];
    for (const months of [6, 12, 24, -1200, -25, -1, 0, 1, 13, 119_988]) {
      for (const s of serials) if (got(s, months) !== reference(s, months)) wrong.push(`${s} + ${months}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  test("WEEKDAY: 0 = Sunday … 6 = Saturday", () => {
    expect(weekday(serialFromDate(2025, 1, 1))).toBe(3); // a Wednesday
    expect(weekday(serialFromDate(2024, 5, 5))).toBe(0); // a Sunday
    expect(weekday(serialFromDate(2024, 5, 11))).toBe(6); // a Saturday
  });

  test("checkSerial drops a time of day and refuses what is not a date", () => {
    expect(checkSerial(45658.75, "as_of")).toBe(45658);
    expect(() => checkSerial(0, "as_of")).toThrow(/as_of: expected an Excel date serial/);
    expect(() => checkSerial(-5, "acquired")).toThrow(/acquired/);
    expect(() => checkSerial(MAX_SERIAL + 1, "as_of")).toThrow(/9999-12-31/);
  });
});
