// The scenario payload the pane stores in the workbook's scenario store, schema-versioned and
// validated on read (a corrupt record is reported by name; the others still load). The rules of
// its typed fields are ./schema's, the ones the pane's form applies.

import { OFFERINGS, ROLES, VENUES, type Offering, type Role, type Venue } from "../engine";
import { CAP_FIELDS, type CapField, type ColumnMapping } from "./capTable";
import type { CapTableLocation as CapTableRef } from "./types";
import { sheetNameFault } from "./sheetName";
import { commissionProblem, FIELDS, storedProblem } from "./schema";

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
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const isStr = (v: unknown): v is string => typeof v === "string";
const oneOf = (list: readonly string[], v: unknown) => isStr(v) && list.includes(v);

/**
 * Validates a stored payload against the schema the form also applies (./schema); the problem
 * names the first field that is wrong.
 */
export function validatePayload(value: unknown): Check {
  const bad = (problem: string): Check => ({ ok: false, problem });
  if (!isObj(value)) return bad("the record is not an object");
  if (value.schema !== SCENARIO_SCHEMA) return bad(`schema version ${JSON.stringify(value.schema)} is not ${SCENARIO_SCHEMA}`);
  if (!isStr(value.sheet) || sheetNameFault(value.sheet) === "blank") return bad("sheet: missing");
  const nameFault = sheetNameFault(value.sheet);
  if (nameFault) return bad(`sheet: not an Excel sheet name (${nameFault})`);
  const ref = value.capTable;
  if (!isObj(ref) || !isStr(ref.sheet) || !isStr(ref.address) || (ref.table !== undefined && !isStr(ref.table)))
    return bad("capTable: expected sheet and address");
  if (!isObj(value.mapping)) return bad("mapping: missing");
  for (const [k, v] of Object.entries(value.mapping)) {
    if (!(CAP_FIELDS as readonly string[]).includes(k) || !isCount(v)) return bad(`mapping: bad entry ${k}`);
  }
  if (!oneOf(OFFERINGS, value.offering)) return bad("offering: unknown");
  for (const k of ["capacity", "price", "grossSpread", "commissionPerShare"] as const) {
    const problem = storedProblem(FIELDS[k], value[k], k);
    if (problem) return bad(problem);
  }
  const over = commissionProblem(value.price as number, value.grossSpread as number, value.commissionPerShare as number);
  if (over) return bad(over.stored);
  if (!Array.isArray(value.holders)) return bad("holders: expected a list");
  for (const [i, h] of value.holders.entries()) {
    if (!isObj(h) || !isCount(h.row) || !isStr(h.name) || !oneOf(ROLES, h.role))
      return bad(`holders[${i}]: expected row, name, role and requested`);
    const requested = h.requested === null ? null : storedProblem(FIELDS.requested(h.name), h.requested, `holders[${i}].requested`);
    if (requested) return bad(requested);
  }
  const r = value.rule144;
  if (r !== null) {
    if (!isObj(r) || !oneOf(VENUES, r.venue) || typeof r.reporting !== "boolean")
      return bad("rule144: expected asOf, outstanding, venue and reporting");
    const v = r.volumes;
    const weekly = isObj(v) && v.kind === "weekly" && Array.isArray(v.weeks) && v.weeks.length === 4;
    const daily = isObj(v) && v.kind === "daily";
    const problem =
      storedProblem(FIELDS.asOf, r.asOf, "rule144.asOf") ??
      storedProblem(FIELDS.outstanding, r.outstanding, "rule144.outstanding") ??
      (weekly
        ? (v.weeks as unknown[]).map((w, i) => storedProblem(FIELDS.week(i), w, `rule144.volumes.weeks[${i}]`)).find((p) => p)
        : daily
          ? (["dates", "volumes", "filingDate"] as const).map((k) => storedProblem(FIELDS[k], v[k], `rule144.volumes.${k}`)).find((p) => p)
          : "rule144.volumes: expected four weekly volumes or daily ranges");
    if (problem) return bad(problem);
  }
  return { ok: true, payload: value as unknown as ScenarioPayload };
}

export type { CapField };
