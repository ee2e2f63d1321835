// The sample cap table: a Series B preferred financing like the CTC Communications agreement's
// (funds and individuals holding convertible preferred, some common, an affiliate, holders without
// registration rights, holders with rights under an earlier agreement, and the Company's own
// primary shares).

import { serialFromDate } from "../engine";
import type { Cell } from "./capTable";

export const SAMPLE_SHEET = "CapTable";
export const SAMPLE_TABLE = "RegRightsCapTable";

export const SAMPLE_HEADERS = ["Holder", "Role", "Common shares", "Series B Preferred", "Conv. ratio", "Date acquired", "Affiliate"];

const closing = serialFromDate(2000, 3, 31);

const body: Cell[][] = [
  ["Alpha Venture Partners IV, L.P.", "Holder", 0, 1_200_000, 1.25, closing, false],
  ["Alpha Venture Entrepreneurs Fund, L.P.", "Holder", 0, 150_000, 1.25, closing, false],
  ["Beacon Growth Equity Fund II, L.P.", "Holder", 250_000, 800_000, 1.25, closing, true],
  ["Harbor Street Capital, LLC", "Holder", 0, 400_000, 1.25, closing, false],
  ["Margaret Chen", "Holder", 0, 40_000, 1.25, closing, false],
  ["David R. Alvarez", "Holder", 0, 25_001, 1.25, closing, false],
  ["Northfield Telecom Investors, L.P.", "Other", 600_000, 0, 1.25, serialFromDate(1998, 6, 15), false],
  ["Robert Kline", "No rights", 350_000, 0, 1.25, serialFromDate(1997, 9, 30), true],
  ["Susan Park", "No rights", 120_000, 0, 1.25, serialFromDate(1999, 1, 4), false],
  ["CTC Communications Group, Inc. (primary)", "Company", 1_000_000, 0, 1.25, null, false],
];

/** Header row + body, as written by "Insert sample cap table". */
export function sampleCapTable(): { rows: Cell[][]; numberFormats: (string | null)[][] } {
  const rows = [SAMPLE_HEADERS as Cell[], ...body.map((r) => [...r])];
  const fmt = [null, null, "#,##0", "#,##0", "0.00##", "yyyy-mm-dd", null];
  const numberFormats = rows.map((_, i) => (i === 0 ? SAMPLE_HEADERS.map(() => null) : [...fmt]));
  return { rows, numberFormats };
}
