// The RR function list (src/functions/list.ts), built from the JSDoc of src/functions/functions.ts by
// scripts/rr-functions.js, must say what the functions.json built from the same file says, and each
// id must reach the adapter Excel's wrapper delegates to.
import * as fs from "fs";
import * as path from "path";
import { FUNCTIONS } from "../../../src/workbook/explain/catalog";
import { RR_FUNCTIONS, RR_LIST, type RrFunctionEntry } from "../../../src/functions/list";
import * as adapters from "../../../src/functions/adapters";
import * as agreement from "../../../src/functions/agreementAdapters";
import { functionsMetadata } from "../../support/functionsMetadata";

const SOURCE = fs.readFileSync(path.resolve(__dirname, "../../../src/functions/functions.ts"), "utf8");

test("the list, the implementations and Explain cell's catalog name the functions of functions.json", () => {
  const ids = functionsMetadata()
    .functions.map((f) => f.id)
    .sort();
  expect(ids.length).toBeGreaterThan(20);
  expect(RR_LIST.map((f) => f.id).sort()).toEqual(ids);
  expect(Object.keys(RR_FUNCTIONS).sort()).toEqual(ids);
  expect(Object.keys(FUNCTIONS).sort()).toEqual(ids);
});

test.each(functionsMetadata().functions.map((f) => [f.id, f] as const))("%s: parameters as functions.json declares them", (id, f) => {
  expect(FUNCTIONS[id].params).toEqual(f.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`));
});

test.each(RR_LIST.map((f) => [f.id, f] as const))("%s: the clause is the @clause of its JSDoc", (id, f) => {
  const doc = new RegExp(`@customfunction ${id.replace(/\./g, "\\.")} [^\\n]*\\n(?:[^\\n]*\\n)*?\\s*\\* @clause ([^\\n]*)\\n`).exec(SOURCE);
  expect(doc?.[1].trim()).toBe(f.clause);
  expect(FUNCTIONS[id].clause).toBe(f.clause);
});

test.each(RR_LIST.map((f) => [f.id, f] as const))(
  "%s: functions.ts delegates to the adapter of its own name, which the table holds",
  (id, f) => {
    const body = new RegExp(`export function ${f.functionName}\\([^]*?\\)[^{]*\\{\\s*return (rr|agreement)\\.(\\w+)\\(`).exec(SOURCE);
    expect(body?.[2]).toBe(f.functionName);
    const module: Record<string, unknown> = body?.[1] === "rr" ? adapters : agreement;
    expect(RR_FUNCTIONS[id]).toBe(module[f.functionName]);
  },
);

describe("a declaration without an adapter of its name", () => {
  const injected = (globalThis as { RR_FUNCTION_LIST?: readonly RrFunctionEntry[] }).RR_FUNCTION_LIST;
  afterEach(() => {
    (globalThis as { RR_FUNCTION_LIST?: unknown }).RR_FUNCTION_LIST = injected;
  });

  test("fails when the table is built, naming the function", () => {
    const extra = { id: "NEW.ONE", functionName: "newOne", params: [], clause: "x" };
    (globalThis as { RR_FUNCTION_LIST?: unknown }).RR_FUNCTION_LIST = [...RR_LIST, extra];
    jest.isolateModules(() => {
      expect(() => require("../../../src/functions/list")).toThrow(/RR\.NEW\.ONE \(newOne\)/);
    });
  });

  test("and a build without the list fails saying what injects it", () => {
    (globalThis as { RR_FUNCTION_LIST?: unknown }).RR_FUNCTION_LIST = undefined;
    jest.isolateModules(() => {
      expect(() => require("../../../src/functions/list")).toThrow(/RR_FUNCTION_LIST is not defined/);
    });
  });
});
