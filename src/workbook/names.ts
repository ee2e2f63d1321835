// Names Excel will accept for new sheets and tables, made unique against what the workbook has.
// Shared by both gateways so the preview and real Excel name things the same way.
//
// The one copy of Excel's rules for a worksheet name (Excel's "Rename a worksheet" help: at most 31
// characters, none of \ / ? * : [ ], not blank, no apostrophe at either end, and "History" is
// reserved). Two older copies remain, for the lead to fold in: memory/workbook.ts (sheetNameProblem,
// being split by another helper) and scenario/payload.ts (sheetNameProblem: src/scenario may not
// import src/workbook under the house ESLint rules, so it keeps its own wording for the pane).

import { STORE_SHEET } from "./records";

/** Excel's rules for a worksheet name, and RegRights' own store sheet. The problem in words, or null. */
export function sheetNameProblem(name: string): string | null {
  if (typeof name !== "string" || name.trim() === "") return "A sheet name cannot be blank.";
  if (name.length > 31) return `The sheet name "${name}" is longer than 31 characters.`;
  if (/[\\/?*[\]:]/.test(name)) return `The sheet name "${name}" contains one of \\ / ? * [ ] :`;
  if (name.startsWith("'") || name.endsWith("'")) return `The sheet name "${name}" starts or ends with an apostrophe.`;
  if (name.toLowerCase() === "history") return `"History" is reserved by Excel.`;
  if (isStoreSheet(name)) return `"${name}" is the name of RegRights' hidden sheet of saved scenarios; choose another name.`;
  return null;
}

/** The very hidden store sheet's name (case-insensitive, as Excel compares sheet names). */
export function isStoreSheet(name: string): boolean {
  return name.toLowerCase() === STORE_SHEET.toLowerCase();
}

/** "Cap table", then "Cap table (2)", "Cap table (3)" … within Excel's 31-character sheet names. */
export function uniqueName(name: string, taken: (candidate: string) => boolean, maxLength = 31): string {
  if (!taken(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, maxLength - suffix.length) + suffix;
    if (!taken(candidate)) return candidate;
  }
}

/** A valid Excel table name from any text ("Cap table" → "Cap_table"). */
export function tableNameFrom(name: string): string {
  let t = name.replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z_]/.test(t)) t = `_${t}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(t) || /^[RC]$/i.test(t)) t = `_${t}`;
  return t.slice(0, 250);
}

/**
 * A table name not yet taken (case-insensitive), checked in the form Excel will hold it: the
 * suffix " (2)" becomes "_2_", so a candidate is compared after that conversion, not before.
 */
export function uniqueTableName(name: string, taken: ReadonlySet<string>): string {
  const isTaken = (candidate: string) => taken.has(tableNameFrom(candidate).toLowerCase());
  return tableNameFrom(uniqueName(tableNameFrom(name), isTaken, 250));
}
