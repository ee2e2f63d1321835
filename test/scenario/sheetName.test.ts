// Excel's worksheet-name rules, once (src/scenario/sheetName.ts), and the three wordings of them
// (the pane's form, the gateways, the in-memory Excel) refusing exactly the same names.
import fc from "fast-check";
import { sheetNameFault } from "../../src/scenario/sheetName";
import { sheetNameProblem as formProblem } from "../../src/scenario";
import { excelSheetNameProblem, sheetNameProblem as gatewayProblem } from "../../src/workbook/names";
import { sheetNameProblem as memoryProblem } from "../../src/workbook/memory";
import { STORE_SHEET } from "../../src/workbook/records";

describe("Excel's worksheet-name rules", () => {
  test.each([
    ["Demand 1", null],
    ["", "blank"],
    ["   ", "blank"],
    ["x".repeat(31), null],
    ["x".repeat(32), "too long"],
    ["Q1/Q2", "forbidden character"],
    ["a:b", "forbidden character"],
    ["[draft]", "forbidden character"],
    ["what?", "forbidden character"],
    ["a*b", "forbidden character"],
    ["a\\b", "forbidden character"],
    ["'quoted", "apostrophe at an end"],
    ["quoted'", "apostrophe at an end"],
    ["it's fine", null],
    ["History", "reserved"],
    ["HISTORY", "reserved"],
    ["History 2", null],
  ])("%j → %s", (name, fault) => {
    expect(sheetNameFault(name)).toBe(fault);
  });

  test("the form, the gateways and the in-memory Excel refuse the same names", () => {
    const names = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("History", "history", "'a", "a'", "x".repeat(31), "x".repeat(32)));
    fc.assert(
      fc.property(names, (name) => {
        const refused = sheetNameFault(name) !== null;
        expect(formProblem(name) !== null).toBe(refused);
        expect(excelSheetNameProblem(name) !== null).toBe(refused);
        expect(memoryProblem(name) !== null).toBe(refused);
      }),
    );
  });

  test("only the gateways also refuse RegRights' store sheet, in any case", () => {
    for (const name of [STORE_SHEET, STORE_SHEET.toUpperCase()]) {
      expect(sheetNameFault(name)).toBeNull();
      expect(gatewayProblem(name)).toMatch(/hidden sheet of saved scenarios/);
      expect(memoryProblem(name)).toBeNull();
    }
  });
});
