// Every @example in src/functions/functions.ts (the examples the generated reference and the help
// pages show) is evaluated in the in-memory workbook and must give the result it claims.
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";
import { MemoryWorkbook } from "../src/workbook/memory";
import { isoDate } from "../src/engine/dates";

function examples(): { id: string; formula: string; claim: string }[] {
  const file = path.resolve(__dirname, "..", "src", "functions", "functions.ts");
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
  const out: { id: string; formula: string; claim: string }[] = [];
  source.forEachChild((node) => {
    if (!ts.isFunctionDeclaration(node)) return;
    const tag = (name: string) =>
      ts.getTextOfJSDocComment(ts.getJSDocTags(node).find((t) => t.tagName.text === name)?.comment)?.trim() ?? "";
    const [formula, ...rest] = tag("example").split(" → ");
    out.push({ id: tag("customfunction").split(/\s+/)[0], formula, claim: rest.join(" → ") });
  });
  return out;
}

/** The claimed result, read as a value: "18,400" → 18400, "2008-02-15" → a date, "{3;2;2}" → a column. */
function expected(claim: string): { kind: "number" | "date" | "bool" | "text" | "column"; value: unknown } | null {
  const head = claim.replace(/ \(.*\)$/, "").trim();
  if (/^\{.*\}$/.test(head))
    return {
      kind: "column",
      value: head
        .slice(1, -1)
        .split(";")
        .map((v) => (/^[\d.,]+$/.test(v) ? Number(v.replace(/,/g, "")) : v.replace(/^"|"$/g, ""))),
    };
  if (/^\d{4}-\d{2}-\d{2}$/.test(head)) return { kind: "date", value: head };
  if (/^(TRUE|FALSE)$/.test(head)) return { kind: "bool", value: head === "TRUE" };
  if (/^[\d,]+(\.\d+)?$/.test(head)) return { kind: "number", value: Number(head.replace(/,/g, "")) };
  if (/^(OK|Ceased:|Not ceased:)/.test(claim)) return { kind: "text", value: claim };
  return null; // a description ("the table of terms"), not a value
}

const cases = examples().filter((e) => !/[A-Z]+\d+:[A-Z]+\d+/.test(e.formula)); // formulas on a user's ranges are not self-contained

test("every function has an example", () => {
  expect(examples().map((e) => [e.id, e.formula.startsWith(`=RR.${e.id}(`)])).toEqual(examples().map((e) => [e.id, true]));
});

test.each(cases.filter((c) => expected(c.claim) !== null))("$formula → $claim", ({ formula, claim }) => {
  const wb = new MemoryWorkbook();
  wb.addSheet("Examples");
  wb.setCell("Examples", "A1", formula);
  const want = expected(claim)!;
  if (want.kind === "column") {
    const n = (want.value as unknown[]).length;
    expect(wb.getValues("Examples", `A1:A${n}`).map((r) => r[0])).toEqual(want.value);
  } else if (want.kind === "date") {
    expect(isoDate(wb.value("Examples", "A1") as number)).toBe(want.value);
  } else {
    expect(wb.value("Examples", "A1")).toBe(want.value);
  }
});
