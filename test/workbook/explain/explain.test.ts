// Explain cell's explainer, fed what a gateway reads (Excel-shaped: blanks, error codes, 2-D
// blocks). Expectations are worked out by hand from the contract (/work/shared/docs/formulas.md),
// not copied from the code. Every case runs twice, with blank cells as null (Excel on the web) and
// as 0 (Excel desktop's convention for custom-function arguments), and must explain the same.
import type { FormulaCellRead, ReadCell } from "../../../src/workbook/gateway";
import { explainCell } from "../../../src/workbook/explain/explain";

type Blank = null | 0;
const B = Symbol("blank");
type In = ReadCell | typeof B;

function cells(rows: In[][], blank: Blank): ReadCell[][] {
  return rows.map((r) => r.map((v) => (v === B ? blank : v)));
}

/** A read on sheet "Scenario" of `text` in `anchor`, with the active cell `active`. */
function read(
  text: string,
  anchor: string,
  active: string,
  blocks: Record<string, In[][]>,
  blank: Blank,
  value: ReadCell = 0,
): FormulaCellRead {
  return {
    sheet: "Scenario",
    address: active,
    value,
    formula: { address: anchor, text },
    blocks: Object.entries(blocks).map(([address, rows]) => {
      const [sheet, a] = address.includes("!") ? address.split("!") : ["Scenario", address];
      return { sheet: sheet.replace(/'/g, ""), address: a, cells: cells(rows, blank) };
    }),
  };
}

const both = (f: (blank: Blank) => FormulaCellRead) => {
  const web = explainCell(f(null));
  const desktop = explainCell(f(0));
  expect(desktop).toEqual(web);
  return web;
};

describe("a cell with an error: the message Excel desktop and Mac do not show", () => {
  test("RR.REGISTRABLE with convertible shares and a blank ratio names ratio and its row (contract §1)", () => {
    const e = both((blank) =>
      read(
        "=RR.REGISTRABLE(B2:B4,C2:C4,D2:D4)",
        "E2",
        "E3",
        { "B2:B4": [[100], [50], [0]], "C2:C4": [[0], [10], [B]], "D2:D4": [[B], [B], [B]] },
        blank,
        {
          error: "#VALUE!",
        },
      ),
    );
    expect(e.function).toEqual({
      name: "RR.REGISTRABLE",
      clause: 'Definition of "Registrable Securities"; cessation (i), (ii) and (iii)',
    });
    expect(e.value).toBe("#VALUE!");
    expect(e.formula).toEqual({ cell: "Scenario!E2", text: "=RR.REGISTRABLE(B2:B4,C2:C4,D2:D4)", spilled: true });
    // Row 2 holds 10 convertible shares and no ratio: an error naming ratio, its row, and the cell.
    expect(e.result?.error?.code).toBe("#VALUE!");
    expect(e.result?.error?.message).toMatch(/^ratio \(row 2\)/);
    expect(e.result?.error?.cell).toBe("Scenario!D3");
    expect(e.problem).toBeUndefined();
  });

  test("the common-only rows of the same formula compute: 100 and 0 (contract §1, ratio needed only when convertible > 0)", () => {
    const first = both((blank) =>
      read(
        "=RR.REGISTRABLE(B2:B4,C2:C4,D2:D4)",
        "E2",
        "E2",
        { "B2:B4": [[100], [50], [0]], "C2:C4": [[0], [10], [B]], "D2:D4": [[B], [B], [B]] },
        blank,
        100,
      ),
    );
    expect(first.result).toEqual({ text: "100" });
    expect(first.reasonsTitle).toBe("Rows with an error");
    expect(first.reasons).toHaveLength(1);
    expect(first.reasons[0]).toMatchObject({ label: "Row 2 (E3)", error: true, selected: false });
    expect(first.reasons[0].text).toMatch(/^#VALUE! ratio \(row 2\)/);
  });

  test("an input cell holding an error value is listed with its argument, row and cell", () => {
    const e = both((blank) =>
      read(
        "=RR.CUTBACK(D2:D4,E2:E4,$B$1)",
        "F2",
        "F3",
        { "D2:D4": [[100], [{ error: "#N/A" }], [300]], "E2:E4": [[3], [3], [3]], B1: [[B]] },
        blank,
        { error: "#N/A" },
      ),
    );
    expect(e.inputErrors).toEqual([{ argument: "requested (row 2)", cell: "Scenario!D3", code: "#N/A" }]);
  });
});

describe("RR.CUTBACK: the allocation row by row, the selected holder's row marked", () => {
  // Tier 1 (cut first) asks 100, tier 3 asks 200 + 300 = 500; capacity 400. Tier 1 is excluded
  // entirely; tier 3 keeps 400, pro rata by request: 200 × 400/500 = 160 and 300 × 400/500 = 240,
  // exactly (no rounding share). Cut: 40 of 200 = 20.0%, 60 of 300 = 20.0%.
  const cutback = (blank: Blank, active = "F4") =>
    read(
      "=RR.CUTBACK(D2:D4,E2:E4,$B$1)",
      "F2",
      active,
      { "D2:D4": [[100], [200], [300]], "E2:E4": [[1], [3], [3]], B1: [[400]] },
      blank,
      240,
    );

  test("reasons for each row; the third holder selected", () => {
    const e = both((blank) => cutback(blank));
    expect(e.function?.clause).toBe('"Additional Procedures in Underwritten Offerings; Holder Lockups; Cutbacks"');
    expect(e.result).toEqual({ text: "240" });
    expect(e.reasonsTitle).toBe("Allocation by row");
    expect(e.reasons.map((r) => r.label)).toEqual(["Row 1 (F2)", "Row 2 (F3)", "Row 3 (F4)"]);
    expect(e.reasons.map((r) => r.selected)).toEqual([false, false, true]);
    expect(e.reasons[0].text).toMatch(/^Tier 1: 0 of 100 requested included, excluded/);
    expect(e.reasons[1].text).toMatch(/^Tier 3: 160 of 200 requested included, cut 20\.0% pro rata by request; no rounding share/);
    expect(e.reasons[2].text).toMatch(/^Tier 3: 240 of 300 requested included, cut 20\.0% pro rata by request; no rounding share/);
  });

  test("a cell inside the spill is explained through its spill parent", () => {
    const e = both((blank) => cutback(blank, "F3"));
    expect(e.formula?.spilled).toBe(true);
    expect(e.result).toEqual({ text: "160" });
    expect(e.reasons.findIndex((r) => r.selected)).toBe(1);
  });

  test("a row left at 0 by rounding in the cut tier is cut, not excluded", () => {
    // Three rows of 1 share in one tier, capacity 2: each is owed 2/3; floors give 0, the two
    // shares go to the largest remainders, tied, so to the earlier rows (contract §3).
    const e = both((blank) =>
      read("=RR.CUTBACK(D2:D4,E2:E4,B1)", "F2", "F4", { "D2:D4": [[1], [1], [1]], "E2:E4": [[2], [2], [2]], B1: [[2]] }, blank),
    );
    expect(e.reasons.map((r) => r.text.slice(0, 36))).toEqual([
      "Tier 2: 1 of 1 requested included, i",
      "Tier 2: 1 of 1 requested included, i",
      "Tier 2: 0 of 1 requested included, c",
    ]);
    expect(e.reasons[2].text).toMatch(/cut 100\.0% pro rata/);
  });

  test("an empty row and a bad row take no part; the others still split (contract: a bad row errs in its own cell)", () => {
    const e = both((blank) =>
      read(
        "=RR.CUTBACK(D2:D5,E2:E5,B1)",
        "F2",
        "F2",
        { "D2:D5": [[100], [B], ["lots"], [300]], "E2:E5": [[3], [B], [3], [3]], B1: [[200]] },
        blank,
      ),
    );
    // Rows 1 and 4 share 200 by request 100:300 → 50 and 150.
    expect(e.reasons[0].text).toMatch(/^Tier 3: 50 of 100 requested included/);
    expect(e.reasons[1].text).toBe("Empty row: requests nothing and takes no part in the split.");
    expect(e.reasons[2]).toMatchObject({ error: true });
    expect(e.reasons[2].text).toMatch(/^#VALUE! requested \(row 3\).*takes no part in the split\.$/);
    expect(e.reasons[3].text).toMatch(/^Tier 3: 150 of 300 requested included/);
  });
});

describe("RR.RULE144.CEASED and STATUS: the status sentence of each row", () => {
  // Serials: 2010-01-04 = 40182, 2011-01-03 = 40546 (2008 regime, a year after acquisition).
  // Row 1: a non-affiliate, holding period met → ceased. Row 2: an affiliate holding 1,000 against
  // a volume limit of 500 → not ceased (Rule 144(e)).
  const blocks = {
    "B2:B3": [[1000], [1000]],
    "C2:C3": [[false], [true]],
    "D2:D3": [[40182], [40182]],
    "E2:E3": [[40546], [40546]],
    "F2:F3": [[500], [500]],
  };
  test.each(["RULE144.CEASED", "RULE144.STATUS"])("%s", (name) => {
    const e = both((blank) => read(`=RR.${name}(B2:B3,C2:C3,D2:D3,E2:E3,F2:F3)`, "G2", "G3", blocks, blank));
    expect(e.function?.clause).toBe('Cessation (iii) of "Registrable Securities"; Rule 144(b), (d), (e), (k)');
    expect(e.reasonsTitle).toBe("Rule 144 status by row");
    expect(e.reasons[0].text).toMatch(/^Ceased: /);
    expect(e.reasons[1].text).toMatch(/^Not ceased: /);
    expect(e.reasons[1].selected).toBe(true);
  });
});

describe("RR.DEMAND.CHECK: each failing condition", () => {
  // Closing 2020-01-15 (43845), request 2020-06-01 (43983): not after the first anniversary.
  // 600 of 1,000 is a majority; 200 requested ≥ 20% of 600 = 120; three demands used: none left.
  test("two conditions fail, in the contract's order", () => {
    const e = both((blank) =>
      read(
        "=RR.DEMAND.CHECK(B1,B2,B3,B4,B5,B6,B7,B8)",
        "C1",
        "C1",
        {
          B1: [[43983]],
          B2: [[43845]],
          B3: [[600]],
          B4: [[1000]],
          B5: [[200]],
          B6: [[10]],
          B7: [[3]],
          B8: [[B]],
        },
        blank,
        "Not OK",
      ),
    );
    expect(e.function?.clause).toBe('"Registration on Request" (i); "Number of Requests; Form"');
    expect(e.reasonsTitle).toBe("Conditions not met");
    expect(e.reasons.map((r) => r.label)).toEqual(["(1)", "(2)"]);
    // The first anniversary of the Closing, EDATE(2020-01-15, 12), by hand.
    expect(e.reasons[0].text).toMatch(/2021-01-15/);
    expect(e.reasons[1].text).toMatch(/three|3/);
  });
});

describe("RR.DEMAND.CHECK: a registration the six-month rule defers", () => {
  // Closing 2019-01-15 (43480), request 2020-06-01 (43983), last registration 2020-01-01 (43831):
  // EDATE(2020-01-01, 6) = 2020-07-01, after the request, so the registration waits until then.
  test("every condition is met, and the deferral is said with its date", () => {
    const e = both((blank) =>
      read(
        "=RR.DEMAND.CHECK(B1,B2,B3,B4,B5,B6,B7,B8)",
        "C1",
        "C1",
        { B1: [[43983]], B2: [[43480]], B3: [[600]], B4: [[1000]], B5: [[200]], B6: [[10]], B7: [[0]], B8: [[43831]] },
        blank,
        'OK; effect on or after 2020-07-01 (at most one registration in six months, "Number of Requests; Form")',
      ),
    );
    expect(e.reasonsTitle).toBe("Conditions");
    expect(e.reasons.map((r) => [r.text, r.error])).toEqual([
      [
        'Every condition is met; the registration is deferred: effect on or after 2020-07-01 (at most one registration in six months, "Number of Requests; Form").',
        false,
      ],
    ]);
  });
});

describe("what Explain cell cannot explain, in words", () => {
  const base: FormulaCellRead = { sheet: "Scenario", address: "A1", value: 5, formula: null, blocks: [] };
  test.each<[string, FormulaCellRead, RegExp]>([
    ["a constant", base, /holds no formula/],
    [
      "a non-RR formula",
      { ...base, formula: { address: "A1", text: "=SUM(B1:B3)" } },
      /RR formulas only: the formula is not a call of an RR function/,
    ],
    [
      "a nested non-RR function",
      { ...base, formula: { address: "A1", text: "=RR.CONSENT(SUM(B1:B3),B4)" } },
      /calculation: consenting is SUM\(B1:B3\)/,
    ],
    ["an unknown RR name", { ...base, formula: { address: "A1", text: "=RR.NOPE(B1)" } }, /RR\.NOPE is not a RegRights function/],
    ["too many arguments", { ...base, formula: { address: "A1", text: "=RR.CONSENT(1,2,,4)" } }, /at most 3 arguments/],
    [
      "a sheet that is gone",
      {
        ...base,
        formula: { address: "A1", text: "=RR.CONSENT(Gone!B1,B2)" },
        blocks: [
          { sheet: "Gone", address: "B1", cells: null },
          { sheet: "Scenario", address: "B2", cells: [[10]] },
        ],
      },
      /no sheet named "Gone"/,
    ],
  ])("%s", (_what, r, problem) => {
    const e = explainCell(r);
    expect(e.problem).toMatch(problem);
    expect(e.cell).toBe("Scenario!A1");
  });
});
