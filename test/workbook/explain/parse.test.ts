// The RR formula reader behind Explain cell. Formulas come from Range.formulas, which is always
// the en-US A1 form (commas between arguments, "." decimals), whatever the user's locale.
import { parseArg, parseRrFormula, referencedBlocks } from "../../../src/workbook/explain/parse";

describe("parseArg: one argument as written", () => {
  test.each([
    ["D15", { kind: "ref", text: "D15", address: "D15" }],
    ["$D$15", { kind: "ref", text: "$D$15", address: "D15" }],
    ["d15:$e24", { kind: "ref", text: "d15:$e24", address: "D15:E24" }],
    ["Sheet1!A1", { kind: "ref", text: "Sheet1!A1", sheet: "Sheet1", address: "A1" }],
    ["'My Sheet'!A1:B3", { kind: "ref", text: "'My Sheet'!A1:B3", sheet: "My Sheet", address: "A1:B3" }],
    ["'Holder''s table'!$B$2:$B$9", { kind: "ref", text: "'Holder''s table'!$B$2:$B$9", sheet: "Holder's table", address: "B2:B9" }],
  ])("%s is a reference", (text, expected) => {
    expect(parseArg(text)).toEqual(expected);
  });

  test.each([
    ["100", 100],
    ["-2.5", -2.5],
    ["1E3", 1000],
    ["6%", 0.06],
    ['"exchange"', "exchange"],
    ['"say ""hi"""', 'say "hi"'],
    ['""', ""],
    ["TRUE", true],
    ["false", false],
    ["#N/A", { error: "#N/A" }],
  ])("%s is the constant %p", (text, value) => {
    expect(parseArg(text)).toEqual({ kind: "value", value });
  });

  test("an array constant: rows by semicolons, cells by commas (the en-US form)", () => {
    expect(parseArg('{"lockup_days",120;"demand_count",4}')).toEqual({
      kind: "array",
      rows: [
        ["lockup_days", 120],
        ["demand_count", 4],
      ],
    });
  });

  test.each(["A1+1", "SUM(A1:A3)", "Holders", "Table1[Shares]", "D15#", "{1,2;3}", "XFE1", "A1048577"])(
    "%s is a calculation, not guessed at",
    (text) => {
      expect(parseArg(text)).toEqual({ kind: "calc", text });
    },
  );

  test("nothing between the commas is an omitted optional", () => {
    expect(parseArg("  ")).toEqual({ kind: "omitted" });
  });
});

describe("parseRrFormula: one call of an RR function", () => {
  test("names and arguments, with omitted optionals in place", () => {
    const parsed = parseRrFormula("=RR.CUTBACK(D2:D6,E2:E6,$B$1,)");
    expect(parsed).toEqual({
      kind: "call",
      name: "CUTBACK",
      args: [
        { kind: "ref", text: "D2:D6", address: "D2:D6" },
        { kind: "ref", text: "E2:E6", address: "E2:E6" },
        { kind: "ref", text: "$B$1", address: "B1" },
        { kind: "omitted" },
      ],
    });
  });

  test("dotted names, lower case and spaces", () => {
    const parsed = parseRrFormula('= rr.rule144.volume( B1 , {10,20,30,40} , "otc" )');
    expect(parsed.kind === "call" && parsed.name).toBe("RULE144.VOLUME");
    expect(parsed.kind === "call" && parsed.args.map((a) => a.kind)).toEqual(["ref", "array", "value"]);
  });

  test("a comma inside a quoted text or a quoted sheet name does not split arguments", () => {
    const parsed = parseRrFormula("=RR.PRIORITY(\"a,b\",'Cap, table'!C3)");
    expect(parsed.kind === "call" && parsed.args).toEqual([
      { kind: "value", value: "a,b" },
      { kind: "ref", text: "'Cap, table'!C3", sheet: "Cap, table", address: "C3" },
    ]);
  });

  test("no arguments", () => {
    expect(parseRrFormula("=RR.TERMS()")).toEqual({ kind: "call", name: "TERMS", args: [] });
  });

  test("Excel's implicit-intersection @ before the function", () => {
    expect(parseRrFormula("=@RR.TERMS()")).toEqual({ kind: "call", name: "TERMS", args: [] });
  });

  test.each([
    ["100", "the cell holds a value, not a formula"],
    ["=SUM(A1:A3)", "the formula is not a call of an RR function"],
    ["=IFERROR(RR.CUTBACK(D2:D6,E2:E6,B1),0)", "the formula is not a call of an RR function"],
    ["=RR.CUTBACK(D2:D6,E2:E6,B1", "the formula's parentheses do not match"],
  ])("%s is not one RR call: %s", (text, reason) => {
    expect(parseRrFormula(text)).toEqual({ kind: "other", reason });
  });

  test("a calculation around the call says so", () => {
    const parsed = parseRrFormula("=RR.CONSENT(A1,A2)*2");
    expect(parsed.kind).toBe("other");
    expect(parsed.kind === "other" && parsed.reason).toMatch(/calculation around RR\.CONSENT/);
  });

  test("a nested function is an argument that is a calculation", () => {
    const parsed = parseRrFormula("=RR.CONSENT(SUM(A1:A3),A4)");
    expect(parsed.kind === "call" && parsed.args[0]).toEqual({ kind: "calc", text: "SUM(A1:A3)" });
  });
});

describe("parseRrFormula: the scenario sheet's guard IF(ISNUMBER(cell),RR…,NA())", () => {
  test("the RR call inside, with the guard's cell, which referencedBlocks reads too", () => {
    const p = parseRrFormula("=IF(ISNUMBER(F17),RR.INDEMNITY.CAP(F17,$B$4,$B$5,$B$6),NA())");
    expect(p).toEqual({
      kind: "call",
      name: "INDEMNITY.CAP",
      args: [
        { kind: "ref", text: "F17", address: "F17" },
        { kind: "ref", text: "$B$4", address: "B4" },
        { kind: "ref", text: "$B$5", address: "B5" },
        { kind: "ref", text: "$B$6", address: "B6" },
      ],
      guard: { kind: "ref", text: "F17", address: "F17" },
    });
    expect(referencedBlocks(p, "S").map((b) => b.address)).toEqual(["F17", "B4", "B5", "B6"]);
  });

  test.each([
    "=IF(ISNUMBER(F17),RR.INDEMNITY.CAP(F17,1,0.06),0)", // another fallback is a calculation, not the guard
    "=IF(ISNUMBER(F17+1),RR.INDEMNITY.CAP(F17,1,0.06),NA())",
    "=IF(ISNUMBER(F17),RR.INDEMNITY.CAP(F17,1,0.06)*2,NA())",
    "=IF(ISNUMBER(F17),SUM(F17),NA())",
  ])("anything else around a call is not the guard: %s", (f) => {
    expect(parseRrFormula(f).kind).toBe("other");
  });
});

describe("referencedBlocks", () => {
  test("each block once, on the formula's sheet unless written, sheet names matched without case", () => {
    const parsed = parseRrFormula("=RR.DEMAND.CHECK(B1,B2,'Cap table'!C2:C9,'CAP TABLE'!C2:C9,B3,B4,B1,,)");
    expect(referencedBlocks(parsed, "Scenario")).toEqual([
      { sheet: "Scenario", address: "B1" },
      { sheet: "Scenario", address: "B2" },
      { sheet: "Cap table", address: "C2:C9" },
      { sheet: "Scenario", address: "B3" },
      { sheet: "Scenario", address: "B4" },
    ]);
  });
});
