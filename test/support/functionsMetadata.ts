// functions.json as Excel reads it, for the in-memory workbook in tests: dist/functions.json when
// the build is at least as new as src/functions/functions.ts (npm test builds first), otherwise
// generated from the JSDoc as the build does (custom-functions-metadata). The fallback cannot see
// what a build step adds to the generated file (e.g. a top-level allowErrorForDataTypeAny), so
// tests that depend on it should run after `npm run build`.
import * as fs from "fs";
import * as path from "path";
import type { FunctionsMetadata } from "../../src/workbook/memory";

const ROOT = path.resolve(__dirname, "..", "..");
const SOURCE = path.join(ROOT, "src", "functions", "functions.ts");
const BUILT = path.join(ROOT, "dist", "functions.json");

export function functionsMetadata(): FunctionsMetadata & { source: "dist" | "jsdoc" } {
  if (fs.existsSync(BUILT) && fs.statSync(BUILT).mtimeMs >= fs.statSync(SOURCE).mtimeMs)
    return { ...(JSON.parse(fs.readFileSync(BUILT, "utf8")) as FunctionsMetadata), source: "dist" };
  const { parseTree } = require("custom-functions-metadata/lib/parseTree") as {
    parseTree(source: string, file: string): { functions: FunctionsMetadata["functions"]; extras: { errors: string[] }[] };
  };
  const tree = parseTree(fs.readFileSync(SOURCE, "utf8"), SOURCE);
  const errors = tree.extras.flatMap((e) => e.errors);
  if (errors.length > 0) throw new Error(`functions.ts metadata: ${errors.join("; ")}`);
  return { allowCustomDataForDataTypeAny: true, functions: tree.functions, source: "jsdoc" } as FunctionsMetadata & { source: "jsdoc" };
}
