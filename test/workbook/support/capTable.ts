// Test data: a cap table of n holders and a scenario sheet over it, shaped like what the pane writes.
import type { CellInput, SheetWrite } from "../../../src/workbook/gateway";

export const CAP_HEADERS = ["Holder", "Common", "Preferred", "Ratio", "Acquired", "Affiliate", "Role"];
const ROLES = ["holder", "initiating", "other", "no-rights", "holder", "company"];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Header + n rows of deterministic holders. */
export function capTableRows(n: number, seed = 1): CellInput[][] {
  const next = rng(seed);
  const rows: CellInput[][] = [CAP_HEADERS];
  for (let i = 0; i < n; i++) {
    rows.push([
      `Holder ${i + 1}`,
      Math.floor(next() * 100_000),
      Math.floor(next() * 50_000),
      1 + Math.floor(next() * 4) / 4,
      39_000 + Math.floor(next() * 6_000),
      next() < 0.1,
      ROLES[i % ROLES.length],
    ]);
  }
  return rows;
}

export const CAP_FORMATS = (n: number) => [
  CAP_HEADERS.map(() => null),
  ...Array.from({ length: n }, () => [null, "#,##0", "#,##0", "0.00", "yyyy-mm-dd", null, null]),
];

/**
 * A demand scenario over a cap table sheet of n holders: per-holder live formulas, one spilled
 * RR.CUTBACK for the allocation, totals, number formats, column widths and a chart.
 */
export function scenarioWrite(sheet: string, capSheet: string, n: number, capacity: number): SheetWrite {
  const q = capSheet.includes(" ") ? `'${capSheet}'` : capSheet;
  const first = 4;
  const last = first + n - 1;
  const cells: CellInput[][] = [
    ["Demand scenario", null, null, null, null, null, null],
    ["Capacity", capacity, "Price", 20, "Spread", 0.06, null],
    ["Holder", "Registrable", "Tier", "Requested", "Included", "Cut back", "Indemnity cap"],
  ];
  const formats: (string | null)[][] = [
    [null, null, null, null, null, null, null],
    [null, "#,##0", null, "$#,##0.00", null, "0.0%", null],
    [null, null, null, null, null, null, null],
  ];
  for (let r = first; r <= last; r++) {
    const c = r - first + 2; // cap table row
    cells.push([
      `=${q}!$A$${c}`,
      `=RR.REGISTRABLE(${q}!$B$${c},${q}!$C$${c},${q}!$D$${c})`,
      `=RR.PRIORITY(${q}!$G$${c},"demand")`,
      `=B${r}`,
      r === first ? `=RR.CUTBACK(D${first}:D${last},C${first}:C${last},$B$2)` : null,
      `=IF(D${r}=0,0,1-E${r}/D${r})`,
      `=RR.INDEMNITY.CAP(E${r},$D$2,$F$2)`,
    ]);
    formats.push([null, "#,##0", "0", "#,##0", "#,##0", "0.0%", "$#,##0.00"]);
  }
  cells.push([
    "Total",
    `=SUM(B${first}:B${last})`,
    null,
    `=SUM(D${first}:D${last})`,
    `=SUM(E${first}:E${last})`,
    null,
    `=SUM(G${first}:G${last})`,
  ]);
  formats.push([null, "#,##0", null, "#,##0", "#,##0", null, "$#,##0.00"]);
  return {
    sheet,
    cells,
    numberFormats: formats,
    columnWidths: [120, 80, 40, 80, 80, 60, 100],
    chart: {
      title: "Requested vs included",
      categories: `A${first}:A${last}`,
      series: [
        { name: "Requested", values: `D${first}:D${last}` },
        { name: "Included", values: `E${first}:E${last}` },
      ],
      anchor: `I3`,
    },
  };
}
