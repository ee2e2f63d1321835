// The cap table as the pane holds it: what was read, the user's column overrides, the mapping in
// force and the parsed holders.
import { applyOverrides, parseCapTable, recogniseColumns, type CapField, type ColumnMapping, type ParsedCapTable } from "../../scenario";
import type { CapTableRead } from "../../workbook/gateway";
import type { ScenarioForm } from "../form";

/** What the pane is doing, one thing at a time. */
export type Busy = null | "read" | "sample" | "ocf" | "run" | "open";

export interface CapState {
  read: CapTableRead;
  overrides: Partial<Record<CapField, number>>;
  mapping: ColumnMapping;
  parsed: ParsedCapTable;
}

export function makeCap(read: CapTableRead, overrides: Partial<Record<CapField, number>> = {}, base?: ColumnMapping): CapState {
  const mapping = applyOverrides(base ?? recogniseColumns(read.headers), overrides);
  return { read, overrides, mapping, parsed: parseCapTable(read.rows, mapping) };
}

export function holdersFrom(parsed: ParsedCapTable): ScenarioForm["holders"] {
  return parsed.holders.map((h) => ({ row: h.row, name: h.name, role: h.role ?? "holder", requested: "" }));
}
