// The scenario sheets the pane writes give the same cell values whether Excel passes a blank cell
// to the RR functions as null (Excel on the web) or as 0 (Excel desktop): office-js issues #4702,
// #5262, #1951. Each sheet is written into two in-memory workbooks, one per host, and every cell of
// the sheet must agree. Plus: which functions Excel calls when an argument holds an error value.
import { serialFromDate } from "../../src/engine";
import { ErrorValue, MemoryGateway, MemoryWorkbook, type ExcelHost, type FunctionsMetadata } from "../../src/workbook/memory";
import { RR_FUNCTIONS } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/gateway";
import {
  COL,
  FIRST_HOLDER_ROW,
  SAMPLE_SHEET,
  SAMPLE_TABLE,
  SCENARIO_SCHEMA,
  buildScenarioSheet,
  colLetter,
  parseCapTable,
  recogniseColumns,
  sampleCapTable,
  type Cell,
  type ScenarioPayload,
} from "../../src/scenario";
import { defaultFunctionsMetadata } from "../../src/workbook/memory/customFunctions";
import { functionsMetadata } from "../support/functionsMetadata";

const closing = serialFromDate(2000, 3, 31);

/** A cap table as a banker keeps one: common-only holders leave the preferred and ratio cells blank. */
function blankyCapTable(): { rows: Cell[][]; numberFormats: (string | null)[][] } {
  const rows: Cell[][] = [
    ["Holder", "Role", "Common shares", "Series B Preferred", "Conv. ratio", "Date acquired", "Affiliate"],
    ["Alpha Venture Partners IV, L.P.", "Holder", null, 1_200_000, 1.25, closing, false],
    ["Beacon Growth Equity Fund II, L.P.", "Holder", 250_000, 800_000, 1.25, closing, true],
    ["Founder (common only)", "Holder", 400_000, null, null, serialFromDate(1998, 6, 15), null],
    ["Angel (common only, no date)", "Holder", 60_000, null, null, null, null],
    ["Northfield Telecom Investors, L.P.", "Other", 600_000, null, null, serialFromDate(1998, 6, 15), false],
    ["Robert Kline", "No rights", 350_000, null, null, serialFromDate(1997, 9, 30), true],
    ["CTC Communications Group, Inc. (primary)", "Company", 1_000_000, null, null, null, null],
  ];
  const fmt = [null, null, "#,##0", "#,##0", "0.00##", "yyyy-mm-dd", null];
  return { rows, numberFormats: rows.map((_, i) => (i === 0 ? rows[0].map(() => null) : [...fmt])) };
}

type Table = { rows: Cell[][]; numberFormats: (string | null)[][] };
type Edit = (wb: MemoryWorkbook, sheet: string, n: number) => void;

async function scenarioValues(
  host: ExcelHost,
  table: Table,
  over: (p: ScenarioPayload) => ScenarioPayload,
  before?: (g: MemoryGateway) => Promise<void>,
  edit?: Edit,
) {
  const workbook = new MemoryWorkbook({ host });
  const gateway = new MemoryGateway(workbook);
  const ref = await gateway.insertTable(SAMPLE_SHEET, SAMPLE_TABLE, table.rows, table.numberFormats);
  const read = await gateway.readCapTable(ref);
  const mapping = recogniseColumns(read.headers);
  const parsed = parseCapTable(read.rows, mapping);
  expect(parsed.problems).toEqual([]);
  if (before) await before(gateway);
  const p = over({
    schema: SCENARIO_SCHEMA,
    sheet: "Demand 1",
    capTable: ref,
    mapping,
    offering: "demand",
    capacity: 1_500_000,
    price: 20,
    grossSpread: 0.06,
    commissionPerShare: 0.05,
    holders: parsed.holders.map((h) => ({ row: h.row, name: h.name, role: h.role ?? "holder", requested: null })),
    rule144: {
      asOf: 39630, // 2008-07-01
      outstanding: 20_000_000,
      venue: "exchange",
      reporting: true,
      volumes: { kind: "weekly", weeks: [150_000, 172_000, 196_000, 181_000] },
    },
  });
  await gateway.writeSheet(buildScenarioSheet(p, parsed), { overwriteForeign: false });
  edit?.(workbook, p.sheet, p.holders.length);
  const used = workbook.usedRange(p.sheet)!;
  return { values: workbook.getValues(p.sheet, used), n: p.holders.length, workbook, sheet: p.sheet };
}

/** The cells where the two hosts disagree, as "A1: web → desktop". */
function differences(web: CellValue[][], desktop: CellValue[][]): string[] {
  const out: string[] = [];
  const rows = Math.max(web.length, desktop.length);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < Math.max(web[r]?.length ?? 0, desktop[r]?.length ?? 0); c++)
      if (web[r]?.[c] !== desktop[r]?.[c])
        out.push(`${colLetter(c)}${r + 1}: ${JSON.stringify(web[r]?.[c])} → ${JSON.stringify(desktop[r]?.[c])}`);
  return out;
}

const clearRequested: Edit = (wb, sheet) => {
  // The user clears two requested cells: blank requests in RR.CUTBACK's range.
  const L = colLetter(COL.requested);
  wb.setCell(sheet, `${L}${FIRST_HOLDER_ROW + 2}`, null);
  wb.setCell(sheet, `${L}${FIRST_HOLDER_ROW + 3}`, null);
};

const same = (p: ScenarioPayload) => p;

interface Case {
  name: string;
  table: () => Table;
  over?: (p: ScenarioPayload) => ScenarioPayload;
  before?: (g: MemoryGateway) => Promise<void>;
  edit?: Edit;
}

async function compare(c: Case) {
  const web = await scenarioValues("web", c.table(), c.over ?? same, c.before, c.edit);
  const desktop = await scenarioValues("desktop", c.table(), c.over ?? same, c.before, c.edit);
  expect(differences(web.values, desktop.values)).toEqual([]);
  return { web, desktop };
}

const agreeing: Case[] = [
  ...(["demand", "company", "other-demand"] as const).map((offering) => ({
    name: `sample cap table, ${offering} offering, Rule 144 columns`,
    table: sampleCapTable,
    over: (p: ScenarioPayload) => ({ ...p, offering }),
  })),
  { name: "sample cap table without Rule 144", table: sampleCapTable, over: (p) => ({ ...p, rule144: null }) },
  { name: "sample cap table, two requested cells cleared", table: sampleCapTable, edit: clearRequested },
];

describe("scenario sheet: Excel on the web (blank = null) and desktop (blank = 0) give the same cells", () => {
  test.each(agreeing)("$name", async (c) => {
    await compare(c);
  });

  // Blank cells in REGISTRABLE's inputs (fixed in src/functions, issue 8 item 1): the same figures on both hosts.
  test("cap table with blank preferred and ratio cells for common-only holders", async () => {
    const { web } = await compare({ name: "", table: blankyCapTable });
    const at = (col: number, i: number) => web.workbook.getValues(web.sheet, `${colLetter(col)}${FIRST_HOLDER_ROW + i}`)[0][0];
    // Founder: 400,000 common, nothing else: 400,000 tested under Rule 144 on either host; held ten
    // years by a non-affiliate on 2008-07-01, so ceased and 0 registrable (cessation (iii)).
    expect([at(COL.tested, 2), at(COL.ceased, 2), at(COL.registrable, 2)]).toEqual([400_000, true, 0]);
    // Angel: 60,000 common, no acquired date, so no Rule 144 test: 60,000 registrable.
    expect(at(COL.registrable, 3)).toBe(60_000);
  });

  test("cap table with blank ratios, and blank requests", async () => {
    await compare({ name: "", table: blankyCapTable, edit: clearRequested });
  });
});

describe("Rule 144 inputs with blanks", () => {
  /** Daily volumes for eight weeks before 2008-07-01, in a range that runs past the data (blank rows below). */
  const withVolumes = (extraRows: number) => ({
    before: async (g: MemoryGateway) => {
      const days: [number, number][] = [];
      for (let d = 39630 - 56; d < 39630; d++) if (((d % 7) + 6) % 7 < 5) days.push([d, 30_000 + (d % 7) * 1_000]);
      await g.insertTable("Volumes", "Volumes", [["Date", "Volume"], ...days]);
      rows = days.length + 1 + extraRows;
    },
    over: (p: ScenarioPayload) => ({
      ...p,
      rule144: {
        ...p.rule144!,
        volumes: { kind: "daily" as const, dates: `Volumes!A2:A${rows}`, volumes: `Volumes!B2:B${rows}`, filingDate: 39630 },
      },
    }),
  });
  let rows = 0;

  test("daily volumes over exactly the data", async () => {
    const v = withVolumes(0);
    const { web } = await compare({ name: "", table: sampleCapTable, ...v });
    expect(typeof web.workbook.value(web.sheet, "D8")).toBe("number");
  });

  // RR.RULE144.WEEKLY over a range with trailing blank rows (blank dates arrive as 0 on desktop).
  test("daily volumes over a range with trailing blank rows", async () => {
    await compare({ name: "", table: sampleCapTable, ...withVolumes(10) });
  });

  // A blank venue (B10 cleared) takes the default on both hosts.
  test("venue cell cleared", async () => {
    await compare({ name: "", table: sampleCapTable, edit: (wb, sheet) => wb.setCell(sheet, "B10", null) });
  });
});

describe("blanks as each host passes them", () => {
  test("a blank referenced alone or in a range reaches the function as null on the web and 0 on desktop", () => {
    // RR.TERMS with a blank preset cell, and RR.REGISTRABLE with a blank ratio in a range, show the
    // difference only through results; the argument itself is observed through a spy on the registry.
    const seen: Record<ExcelHost, unknown[]> = { web: [], desktop: [] };
    const original = RR_FUNCTIONS["REGISTRABLE"] as unknown as (...a: unknown[]) => unknown;
    const registry = RR_FUNCTIONS as unknown as Record<string, unknown>;
    for (const host of ["web", "desktop"] as const) {
      // Five parameters, as RR.REGISTRABLE declares: Excel passes null for the omitted optionals.
      registry["REGISTRABLE"] = (common: unknown, convertible: unknown, ratio: unknown, disposed: unknown, ceased: unknown) => {
        seen[host] = [common, convertible, ratio, disposed, ceased];
        return 0;
      };
      try {
        const wb = new MemoryWorkbook({ host });
        wb.addSheet("S");
        wb.setCells("S", "A1", [[100, null, null]]);
        wb.setCell("S", "A3", "=RR.REGISTRABLE(A1,B1,A1:C1)");
        wb.value("S", "A3");
      } finally {
        registry["REGISTRABLE"] = original;
      }
    }
    // Omitted optionals are null on both hosts (custom-functions-parameter-options).
    expect(seen.web).toEqual([100, null, [[100, null, null]], null, null]);
    expect(seen.desktop).toEqual([100, 0, [[100, 0, 0]], null, null]);
  });
});

describe("an error value in an argument", () => {
  const metadata = functionsMetadata();
  const withErrors: FunctionsMetadata = { ...metadata, allowErrorForDataTypeAny: true };

  function cutbackWithBadRow(m: FunctionsMetadata | undefined) {
    const wb = new MemoryWorkbook(m === undefined ? {} : { metadata: m });
    wb.addSheet("S");
    wb.setCells("S", "A1", [
      [100, 1],
      ["=1/0", 1],
      [300, 2],
    ]);
    wb.setCell("S", "D1", "=RR.CUTBACK(A1:A3,B1:B3,250)");
    return wb;
  }

  const withoutErrors: FunctionsMetadata = { ...metadata, allowErrorForDataTypeAny: false };

  test("the add-in's functions.json allows errors (scripts/functions-json-options.js): a bad row gets its own error, the others compute", () => {
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    const wb = cutbackWithBadRow(undefined);
    // 250 over tier 1 {100} and tier 2 {300}: tier 1 is excluded first, tier 2 keeps 250 (hand-derived).
    expect(wb.getValues("S", "D1:D3")).toEqual([[0], ["#VALUE!"], [250]]);
  });

  test("without the flag (a host that ignores it): Excel shows the error and does not call the function", () => {
    const wb = cutbackWithBadRow(withoutErrors);
    expect(wb.getValues("S", "D1:D3")).toEqual([["#DIV/0!"], [""], [""]]);
    expect(wb.value("S", "D1")).toBeInstanceOf(ErrorValue);
  });

  test("without the flag, the first error in argument order is the one shown", () => {
    const wb = new MemoryWorkbook({ metadata: withoutErrors });
    wb.addSheet("S");
    wb.setCells("S", "A1", [["=NA()", "=1/0"]]);
    wb.setCell("S", "A2", "=RR.REGISTRABLE(B1,A1,1)");
    wb.setCell("S", "A3", "=RR.REGISTRABLE(A1,B1,1)");
    expect(wb.getValues("S", "A2:A3")).toEqual([["#DIV/0!"], ["#N/A"]]);
  });

  test("with allowErrorForDataTypeAny, every `any` parameter receives the error and the function is called", () => {
    const registry = RR_FUNCTIONS as unknown as Record<string, unknown>;
    const original = registry["CUTBACK"];
    let received: unknown = undefined;
    registry["CUTBACK"] = (requested: unknown) => {
      received = requested;
      return [[1], [2], [3]];
    };
    try {
      const wb = cutbackWithBadRow(withErrors);
      expect(wb.getValues("S", "D1:D3")).toEqual([[1], [2], [3]]);
      const bad = (received as unknown[][])[1][0] as { code: string };
      expect(bad).toBeInstanceOf(CustomFunctions.Error);
      expect(bad.code).toBe("#DIV/0!");
      expect((received as unknown[][])[0][0]).toBe(100);
    } finally {
      registry["CUTBACK"] = original;
    }
  });

  test("a parameter typed number (not any) still stops the call, as the metadata reference says", () => {
    const typed: FunctionsMetadata = {
      allowErrorForDataTypeAny: true,
      functions: metadata.functions.map((f) =>
        f.id === "CUTBACK" ? { ...f, parameters: f.parameters.map((p) => ({ ...p, type: "number" })) } : f,
      ),
    };
    expect(cutbackWithBadRow(typed).value("S", "D1")).toEqual(new ErrorValue("#DIV/0!"));
  });

  test("a function functions.json does not declare is #NAME? (Excel never registered it)", () => {
    const wb = new MemoryWorkbook({ metadata: { functions: metadata.functions.filter((f) => f.id !== "TERMS") } });
    wb.addSheet("S");
    wb.setCell("S", "A1", "=RR.TERMS()");
    expect((wb.value("S", "A1") as ErrorValue).code).toBe("#NAME?");
  });

  test("every new workbook follows the real functions.json (jest setup), which names every RR function", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(RR_FUNCTIONS).sort());
    expect(defaultFunctionsMetadata()?.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
  });
});
