// Names Excel will accept for new sheets and tables, made unique against what the workbook has.
// Shared by both gateways so the preview and real Excel name things the same way.
//
// Excel's own rules live once, in src/scenario/sheetName.ts (pure, shared with the pane's form);
// here they are worded for the gateways' messages, with RegRights' store sheet added.

import { sheetNameFault } from "../scenario/sheetName";
import { messages } from "./errors";
import { STORE_SHEET } from "./records";

/** What Excel itself refuses in a worksheet name, in words, or null (the in-memory Excel uses this). */
export function excelSheetNameProblem(name: string): string | null {
  switch (sheetNameFault(name)) {
    case null:
      return null;
    case "blank":
      return "A sheet name cannot be blank.";
    case "too long":
      return `The sheet name "${name}" is longer than 31 characters.`;
    case "forbidden character":
      return `The sheet name "${name}" contains one of \\ / ? * [ ] :`;
    case "apostrophe at an end":
      return `The sheet name "${name}" starts or ends with an apostrophe.`;
    case "reserved":
      return `"History" is reserved by Excel.`;
  }
}

/** Excel's rules for a worksheet name, and RegRights' own store sheet. The problem in words, or null. */
export function sheetNameProblem(name: string): string | null {
  const excel = excelSheetNameProblem(name);
  if (excel) return excel;
  if (isStoreSheet(name)) return `"${name}" is the name of RegRights' hidden sheet of saved scenarios; choose another name.`;
  return null;
}

/**
 * Why the sheet `from` cannot be renamed `to`, in words, or null: a name Excel refuses (or the
 * store sheet's), or another sheet's name. Excel compares sheet names without case, so "Base" may
 * become "base" (the same sheet) but not take the name of a sheet "BASE" beside it. `taken` says
 * whether the workbook has a sheet named `to`.
 */
export function sheetRenameProblem(from: string, to: string, taken: boolean): string | null {
  const problem = sheetNameProblem(to);
  if (problem) return problem;
  if (taken && from.toLowerCase() !== to.toLowerCase())
    return `${messages.sheetNameTaken(to)} Choose another name, or rename or delete that sheet first.`;
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
