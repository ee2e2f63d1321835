// The scenario store's row format, pure and shared by both implementations. One record per row of
// a very hidden sheet; row 1 is a header. Columns:
//   A id | B name | C updatedAt (ISO) | D schema version | E parts | F… the JSON payload in parts
// A..E are the index: listing reads only those, and a payload is read when it is opened. A payload
// longer than one cell allows (Excel: 32,767 characters) is cut into parts of at most PART_LENGTH
// characters, one per cell from F. The text cells (id, name, updatedAt and every payload part) are
// written with the text number format ("@") and every part starts with "~", so Excel never reads a part as a
// number, a date or a formula (a JSON fragment may start with "=" or "-"). The two numbers (schema,
// parts) are written into General cells: whether Excel hands back a number written into a Text
// cell as text is undocumented, so no column depends on it, and a number read back as a numeric
// string ("1") is accepted too.

import type { CellValue, ScenarioList, ScenarioRecord, ScenarioSummary } from "./gateway";

export const STORE_SHEET = "RegRights.Scenarios";
export const SCHEMA_VERSION = 1;
export const HEADER = ["id", "name", "updatedAt", "schema", "parts", "payload"] as const;
export const FIXED_COLUMNS = 5;
/** Number formats of the index columns A..E: text, text, text, General, General. */
export const INDEX_FORMATS = ["@", "@", "@", "General", "General"] as const;
/** Number formats for a row of width cells from A: the index's, then text for every payload part. */
export function rowFormats(width: number): string[] {
  return Array.from({ length: width }, (_, c) => (c < FIXED_COLUMNS ? INDEX_FORMATS[c] : "@"));
}
/** Characters of JSON per cell (plus the "~" marker: below Excel's 32,767). */
export const PART_LENGTH = 32_000;
const MARK = "~";

export type StoreRow = (string | number)[];

/** The cells of one record's row, from column A. */
export function recordToRow(record: ScenarioRecord): StoreRow {
  if (typeof record.id !== "string" || record.id.trim() === "") throw new TypeError("A scenario needs a non-empty id.");
  const json = JSON.stringify(record.payload ?? null);
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += PART_LENGTH) parts.push(MARK + json.slice(i, i + PART_LENGTH));
  if (parts.length === 0) parts.push(MARK);
  return [record.id, record.name, record.updatedAt, SCHEMA_VERSION, parts.length, ...parts];
}

/** Pads a row with "" to width (to clear the old parts of a longer record written before). */
export function padRow(row: StoreRow, width: number): StoreRow {
  return row.length >= width ? row : [...row, ...new Array<string>(width - row.length).fill("")];
}

const blank = (v: unknown) => v === null || v === undefined || v === "";

export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every(blank);
}

/** A whole number written by RegRights, read back as a number or as a numeric string ("2"). */
export function wholeNumber(v: CellValue | undefined): number | null {
  if (typeof v === "number") return Number.isInteger(v) ? v : null;
  if (typeof v === "string" && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return null;
}

/** One record's index cells, read: where it is, what it is called, how many parts its payload has. */
export interface IndexEntry {
  summary: ScenarioSummary;
  /** 0-based index into the store's rows (rows[0] is the header, sheet row 1). */
  row: number;
  parts: number;
}

export type IndexResult = { kind: "empty" } | { kind: "record"; entry: IndexEntry } | { kind: "problem"; name: string; problem: string };

/** Reads one row's index cells A..E (more cells are ignored); row is the 0-based index into the store's rows. */
export function indexToEntry(cells: readonly CellValue[], row: number): IndexResult {
  const index = cells.slice(0, FIXED_COLUMNS);
  if (isBlankRow(index)) return { kind: "empty" };
  const [id, name, updatedAt, schemaCell, partsCell] = index;
  const label = typeof name === "string" && name.trim() !== "" ? name : `row ${row + 1}`;
  const problem = (text: string): IndexResult => ({ kind: "problem", name: label, problem: text });
  const schema = wholeNumber(schemaCell);
  if (schema === null) return problem("the record has no schema version, so it was not written by RegRights.");
  if (schema > SCHEMA_VERSION)
    return problem(`it was saved by a newer version of RegRights (format ${schema}); update the add-in to open it.`);
  if (schema < 1) return problem(`its format (${schema}) is unknown.`);
  if ((typeof id !== "string" && typeof id !== "number") || String(id).trim() === "") return problem("the record has no id.");
  if (typeof name !== "string" || name.trim() === "") return problem("the record has no name.");
  if (typeof updatedAt !== "string" || Number.isNaN(Date.parse(updatedAt))) return problem("the time of the last save is not a date.");
  const parts = wholeNumber(partsCell);
  if (parts === null || parts < 1) return problem("the number of payload parts is missing.");
  return { kind: "record", entry: { summary: { id: String(id), name, updatedAt }, row, parts } };
}

/** Joins a payload's part cells (from column F) back into the payload, or says what is wrong. */
export function payloadFromParts(
  cells: readonly CellValue[],
  parts: number,
): { ok: true; payload: unknown } | { ok: false; problem: string } {
  let json = "";
  for (let i = 0; i < parts; i++) {
    const cell = cells[i];
    if (typeof cell !== "string" || !cell.startsWith(MARK))
      return { ok: false, problem: `payload part ${i + 1} of ${parts} is missing or damaged.` };
    json += cell.slice(MARK.length);
  }
  try {
    return { ok: true, payload: JSON.parse(json) };
  } catch {
    return { ok: false, problem: "the saved scenario is damaged (its data is not valid JSON)." };
  }
}

export type RowResult = { kind: "empty" } | { kind: "record"; record: ScenarioRecord } | { kind: "problem"; name: string; problem: string };

/** Reads one whole row (cells from column A); rowNumber is the sheet's row number, for messages. */
export function rowToRecord(row: readonly CellValue[], rowNumber: number): RowResult {
  const index = indexToEntry(row, rowNumber - 1);
  if (index.kind !== "record") return index;
  const read = payloadFromParts(row.slice(FIXED_COLUMNS), index.entry.parts);
  if (!read.ok) return { kind: "problem", name: index.entry.summary.name, problem: read.problem };
  return { kind: "record", record: { ...index.entry.summary, payload: read.payload } };
}

/**
 * Reads the index cells of every row below the header (rows[0] is sheet row 1; cells past E are
 * ignored, so rows may be the index columns alone). Duplicated ids: the later save wins.
 */
export function readIndex(rows: readonly (readonly CellValue[])[]): { entries: IndexEntry[]; problems: ScenarioList["problems"] } {
  const byId = new Map<string, IndexEntry>();
  const problems: ScenarioList["problems"] = [];
  for (let i = 1; i < rows.length; i++) {
    const result = indexToEntry(rows[i] ?? [], i);
    if (result.kind === "problem") problems.push({ name: result.name, problem: result.problem });
    else if (result.kind === "record") {
      const prev = byId.get(result.entry.summary.id);
      if (!prev || prev.summary.updatedAt <= result.entry.summary.updatedAt) byId.set(result.entry.summary.id, result.entry);
    }
  }
  return { entries: [...byId.values()], problems };
}

/** The list the pane shows, from the index columns alone. */
export function readStore(rows: readonly (readonly CellValue[])[]): ScenarioList {
  const { entries, problems } = readIndex(rows);
  return { scenarios: entries.map((e) => e.summary), problems };
}

/** A stable number from an id (FNV-1a), to spread new records over the sheet. */
function spread(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** New records start probing at a row chosen by their id, in this many rows below the header. */
export const SPREAD_ROWS = 4096;

/**
 * Where to save a record (a 0-based index into rows, rows[0] being the header): the row holding
 * its id; else the first empty row at or after a row chosen by the id (rows 2 to 4097), else a
 * row after the last chosen the same way. Two authors who save new scenarios at the same moment
 * each read the sheet before the other writes; starting from the id rather than from the first
 * empty row makes it unlikely that both pick the same row (the list skips empty rows).
 */
export function rowForSave(rows: readonly (readonly CellValue[])[], id: string): number {
  const existing = rowsOf(rows, id);
  if (existing.length > 0) return existing[0];
  const h = spread(id);
  const start = 1 + (h % SPREAD_ROWS);
  for (let i = start; i < rows.length; i++) if (isBlankRow(rows[i])) return i;
  return Math.max(rows.length, start) + (rows.length > start ? h % 97 : 0);
}

/** Indexes of the rows holding id (normally one). */
export function rowsOf(rows: readonly (readonly CellValue[])[], id: string): number[] {
  const found: number[] = [];
  for (let i = 1; i < rows.length; i++) if (!blank(rows[i]?.[0]) && String(rows[i][0]) === id) found.push(i);
  return found;
}
