// The one copy of Excel's rules for a worksheet name (Excel's "Rename a worksheet" help): not
// blank, at most 31 characters, none of \ / ? * : [ ], no apostrophe at either end, and "History"
// is reserved. Each caller words the fault for its reader: the pane's form field
// (./payload), the gateways (src/workbook/names.ts), the in-memory Excel (src/workbook/memory).

export type SheetNameFault = "blank" | "too long" | "forbidden character" | "apostrophe at an end" | "reserved";

export function sheetNameFault(name: string): SheetNameFault | null {
  if (typeof name !== "string" || name.trim() === "") return "blank";
  if (name.length > 31) return "too long";
  if (/[\\/?*[\]:]/.test(name)) return "forbidden character";
  if (name.startsWith("'") || name.endsWith("'")) return "apostrophe at an end";
  if (name.toLowerCase() === "history") return "reserved";
  return null;
}
