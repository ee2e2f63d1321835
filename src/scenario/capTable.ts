// Cap-table reading: recognise columns by header, let the user override the mapping, and find
// row-level problems before anything runs. Pure: takes what the gateway read, returns plain data.

import { ROLES, type Role, registrableShares, RuleError, formatCount, listWords } from "../engine";

export type CapField = "holder" | "common" | "convertible" | "ratio" | "acquired" | "affiliate" | "role";
export const CAP_FIELDS: readonly CapField[] = ["holder", "common", "convertible", "ratio", "acquired", "affiliate", "role"];
export const REQUIRED_FIELDS: readonly CapField[] = ["holder", "common"];

export const FIELD_LABELS: Record<CapField, string> = {
  holder: "Holder",
  common: "Common shares",
  convertible: "Convertible / preferred shares",
  ratio: "Conversion ratio",
  acquired: "Acquired date",
  affiliate: "Affiliate",
  role: "Role",
};

/** Column index (0-based, within the block) per field; absent when not mapped. */
export type ColumnMapping = Partial<Record<CapField, number>>;

export type Cell = string | number | boolean | null;

function words(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

/** Which field a header names, or null. Order matters: "Conv. ratio" is a ratio, not a convertible. */
export function recogniseHeader(header: string): CapField | null {
  const w = ` ${words(header)} `;
  if (w.trim() === "") return null;
  if (/ affiliate| insider/.test(w)) return "affiliate";
  if (/ ratio | conversion rate | conv rate | rate /.test(w) || / ratio/.test(w)) return "ratio";
  if (/ acquired | acquisition | purchase date | date | issued on | issue date /.test(w)) return "acquired";
  if (/ role | rights | category | class of holder | type /.test(w)) return "role";
  if (/ preferred | pref | convertible | conv | series [a-z] /.test(w)) return "convertible";
  if (/ common | ordinary /.test(w)) return "common";
  if (/ holder | investor | name | shareholder | stockholder | party | purchaser /.test(w)) return "holder";
  return null;
}

/** Maps each field to the first header that names it. */
export function recogniseColumns(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((h, i) => {
    const field = recogniseHeader(String(h ?? ""));
    if (field && mapping[field] === undefined) mapping[field] = i;
  });
  return mapping;
}

/** The recognised mapping with the user's choices on top (a choice of -1 unmaps the field). */
export function applyOverrides(auto: ColumnMapping, overrides: Partial<Record<CapField, number>>): ColumnMapping {
  const out: ColumnMapping = { ...auto };
  for (const f of CAP_FIELDS) {
    const o = overrides[f];
    if (o === undefined) continue;
    if (o < 0) delete out[f];
    else out[f] = o;
  }
  return out;
}

export interface Problem {
  /** 0-based body row, or null for a problem with the table as a whole. */
  row: number | null;
  field: CapField | null;
  message: string;
}

export interface CapHolder {
  /** 0-based body row in the cap table. */
  row: number;
  name: string;
  common: number;
  convertible: number;
  ratio: number;
  /** Excel date serial, or null when blank. */
  acquired: number | null;
  affiliate: boolean;
  /** The role in the cap table, or null when blank / no role column. */
  role: Role | null;
  /** common + floor(convertible × ratio), or null when the row has a problem. */
  asConverted: number | null;
}

export interface ParsedCapTable {
  holders: CapHolder[];
  problems: Problem[];
  totals: { common: number; convertible: number; asConverted: number };
}

/** Reads a role word tolerantly: "Holder", "No rights", "Initiating holder", "Company". */
export function readRole(text: string): Role | null {
  const w = words(text)
    .replace(/ holders?$/, "")
    .replace(/^holders? /, "");
  const compact = w.replace(/\s+/g, "-");
  if ((ROLES as readonly string[]).includes(compact)) return compact as Role;
  if (w === "holder" || w === "holders" || w === "investor") return "holder";
  if (w === "no rights" || w === "none" || w === "without rights" || w === "norights") return "no-rights";
  if (w === "issuer" || w === "primary") return "company";
  if (w === "" && /holder/i.test(text)) return "holder";
  return null;
}

function readAffiliate(v: Cell): boolean | null {
  if (v === null || v === "") return false;
  if (typeof v === "boolean") return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === "string") {
    const w = v.trim().toLowerCase();
    if (["true", "yes", "y"].includes(w)) return true;
    if (["false", "no", "n"].includes(w)) return false;
  }
  return null;
}

function label(field: CapField): string {
  return FIELD_LABELS[field].toLowerCase();
}

/** Parses body rows with a mapping; every problem is reported with its row, nothing is thrown. */
export function parseCapTable(rows: readonly (readonly Cell[])[], mapping: ColumnMapping): ParsedCapTable {
  const problems: Problem[] = [];
  for (const f of REQUIRED_FIELDS) {
    if (mapping[f] === undefined) problems.push({ row: null, field: f, message: `No column is mapped to "${FIELD_LABELS[f]}".` });
  }
  const holders: CapHolder[] = [];
  const totals = { common: 0, convertible: 0, asConverted: 0 };
  if (problems.length > 0) return { holders, problems, totals };

  const get = (r: readonly Cell[], f: CapField): Cell => {
    const i = mapping[f];
    return i === undefined ? null : (r[i] ?? null);
  };
  rows.forEach((r, row) => {
    const at = `Row ${row + 1}`;
    const rowProblems: Problem[] = [];
    const add = (field: CapField, message: string) => rowProblems.push({ row, field, message: `${at}: ${message}` });
    const nameCell = get(r, "holder");
    const name = nameCell === null ? "" : String(nameCell).trim();
    // A wholly blank row ends nothing, it is just skipped.
    if (name === "" && r.every((c) => c === null || c === "")) return;
    if (name === "") add("holder", "the holder name is blank.");

    const count = (field: CapField): number => {
      const v = get(r, field);
      if (v === null || v === "") return 0;
      if (typeof v !== "number") {
        add(field, `${label(field)} is ${typeof v === "string" ? `the text "${v}"` : String(v)}; expected a number of shares.`);
        return 0;
      }
      if (v < 0) add(field, `${label(field)} is negative (${formatCount(v)}).`);
      else if (!Number.isInteger(v)) add(field, `${label(field)} is ${v}; expected whole shares.`);
      return v;
    };
    const common = count("common");
    const convertible = count("convertible");

    let ratio = 1;
    if (mapping.ratio !== undefined) {
      const v = get(r, "ratio");
      if (v === null || v === "") ratio = 0;
      else if (typeof v !== "number") add("ratio", `conversion ratio is the text "${String(v)}"; expected a number.`);
      else if (v < 0) add("ratio", `conversion ratio is negative (${v}).`);
      else ratio = v;
      if (convertible > 0 && ratio === 0 && (v === null || v === ""))
        add("ratio", "conversion ratio is blank but convertible shares are held.");
    }

    let acquired: number | null = null;
    const a = get(r, "acquired");
    if (a !== null && a !== "") {
      if (typeof a === "string") add("acquired", `acquired date is the text "${a}"; enter it as an Excel date.`);
      else if (typeof a !== "number" || !Number.isInteger(a) || a < 1) add("acquired", `acquired date ${String(a)} is not a date.`);
      else acquired = a;
    }

    const aff = readAffiliate(get(r, "affiliate"));
    if (aff === null) add("affiliate", `affiliate is "${String(get(r, "affiliate"))}"; expected TRUE or FALSE.`);

    let role: Role | null = null;
    const roleCell = get(r, "role");
    if (roleCell !== null && roleCell !== "") {
      role = readRole(String(roleCell));
      if (!role) add("role", `unknown role "${String(roleCell)}"; expected ${listWords(ROLES)}.`);
    }

    let asConverted: number | null = null;
    if (rowProblems.length === 0) {
      try {
        asConverted = registrableShares({ common, convertible, ratio });
      } catch (err) {
        add("convertible", err instanceof RuleError ? err.message : String(err));
      }
    }
    problems.push(...rowProblems);
    holders.push({ row, name, common, convertible, ratio, acquired, affiliate: aff ?? false, role, asConverted });
    if (rowProblems.length === 0) {
      totals.common += common;
      totals.convertible += convertible;
      totals.asConverted += asConverted ?? 0;
    }
  });
  if (holders.length === 0) problems.push({ row: null, field: null, message: "The cap table has no holder rows under its header." });
  return { holders, problems, totals };
}
