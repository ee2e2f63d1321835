// The scenario payload the pane stores in the workbook's scenario store, schema-versioned and
// validated on read (a corrupt record is reported by name; the others still load).

import { OFFERINGS, ROLES, VENUES, type Offering, type Role, type Venue } from "../engine";
import { CAP_FIELDS, type CapField, type ColumnMapping } from "./capTable";
import type { CapTableLocation as CapTableRef } from "./types";
import { sheetNameFault } from "./sheetName";

export const SCENARIO_SCHEMA = 1;

export const OFFERING_LABELS: Record<Offering, string> = {
  demand: "Holder demand",
  company: "Company registration",
  "other-demand": "Another holder's demand",
};

export const ROLE_LABELS: Record<Role, string> = {
  company: "Company (primary shares)",
  "no-rights": "Holder without rights",
  other: "Holder with rights under other agreements",
  holder: "Holder",
  initiating: "Initiating holder",
};

export interface HolderChoice {
  /** 0-based body row in the cap table. */
  row: number;
  name: string;
  role: Role;
  /** Shares requested; null = all the holder's registrable shares (a live reference). */
  requested: number | null;
}

export type VolumeSource =
  { kind: "weekly"; weeks: [number, number, number, number] } | { kind: "daily"; dates: string; volumes: string; filingDate: number };

export interface Rule144Inputs {
  asOf: number;
  outstanding: number;
  venue: Venue;
  reporting: boolean;
  volumes: VolumeSource;
}

export interface ScenarioPayload {
  schema: typeof SCENARIO_SCHEMA;
  /** The scenario sheet's name. */
  sheet: string;
  capTable: CapTableRef;
  mapping: ColumnMapping;
  offering: Offering;
  capacity: number;
  price: number;
  /** Gross spread as a fraction: 0.06 for 6%. */
  grossSpread: number;
  commissionPerShare: number;
  holders: HolderChoice[];
  rule144: Rule144Inputs | null;
}

type Check = { ok: true; payload: ScenarioPayload } | { ok: false; problem: string };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isCount = (v: unknown): v is number => isNum(v) && Number.isInteger(v) && v >= 0;
const isStr = (v: unknown): v is string => typeof v === "string";

/** Validates a stored payload; the problem names the first field that is wrong. */
export function validatePayload(value: unknown): Check {
  const bad = (problem: string): Check => ({ ok: false, problem });
  if (!isObj(value)) return bad("the record is not an object");
  if (value.schema !== SCENARIO_SCHEMA) return bad(`schema version ${JSON.stringify(value.schema)} is not ${SCENARIO_SCHEMA}`);
  if (!isStr(value.sheet) || value.sheet.trim() === "") return bad("sheet: missing");
  const ref = value.capTable;
  if (!isObj(ref) || !isStr(ref.sheet) || !isStr(ref.address) || (ref.table !== undefined && !isStr(ref.table)))
    return bad("capTable: expected sheet and address");
  if (!isObj(value.mapping)) return bad("mapping: missing");
  for (const [k, v] of Object.entries(value.mapping)) {
    if (!(CAP_FIELDS as readonly string[]).includes(k) || !isCount(v)) return bad(`mapping: bad entry ${k}`);
  }
  if (!isStr(value.offering) || !(OFFERINGS as readonly string[]).includes(value.offering)) return bad("offering: unknown");
  if (!isCount(value.capacity)) return bad("capacity: expected whole shares");
  if (!isNum(value.price) || value.price < 0) return bad("price: expected a number of 0 or more");
  if (!isNum(value.grossSpread) || value.grossSpread < 0 || value.grossSpread >= 1) return bad("grossSpread: expected a fraction below 1");
  if (!isNum(value.commissionPerShare) || value.commissionPerShare < 0) return bad("commissionPerShare: expected 0 or more");
  if (!Array.isArray(value.holders)) return bad("holders: expected a list");
  for (const [i, h] of value.holders.entries()) {
    if (
      !isObj(h) ||
      !isCount(h.row) ||
      !isStr(h.name) ||
      !isStr(h.role) ||
      !(ROLES as readonly string[]).includes(h.role) ||
      !(h.requested === null || isCount(h.requested))
    ) {
      return bad(`holders[${i}]: expected row, name, role and requested`);
    }
  }
  const r = value.rule144;
  if (r !== null) {
    if (
      !isObj(r) ||
      !isCount(r.asOf) ||
      !isCount(r.outstanding) ||
      !isStr(r.venue) ||
      !(VENUES as readonly string[]).includes(r.venue) ||
      typeof r.reporting !== "boolean"
    ) {
      return bad("rule144: expected asOf, outstanding, venue and reporting");
    }
    const v = r.volumes;
    const weeklyOk = isObj(v) && v.kind === "weekly" && Array.isArray(v.weeks) && v.weeks.length === 4 && v.weeks.every(isCount);
    const dailyOk = isObj(v) && v.kind === "daily" && isStr(v.dates) && isStr(v.volumes) && isCount(v.filingDate);
    if (!weeklyOk && !dailyOk) return bad("rule144.volumes: expected four weekly volumes or daily ranges");
  }
  return { ok: true, payload: value as unknown as ScenarioPayload };
}

/** A scenario name as the form field words its fault (Excel's sheet-name rules: ./sheetName). */
export function sheetNameProblem(name: string): string | null {
  switch (sheetNameFault(name)) {
    case null:
      return null;
    case "blank":
      return "Enter a name.";
    case "too long":
      return "At most 31 characters (an Excel sheet name).";
    case "forbidden character":
      return "A sheet name cannot contain : \\ / ? * [ or ].";
    case "apostrophe at an end":
      return "A sheet name cannot start or end with an apostrophe.";
    case "reserved":
      return '"History" is reserved by Excel.';
  }
}

export type { CapField };
