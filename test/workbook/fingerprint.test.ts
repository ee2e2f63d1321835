import { canonicalFormula, fingerprintOf, matchesFingerprint, parseFingerprint } from "../../src/workbook/fingerprint";
import type { CellInput } from "../../src/workbook/gateway";

const written: CellInput[][] = [
  ["Scenario", null, "2024"],
  ["Holder", "Shares", "6%"],
  ["='Cap table'!A2", "=RR.REGISTRABLE('Cap table'!B2, 0, 1)", null],
];

function check(formulas: unknown[][], address: string) {
  return matchesFingerprint(parseFingerprint(fingerprintOf(written))!, { address, formulas: formulas as CellInput[][] });
}

describe("fingerprint", () => {
  test("what Excel gives back for what was written matches: re-cased, re-quoted, converted constants", () => {
    expect(
      check(
        [
          ["Scenario", "", 2024],
          ["Holder", "Shares", 0.06],
          ["='Cap table'!a2", "=rr.registrable( 'Cap table'!B2,0,1)", ""],
        ],
        "A1:C3",
      ),
    ).toBe(true);
    expect(canonicalFormula("='Sheet1'!A1")).toBe(canonicalFormula("=Sheet1!A1"));
    expect(canonicalFormula('=A1&" a b"')).not.toBe(canonicalFormula('=A1&"ab"'));
  });

  test("spilled values in cells written blank, and below the block, are allowed", () => {
    expect(
      check(
        [
          ["Scenario", "", 2024],
          ["Holder", "Shares", 0.06],
          ["='Cap table'!A2", "=RR.REGISTRABLE('Cap table'!B2, 0, 1)", 7],
          ["", "", 8],
        ],
        "A1:C4",
      ),
    ).toBe(true);
  });

  test("changed constants, changed or added formulas, and anything to the right are foreign", () => {
    const base = () => [
      ["Scenario", "", 2024],
      ["Holder", "Shares", 0.06],
      ["='Cap table'!A2", "=RR.REGISTRABLE('Cap table'!B2, 0, 1)", ""],
    ];
    const edits: ((g: unknown[][]) => void)[] = [
      (g) => (g[1][0] = "Investor"),
      (g) => (g[2][1] = "=RR.REGISTRABLE('Cap table'!B3, 0, 1)"),
      (g) => (g[2][2] = "=1"),
      (g) => g.push(["=SUM(A1)", "", ""]),
      (g) => (g[0][0] = ""),
    ];
    for (const edit of edits) {
      const g = base();
      edit(g);
      expect(check(g, `A1:C${g.length}`)).toBe(false);
    }
    expect(check([["Scenario", "", 2024, "x"]], "A1:D1")).toBe(false);
    expect(check(base(), "A1:C3")).toBe(true);
  });

  test("an unreadable or foreign property is no fingerprint", () => {
    expect(parseFingerprint(undefined)).toBeNull();
    expect(parseFingerprint("{}")).toBeNull();
    expect(parseFingerprint("not json")).toBeNull();
    expect(fingerprintOf(written).length).toBeLessThanOrEqual(255);
  });
});
