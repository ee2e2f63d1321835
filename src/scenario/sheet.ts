// The scenario sheet: cap table + scenario → one gateway SheetWrite whose cells are live RR.*
// formulas that reference the cap table's cells with plain sheet-qualified A1 references (no
// structured references: the preview's evaluator does not read them).

import type { CapTableLocation as CapTableRef, SheetCell as CellInput, ScenarioSheet as SheetWrite } from "./types";
import type { ParsedCapTable } from "./capTable";
import { OFFERING_LABELS, ROLE_LABELS, type ScenarioPayload } from "./payload";
import { ROLES } from "../engine";

export const HEADER_ROW = 14; // 1-based row of the per-holder header
export const FIRST_HOLDER_ROW = HEADER_ROW + 1;

/** Per-holder columns (0-based), fixed so the pane and tests can find them. */
export const COL = {
  holder: 0,
  role: 1,
  registrable: 2,
  requested: 3,
  tier: 4,
  included: 5,
  cutBack: 6,
  cutPct: 7,
  cap: 8,
  affiliate: 9,
  acquired: 10,
  volumeLimit: 11,
  holdEnd: 12,
  /** The registrable count before cessation (iii): what the Rule 144 test is applied to. */
  tested: 13,
  ceased: 14,
  status: 15,
  /** RR.RULE144.CEASEDATE: when the holder's registration rights lapse under cessation (iii). */
  lapse: 16,
} as const;

export const HEADERS = [
  "Holder",
  "Role",
  "Registrable shares",
  "Requested",
  "Tier",
  "Included",
  "Cut back",
  "% cut back",
  "Net proceeds (indemnity cap)",
  "Affiliate",
  "Acquired",
  "Volume limit (3 months)",
  "Holding period ends",
  "Shares tested (before cessation)",
  "Ceased (Rule 144)?",
  "Rule 144 status",
  "Rights lapse on",
];

export const FMT = {
  shares: "#,##0",
  pct: "0.0%",
  spread: "0.00%",
  money: "$#,##0.00",
  price: "$#,##0.00##",
  date: "yyyy-mm-dd",
} as const;

/** "A", "B", ..., "Z", "AA": column letters from a 0-based index. */
export function colLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses "B3:H12" (or "B3") to 0-based top-left and 1-based row numbers. */
export function parseAddress(address: string): { col: number; row: number; endCol: number; endRow: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.replace(/^.*!/, "").trim());
  if (!m) throw new Error(`Not an A1 address: "${address}"`);
  const col = colIndex(m[1]);
  const row = Number(m[2]);
  return { col, row, endCol: m[3] ? colIndex(m[3]) : col, endRow: m[4] ? Number(m[4]) : row };
}

/** A sheet name as a formula writes it: quoted unless it is a plain word. */
export function sheetRef(sheet: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) && !/^(TRUE|FALSE)$/i.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** The sheet-qualified address of a cap table body cell (0-based body row and block column). */
export function capCell(ref: CapTableRef, bodyRow: number, blockCol: number): string {
  const a = parseAddress(ref.address);
  return `${sheetRef(ref.sheet)}!${colLetter(a.col + blockCol)}${a.row + 1 + bodyRow}`;
}

const cell = (col: number, row: number, abs = false) => (abs ? `$${colLetter(col)}$${row}` : `${colLetter(col)}${row}`);

/** Label of the row under Total that counts, per column, the holder rows without a number. */
export const BAD_ROWS_LABEL = "Rows without a figure (errors, left out of the totals)";

/**
 * `IF(ISNUMBER(included),formula,NA())`: the formula only while the row's Included is a number.
 * Explain cell (src/workbook/explain/parse.ts) reads this shape around an RR call and explains the
 * call inside it.
 */
export function guardIncluded(included: string, formula: string): string {
  return `IF(ISNUMBER(${included}),${formula},NA())`;
}

/** Rows of the per-holder block, 1-based: first and last. */
export function holderRows(count: number): { first: number; last: number; total: number } {
  return { first: FIRST_HOLDER_ROW, last: FIRST_HOLDER_ROW + count - 1, total: FIRST_HOLDER_ROW + count };
}

/** Builds the scenario sheet. `cap` supplies which holders have an acquired date (Rule 144 rows). */
export function buildScenarioSheet(p: ScenarioPayload, cap: ParsedCapTable): SheetWrite {
  const rule = p.rule144;
  const width = rule ? HEADERS.length : COL.cap + 1;
  const n = p.holders.length;
  const { first, last, total } = holderRows(n);
  // Rule 144 sheets add the overhang table below the note: a title, a header and 20 quarters.
  const OVERHANG_QUARTERS = 20;
  const overhangTop = total + 5;
  const height = rule ? overhangTop + 1 + OVERHANG_QUARTERS : total + 3;
  const cells: CellInput[][] = Array.from({ length: height }, () => new Array<CellInput>(width).fill(null));
  const fmts: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  const put = (row: number, col: number, v: CellInput, fmt: string | null = null) => {
    cells[row - 1][col] = v;
    if (fmt) fmts[row - 1][col] = fmt;
  };

  put(1, 0, `RegRights scenario: ${p.sheet}`);
  put(2, 0, "Offering type");
  put(2, 1, p.offering);
  put(2, 2, OFFERING_LABELS[p.offering]);
  put(3, 0, "Underwriter capacity (shares)");
  put(3, 1, p.capacity, FMT.shares);
  put(4, 0, "Offering price");
  put(4, 1, p.price, FMT.price);
  put(5, 0, "Gross spread");
  put(5, 1, p.grossSpread, FMT.spread);
  put(6, 0, "Commission per share");
  put(6, 1, p.commissionPerShare, FMT.price);
  put(7, 0, "Cap table");
  put(7, 1, `${p.capTable.sheet}!${p.capTable.address}`);
  // The Role column holds RR.PRIORITY's words (the formula contract, §3); the legend says what
  // each means, so the sheet reads in a banker's words without changing what the formula takes.
  put(2, 4, "Role (as RR.PRIORITY reads it)");
  put(2, 5, "Means");
  ROLES.forEach((role, i) => {
    put(3 + i, 4, role);
    put(3 + i, 5, ROLE_LABELS[role]);
  });

  const R = { asOf: 8, outstanding: 9, venue: 10, reporting: 11, limit: 12 };
  if (rule) {
    put(R.asOf, 0, "Rule 144 as of");
    put(R.asOf, 1, rule.asOf, FMT.date);
    put(R.outstanding, 0, "Shares outstanding");
    put(R.outstanding, 1, rule.outstanding, FMT.shares);
    put(R.venue, 0, "Venue");
    put(R.venue, 1, rule.venue);
    put(R.reporting, 0, "Reporting issuer (90 days)");
    put(R.reporting, 1, rule.reporting);
    if (rule.volumes.kind === "weekly") {
      rule.volumes.weeks.forEach((w, i) => {
        put(R.asOf + i, 2, `Week ${i + 1} volume`);
        put(R.asOf + i, 3, w, FMT.shares);
      });
    } else {
      const v = rule.volumes;
      put(R.asOf, 2, "Average weekly volume (daily data)");
      put(R.asOf, 3, `=RR.RULE144.WEEKLY(${v.dates},${v.volumes},${cell(3, R.limit, true)})`, FMT.shares);
      for (let i = 1; i < 4; i++) {
        put(R.asOf + i, 2, "(same average)");
        put(R.asOf + i, 3, `=${cell(3, R.asOf, true)}`, FMT.shares);
      }
      put(R.limit, 2, "Form 144 filing date");
      put(R.limit, 3, v.filingDate, FMT.date);
    }
    put(R.limit, 0, "Volume limit (3 months)");
    put(
      R.limit,
      1,
      `=RR.RULE144.VOLUME(${cell(1, R.outstanding)},${cell(3, R.asOf)}:${cell(3, R.asOf + 3)},${cell(1, R.venue)})`,
      FMT.shares,
    );
  } else {
    put(R.asOf, 0, "Rule 144: not included in this scenario");
  }

  HEADERS.slice(0, width).forEach((h, c) => put(HEADER_ROW, c, h));

  const m = p.mapping;
  const parsedByRow = new Map(cap.holders.map((h) => [h.row, h]));
  const ref = (bodyRow: number, field: keyof typeof m) => capCell(p.capTable, bodyRow, m[field]!);
  p.holders.forEach((h, i) => {
    const r = first + i;
    const common = ref(h.row, "common");
    const conv = m.convertible !== undefined ? ref(h.row, "convertible") : "0";
    const ratio = m.ratio !== undefined ? ref(h.row, "ratio") : "1";
    put(r, COL.holder, `=${ref(h.row, "holder")}`);
    put(r, COL.role, h.role);
    const gross = `RR.REGISTRABLE(${common},${conv},${ratio})`;
    // With the Rule 144 test on a dated row, cessation (iii) feeds registrability: the Registrable
    // column takes the row's CEASED cell, and CEASED tests the count before cessation (its own
    // column), so nothing is circular. A ceased holder then requests nothing.
    const parsed = parsedByRow.get(h.row);
    const tested = rule !== null && m.acquired !== undefined && parsed !== undefined && parsed.acquired !== null;
    const ceasedCell = cell(COL.ceased, r);
    put(r, COL.registrable, tested ? `=RR.REGISTRABLE(${common},${conv},${ratio},0,${ceasedCell})` : `=${gross}`, FMT.shares);
    const typed = h.requested === null ? null : tested ? `=IF(${ceasedCell},0,${h.requested})` : h.requested;
    put(r, COL.requested, typed ?? `=${cell(COL.registrable, r)}`, FMT.shares);
    put(r, COL.tier, `=RR.PRIORITY(${cell(COL.role, r)},${cell(1, 2, true)})`);
    // One spilled RR.CUTBACK over the whole requested column: the cut tier is split together.
    if (i === 0) {
      put(
        r,
        COL.included,
        `=RR.CUTBACK(${cell(COL.requested, first)}:${cell(COL.requested, last)},${cell(COL.tier, first)}:${cell(COL.tier, last)},${cell(1, 3, true)})`,
        FMT.shares,
      );
    } else {
      fmts[r - 1][COL.included] = FMT.shares;
    }
    // Guarded: when Included holds no number (its row has an error, or a host that ignores
    // allowErrorForDataTypeAny did not call RR.CUTBACK at all), the row shows #N/A, never a holder
    // fully cut back with $0 of proceeds (issue 8, item 2).
    const included = cell(COL.included, r);
    put(r, COL.cutBack, `=${guardIncluded(included, `${cell(COL.requested, r)}-${included}`)}`, FMT.shares);
    put(r, COL.cutPct, `=IF(${cell(COL.requested, r)}=0,0,${cell(COL.cutBack, r)}/${cell(COL.requested, r)})`, FMT.pct);
    put(
      r,
      COL.cap,
      `=${guardIncluded(included, `RR.INDEMNITY.CAP(${included},${cell(1, 4, true)},${cell(1, 5, true)},${cell(1, 6, true)})`)}`,
      FMT.money,
    );
    if (rule) {
      put(r, COL.affiliate, m.affiliate !== undefined ? `=${ref(h.row, "affiliate")}` : false);
      put(r, COL.volumeLimit, `=${cell(1, R.limit, true)}`, FMT.shares);
      if (tested) {
        put(r, COL.acquired, `=${ref(h.row, "acquired")}`, FMT.date);
        put(r, COL.holdEnd, `=RR.RULE144.HOLDEND(${cell(COL.acquired, r)},${cell(1, R.reporting, true)})`, FMT.date);
        put(r, COL.tested, `=${gross}`, FMT.shares);
        const args = `${cell(COL.tested, r)},${cell(COL.affiliate, r)},${cell(COL.acquired, r)},${cell(1, R.asOf, true)},${cell(COL.volumeLimit, r)},${cell(1, R.reporting, true)}`;
        put(r, COL.ceased, `=RR.RULE144.CEASED(${args})`);
        put(r, COL.status, `=RR.RULE144.STATUS(${args})`);
        // Inputs held fixed, as the contract reads CEASEDATE; #N/A "never" for an affiliate above the limit.
        const lapseArgs = `${cell(COL.tested, r)},${cell(COL.affiliate, r)},${cell(COL.acquired, r)},${cell(COL.volumeLimit, r)},${cell(1, R.reporting, true)}`;
        put(r, COL.lapse, `=RR.RULE144.CEASEDATE(${lapseArgs})`, FMT.date);
      } else {
        put(r, COL.status, "No acquired date in the cap table.");
      }
    }
  });

  // Totals skip error cells (SUMIF with ">=0" leaves out errors and text: every figure here is a
  // count of shares or an amount, never negative), and the row below counts what they left out,
  // so one bad row neither blanks the totals nor hides.
  const span = (c: number) => `${cell(c, first)}:${cell(c, last)}`;
  const TOTALLED = [COL.registrable, COL.requested, COL.included, COL.cutBack, COL.cap];
  put(total, COL.holder, "Total");
  for (const c of TOTALLED) put(total, c, `=SUMIF(${span(c)},">=0")`, c === COL.cap ? FMT.money : FMT.shares);
  // Over the rows whose cutback computed, so a row left out does not dilute the percentage.
  const computedRequested = `SUMIF(${span(COL.cutBack)},">=0",${span(COL.requested)})`;
  put(total, COL.cutPct, `=IF(${computedRequested}=0,0,${cell(COL.cutBack, total)}/${computedRequested})`, FMT.pct);
  put(total + 1, COL.holder, BAD_ROWS_LABEL);
  for (const c of TOTALLED) if (c !== COL.requested) put(total + 1, c, `=ROWS(${span(c)})-COUNT(${span(c)})`, FMT.shares);
  put(
    total + 3,
    0,
    "Written by RegRights: live RR formulas on the cap table. Edit the inputs in column B, the requested shares, or the cap table; re-run to rebuild.",
  );

  // The overhang the underwriter sees: Registrable Securities outstanding at the start of each
  // quarter for five years from the as-of date, live. Registrable now (the Total row), less the
  // registrable shares of holders whose rights lapse by then (SUMIF leaves out the #N/A of rights
  // that never lapse).
  const firstQuarter = overhangTop + 2;
  const lastQuarter = overhangTop + 1 + OVERHANG_QUARTERS;
  if (rule) {
    put(overhangTop, 0, "Registrable Securities outstanding by quarter (rights lapsing under Rule 144, inputs held fixed)");
    put(overhangTop + 1, 0, "Quarter from");
    put(overhangTop + 1, 1, "Registrable Securities");
    for (let q = 0; q < OVERHANG_QUARTERS; q++) {
      const r = firstQuarter + q;
      put(r, 0, `=EDATE(${cell(1, R.asOf, true)},${3 * q})`, FMT.date);
      // Rows without a date (no acquired date, so no test) leave the lapse cell blank. Excel's
      // SUMIF matches no blank against a number; fast-formula-parser's reads blank as 0, so the
      // "<=0" term takes those rows back out there and is 0 in Excel: the same figure on both.
      const lapsed = `SUMIF(${span(COL.lapse)},"<="&${cell(0, r)},${span(COL.registrable)})-SUMIF(${span(COL.lapse)},"<=0",${span(COL.registrable)})`;
      put(r, 1, `=${cell(COL.registrable, total, true)}-(${lapsed})`, FMT.shares);
    }
  }

  const widths = [230, 110, 110, 100, 50, 100, 100, 80, 170, 70, 90, 130, 120, 130, 110, 520, 110].slice(0, width);
  return {
    sheet: p.sheet,
    cells,
    numberFormats: fmts,
    columnWidths: widths,
    chart: {
      title: "Requested vs included shares",
      categories: span(COL.holder),
      series: [
        { name: "Requested", values: span(COL.requested) },
        { name: "Included", values: span(COL.included) },
      ],
      anchor: `${colLetter(width + 1)}2`,
    },
    ...(rule
      ? {
          charts: [
            {
              type: "Line" as const,
              title: "Registrable Securities outstanding by quarter",
              categories: `A${firstQuarter}:A${lastQuarter}`,
              series: [{ name: "Registrable Securities", values: `B${firstQuarter}:B${lastQuarter}` }],
              anchor: `${colLetter(width + 1)}22`,
            },
          ],
        }
      : {}),
  };
}
