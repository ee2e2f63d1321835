// Explain cell's catalog (parameter names and clauses) and its table of implementations must say
// what src/functions/functions.ts and the functions.json built from it say.
import * as fs from "fs";
import * as path from "path";
import { FUNCTIONS } from "../../../src/workbook/explain/catalog";
import { RR_IMPLEMENTATIONS } from "../../../src/functions/implementations";
import { RR_REGISTRY } from "../../../src/functions/registry";
import { functionsMetadata } from "../../support/functionsMetadata";

const SOURCE = fs.readFileSync(path.resolve(__dirname, "../../../src/functions/functions.ts"), "utf8");

test("the catalog, the implementations and the registry name the same functions", () => {
  const ids = Object.keys(RR_REGISTRY).sort();
  expect(Object.keys(FUNCTIONS).sort()).toEqual(ids);
  expect(Object.keys(RR_IMPLEMENTATIONS).sort()).toEqual(ids);
});

test.each(functionsMetadata().functions.map((f) => [f.id, f] as const))("%s: parameters as functions.json declares them", (id, f) => {
  expect(FUNCTIONS[id].params).toEqual(f.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`));
});

test.each(Object.keys(FUNCTIONS))("%s: the clause is the @clause of its JSDoc", (id) => {
  const doc = new RegExp(`@customfunction ${id.replace(/\./g, "\\.")} [^\\n]*\\n(?:[^\\n]*\\n)*?\\s*\\* @clause ([^\\n]*)\\n`).exec(SOURCE);
  expect(doc?.[1].trim()).toBe(FUNCTIONS[id].clause);
});

test.each(Object.keys(RR_REGISTRY))("%s: functions.ts delegates to the implementation Explain cell calls", (id) => {
  const wrapper = RR_REGISTRY[id].name;
  const body = new RegExp(`export function ${wrapper}\\([^]*?\\)[^{]*\\{\\s*return (?:rr|agreement)\\.(\\w+)\\(`).exec(SOURCE);
  expect(body?.[1]).toBe(RR_IMPLEMENTATIONS[id].name);
});
