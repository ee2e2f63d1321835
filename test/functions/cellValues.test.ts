// Error values and data types in cells, as Excel hands them to a custom function when functions.json
// has allowErrorForDataTypeAny and allowCustomDataForDataTypeAny:
// - an error cell as the runtime's CustomFunctions.Error (code "#N/A", basicValue "#N/A", type
//   "Error": office-js custom-functions-runtime.js, _transferCustomFunctionError), or as an
//   Excel.ErrorCellValue ({type: "Error", basicValue, errorType}) when it comes as rich data;
// - a data type as its Excel.CellValue JSON (Double / FormattedNumber / String / Boolean with a
//   basicValue; Entity with text; WebImage with address and altText):
//   https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts
import * as functions from "../../src/functions/functions";
import { serialFromDate as D } from "../../src/engine/dates";

const RR = functions as unknown as Record<string, (...args: unknown[]) => any>;
const col = (...values: unknown[]) => values.map((v) => [v]);
type Err = { code: string; message: string };
const isError = (v: unknown): v is Err => v instanceof CustomFunctions.Error;

/** The shapes an error cell can arrive in. */
const ERROR_SHAPES: [string, (code: string) => unknown][] = [
  ["CustomFunctions.Error", (code) => new CustomFunctions.Error(code as CustomFunctions.ErrorCode)],
  [
    "the runtime's CustomFunctionError",
    (code) => Object.assign(new Error(""), { type: "Error", basicType: "Error", code, basicValue: code }),
  ],
  ["an Excel.ErrorCellValue", (code) => ({ type: "Error", basicValue: code, errorType: code === "#N/A" ? "NotAvailable" : "Div0" })],
];

describe.each(ERROR_SHAPES)("an error cell arriving as %s", (_shape, errorCell) => {
  const na = errorCell("#N/A");

  test("RR.CUTBACK: the bad row gets its own error and takes no part; no other row is cut because of it", () => {
    const out = RR.cutback(col(40, na, 25), col(1, 1, 1), 7, null);
    expect(isError(out[1][0]) && out[1][0].code).toBe("#VALUE!");
    expect(out[1][0].message).toBe("requested (row 2): the cell holds an error (#N/A); expected a whole number of shares");
    expect([out[0], out[2]]).toEqual(RR.cutback(col(40, 25), col(1, 1), 7, null)); // [[4], [3]]: as if the row were not there
    const tiers = RR.cutback(col(40, 35, 25), col(3, na, 3), 100, null);
    expect([tiers[0][0], tiers[2][0]]).toEqual([40, 25]);
    expect(tiers[1][0].message).toBe("priority (row 2): the cell holds an error (#N/A); expected a tier (a whole number of 1 or more)");
    const weighted = RR.cutback(col(30, 100, 100), [[1]], 200, col(1, na, 2));
    expect(weighted[1][0].message).toMatch(/^weights \(row 2\): the cell holds an error \(#N\/A\)/);
    expect([weighted[0], weighted[2]]).toEqual(RR.cutback(col(30, 100), [[1]], 200, col(1, 2)));
  });

  test("RR.INDEMNITY.ALLOCATE: a bad fault row takes no part in the split; a bad cap affects its row only", () => {
    const byFault = RR.indemnityAllocate(100, col(1, na, 1), [["none"]]);
    expect([byFault[0][0], byFault[2][0]]).toEqual([50, 50]);
    expect(byFault[1][0].message).toBe("fault (row 2): the cell holds an error (#N/A); expected a relative fault weight");
    const byCap = RR.indemnityAllocate(100, col(1, 1, 1), col(10, na, "none"));
    expect([byCap[0][0], byCap[2][0]]).toEqual([10, 33.33]);
    expect(byCap[1][0].message).toBe('cap (row 2): the cell holds an error (#N/A); expected an amount or "none"');
    expect(RR.indemnityUncovered(100, col(1, na), col(1, 1)).message).toMatch(/^fault \(row 2\): the cell holds an error/);
  });

  // Every (col) function: two rows, an error in row 2 of one argument; row 1 is what it is alone.
  const single: [string, unknown[]][] = [
    ["registrable", [[[100]], [[10]], [[1.5]], [[5]], [[false]]]],
    ["rule144HoldEnd", [[[D(2007, 12, 1)]], [[true]]]],
    ["rule144Ceased", [[[10_000]], [[false]], [[D(2007, 12, 1)]], [[D(2008, 7, 1)]], [[18_400]], [[true]]]],
    ["rule144Status", [[[10_000]], [[true]], [[D(2007, 12, 1)]], [[D(2008, 7, 1)]], [[18_400]], [[true]]]],
    ["rule144Ceased", [[[10_000]], [[false]], [[D(2007, 12, 1)]], [[D(2008, 7, 1)]], [[18_400]], [[true]], [[true]], [[5]], [["Fund A"]]]],
    [
      "rule144CeaseDate",
      [[[10_000]], [[false]], [[D(2007, 12, 1)]], [[18_400]], [[true]], [[true]], [[5]], [["Fund A"]], [[D(2008, 1, 1)]]],
    ],
    ["rule144Windows", [[[50_000]], [[18_400]], [[12_000]]]],
    ["rule144Form144", [[[5_001]], [[1]], [[true]], [[D(2024, 5, 15)]]]],
    ["priority", [[["holder"]], [["demand"]]]],
    ["cutback", [[[40]], [[1]], 7, [[2]]]],
    ["indemnityCap", [[[1000]], [[20]], [[0.06]], [[0.05]]]],
    ["indemnityAllocate", [100, [[1]], [[10]]]],
    ["agreementDate", [[["lockup"]], [[D(2001, 1, 1)]], null]],
    ["transferOk", [[[200_000]], [[1e6]], [[false]], [[true]], null]],
  ];
  const rows = single.flatMap(([fn, args]) =>
    args.flatMap((a, index) => (Array.isArray(a) && (fn !== "agreementDate" || index < 2) ? [{ fn, args, index }] : [])),
  );
  test.each(rows)("$fn, error in argument $index: that row's error names the argument and row; row 1 computes", ({ fn, args, index }) => {
    const alone = RR[fn](...args);
    const twoRows = args.map((a, i) => (Array.isArray(a) && !(fn === "agreementDate" && i === 2) ? [a[0], i === index ? [na] : a[0]] : a));
    const out = RR[fn](...twoRows);
    expect(out[0]).toEqual(alone[0]);
    expect(isError(out[1][0])).toBe(true);
    expect(out[1][0].code).toBe("#VALUE!");
    expect(out[1][0].message).toMatch(/^[a-z_0-9]+ \(row 2\): the cell holds an error \(#N\/A\); expected /);
  });

  test("a single-value argument holding an error is one error naming it", () => {
    expect(RR.rule144Volume(na, col(1, 2, 3, 4), null).message).toBe(
      "outstanding: the cell holds an error (#N/A); expected a whole number of shares",
    );
    expect(RR.rule144Weekly(col(D(2024, 4, 15), na), col(1, 2), D(2024, 5, 15)).message).toBe(
      "dates (row 2): the cell holds an error (#N/A); expected a date",
    );
    expect(RR.cutback(col(1, 2), [[1]], na, null)[0][0].message).toBe(
      "capacity: the cell holds an error (#N/A); expected a whole number of shares",
    );
    expect(RR.demandCheck(na, D(2000, 3, 15), 600_000, 1_000_000, 200_000, 25, 0, null, null).message).toBe(
      "request_date: the cell holds an error (#N/A); expected a date",
    );
    expect(RR.terms(na)[0][0].message).toBe('preset: the cell holds an error (#N/A); expected "nvca"');
    expect(RR.consent(600, 1000, [["consent_majority", na]]).message).toBe(
      "terms (row 1): consent_majority: the cell holds an error (#N/A); expected a number",
    );
  });

  test("the code shown is the cell's own (#DIV/0! stays #DIV/0!)", () => {
    const out = RR.registrable(col(100, errorCell("#DIV/0!")), [[0]], [[1]], null, null);
    expect(out[0][0]).toBe(100);
    expect(out[1][0].message).toBe("common (row 2): the cell holds an error (#DIV/0!); expected a whole number of shares");
  });
});

describe("data types", () => {
  test("a Double or FormattedNumber reads as its number; String and Boolean as their basic value; Empty as blank", () => {
    const formatted = { type: "FormattedNumber", basicValue: 40, numberFormat: "#,##0" };
    const double = { type: "Double", basicValue: 1.5, numberFormat: "0.00" };
    expect(RR.registrable([[100]], [[{ type: "Double", basicValue: 10 }]], [[double]], null, null)).toEqual([[115]]);
    expect(RR.cutback(col(formatted, 35, 25), [[1]], 7, null)).toEqual([[3], [2], [2]]);
    expect(RR.priority([[{ type: "String", basicValue: "holder" }]], [["demand"]])).toEqual([[3]]);
    expect(RR.registrable([[100]], [[0]], [[1]], null, [[{ type: "Boolean", basicValue: true }]])).toEqual([[0]]);
    expect(RR.registrable([[100]], [[{ type: "Empty" }]], [[{ type: "Empty" }]], null, null)).toEqual([[100]]);
  });

  test("an entity, a linked entity (a stock) or an image is named in the message", () => {
    const entity = { type: "Entity", text: "Microsoft", properties: {}, basicValue: "#VALUE!", basicType: "Error" };
    const stock = { type: "LinkedEntity", text: "MSFT", id: { entityId: "x", domainId: "y", serviceId: 268, culture: "en-US" } };
    const image = { type: "WebImage", address: "https://example.com/logo.png", altText: "Logo" };
    const out = RR.registrable(col(entity, stock, image), [[0]], [[1]], null, null);
    expect(out.map((r: Err[]) => r[0].message)).toEqual([
      'common (row 1): the cell holds a data type (Entity "Microsoft"); expected a whole number of shares',
      'common (row 2): the cell holds a data type (LinkedEntity "MSFT"); expected a whole number of shares',
      'common (row 3): the cell holds a data type (image "Logo"); expected a whole number of shares',
    ]);
    expect(RR.priority([[entity]], [["demand"]])[0][0].message).toBe(
      'role: the cell holds a data type (Entity "Microsoft"); expected a role',
    );
    expect(RR.rule144HoldEnd([[{ type: "Array", elements: [[1]] }]], null)[0][0].message).toBe(
      "acquired: the cell holds a data type (an array); expected a date",
    );
  });
});
