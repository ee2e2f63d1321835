// Reads the files a user picked for "Import OCF package" into what the OCF importer takes: the
// bytes of one .ocf.zip, or the separate *.ocf.json files by name. No network: File objects only.

import { importOcf, toCapTableRows, type OcfImport } from "../ocf";

// For the import notice: Pane.tsx loads this module on demand, so it takes plural() from here.
export { plural } from "../ocf";
import type { CellInput } from "../workbook/gateway";

export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
}

export async function readOcfFiles(files: readonly PickedFile[]): Promise<Uint8Array | Record<string, string>> {
  if (files.length === 0) throw new Error("Pick a .ocf.zip package or its .ocf.json files.");
  if (files.length === 1 && /\.zip$/i.test(files[0].name)) return new Uint8Array(await files[0].arrayBuffer());
  const zips = files.filter((f) => /\.zip$/i.test(f.name));
  if (zips.length > 0) throw new Error("Pick either one .ocf.zip package or the separate .ocf.json files, not both.");
  const byName: Record<string, string> = {};
  for (const f of files) byName[f.name] = await f.text();
  return byName;
}

export interface OcfCapTable {
  result: OcfImport;
  rows: CellInput[][];
  numberFormats: (string | null)[][];
}

/** The imported cap table as rows for a new Excel table, with the formats a banker expects. */
export async function ocfCapTable(files: readonly PickedFile[]): Promise<OcfCapTable> {
  const result = importOcf(await readOcfFiles(files));
  const rows = toCapTableRows(result) as CellInput[][];
  const formats = [null, "#,##0", "#,##0", "0.0000##", "yyyy-mm-dd", null, null];
  const numberFormats = rows.map((row, r) => row.map((_, c) => (r === 0 ? null : (formats[c] ?? null))));
  return { result, rows, numberFormats };
}
