// The pane's forms as plain data: strings as typed, validated into a ScenarioPayload with one
// message per invalid field (shown on that field; nothing is written while any remains). Each
// field's rule and words are the payload schema's (src/scenario/schema.ts), which the scenario
// store also applies to a payload read back; what depends on the cap table is checked here.

import { formatCount, isoDate, type Offering, type Role, type Venue } from "../engine";
import {
  commissionProblem,
  FIELDS,
  readDate,
  readField,
  readNumber,
  readPercent,
  SCENARIO_SCHEMA,
  sheetNameProblem,
  type Field,
  type ColumnMapping,
  type ParsedCapTable,
  type Rule144Inputs,
  type ScenarioPayload,
} from "../scenario";
import type { CapTableRef } from "../workbook/gateway";

export interface HolderForm {
  row: number;
  name: string;
  role: Role;
  /** As typed; "" = all registrable shares. */
  requested: string;
}

export interface ScenarioForm {
  name: string;
  offering: Offering;
  capacity: string;
  price: string;
  /** As typed, Excel's convention: "6%" or "0.06" for 6% (so RR.INDEMNITY.CAP and the pane agree). */
  spread: string;
  commission: string;
  holders: HolderForm[];
  rule144: {
    enabled: boolean;
    asOf: string; // yyyy-mm-dd
    outstanding: string;
    venue: Venue;
    reporting: boolean;
    source: "weekly" | "daily";
    weeks: [string, string, string, string];
    dates: string;
    volumes: string;
    filingDate: string;
  };
}

export const EMPTY_FORM: ScenarioForm = {
  name: "Demand 1",
  offering: "demand",
  capacity: "",
  price: "",
  spread: "6%",
  commission: "",
  holders: [],
  rule144: {
    enabled: false,
    asOf: "",
    outstanding: "",
    venue: "exchange",
    reporting: true,
    source: "weekly",
    weeks: ["", "", "", ""],
    dates: "",
    volumes: "",
    filingDate: "",
  },
};

export type FormErrors = Record<string, string>;

export { readDate, readNumber, readPercent };

/** A field read with the payload schema's rule; its message goes on errors[key]. */
function take<T>(field: Field<T>, typed: string, errors: FormErrors, key: string): T | null {
  const r = readField(field, typed);
  if (r.problem !== undefined) errors[key] = r.problem;
  return r.problem === undefined ? r.value : null;
}

/** Validates the whole form; returns the payload only when there is no error at all. */
export function validateForm(
  form: ScenarioForm,
  cap: { ref: CapTableRef; mapping: ColumnMapping; parsed: ParsedCapTable } | null,
): { errors: FormErrors; payload: ScenarioPayload | null } {
  const errors: FormErrors = {};
  if (!cap) errors.capTable = "Read a cap table first (select it and press Read, or insert the sample).";
  else if (cap.parsed.problems.length > 0) errors.capTable = `Fix the ${cap.parsed.problems.length} problem(s) in the cap table first.`;

  const nameProblem = sheetNameProblem(form.name);
  if (nameProblem) errors.name = nameProblem;
  else if (cap && form.name.trim().toLowerCase() === cap.ref.sheet.toLowerCase())
    errors.name = "That is the cap table's sheet; choose another name.";

  const capacity = take(FIELDS.capacity, form.capacity, errors, "capacity") ?? 0;
  const price = take(FIELDS.price, form.price, errors, "price") ?? 0;
  const spread = take(FIELDS.grossSpread, form.spread, errors, "spread") ?? 0;
  const commission = take(FIELDS.commissionPerShare, form.commission, errors, "commission") ?? 0;
  if (!errors.price && !errors.spread && !errors.commission) {
    const over = commissionProblem(price, spread, commission);
    if (over) errors.commission = over.form;
  }

  const byRow = new Map(cap?.parsed.holders.map((h) => [h.row, h]) ?? []);
  const holders = form.holders.map((h) => {
    const key = `requested:${h.row}`;
    if (h.requested.trim() === "") return { row: h.row, name: h.name, role: h.role, requested: null };
    const v = take(FIELDS.requested(h.name), h.requested, errors, key) ?? 0;
    const reg = byRow.get(h.row)?.asConverted;
    if (!errors[key] && reg !== null && reg !== undefined && v > reg) {
      errors[key] = `${h.name} holds ${reg.toLocaleString("en-US")} registrable shares; the request cannot be more.`;
    }
    return { row: h.row, name: h.name, role: h.role, requested: v };
  });
  if (cap && holders.length === 0) errors.capTable = errors.capTable ?? "The cap table has no holders.";

  let rule144: Rule144Inputs | null = null;
  const r = form.rule144;
  if (r.enabled) {
    const asOf = take(FIELDS.asOf, r.asOf, errors, "r144:asOf");
    const outstanding = take(FIELDS.outstanding, r.outstanding, errors, "r144:outstanding") ?? 0;
    let volumes: Rule144Inputs["volumes"];
    if (r.source === "weekly") {
      const weeks = r.weeks.map((w, i) => take(FIELDS.week(i), w, errors, `r144:week${i + 1}`) ?? 0) as [number, number, number, number];
      volumes = { kind: "weekly", weeks };
    } else {
      const dates = take(FIELDS.dates, r.dates, errors, "r144:dates") ?? "";
      const daily = take(FIELDS.volumes, r.volumes, errors, "r144:volumes") ?? "";
      const filing = take(FIELDS.filingDate, r.filingDate, errors, "r144:filingDate");
      volumes = { kind: "daily", dates, volumes: daily, filingDate: filing ?? 0 };
    }
    rule144 = { asOf: asOf ?? 0, outstanding, venue: r.venue, reporting: r.reporting, volumes };
  }

  if (Object.keys(errors).length > 0 || !cap) return { errors, payload: null };
  return {
    errors,
    payload: {
      schema: SCENARIO_SCHEMA,
      sheet: form.name.trim(),
      capTable: cap.ref,
      mapping: cap.mapping,
      offering: form.offering,
      capacity,
      price,
      grossSpread: spread,
      commissionPerShare: commission,
      holders,
      rule144,
    },
  };
}

/** The form that reproduces a stored payload (for "Open"). */
export function formFromPayload(p: ScenarioPayload): ScenarioForm {
  // The date box's yyyy-mm-dd, Excel's calendar (serial 60 is 1900-02-29) as readDate reads it.
  const iso = isoDate;
  const r = p.rule144;
  return {
    name: p.sheet,
    offering: p.offering,
    // The same number format as a fresh form shows: "3,000,000", not "3000000".
    capacity: formatCount(p.capacity),
    price: Number.isInteger(p.price * 100) ? p.price.toFixed(2) : String(p.price),
    spread: `${Number((p.grossSpread * 100).toPrecision(12))}%`,
    commission: p.commissionPerShare === 0 ? "" : String(p.commissionPerShare),
    holders: p.holders.map((h) => ({
      row: h.row,
      name: h.name,
      role: h.role,
      requested: h.requested === null ? "" : formatCount(h.requested),
    })),
    rule144: r
      ? {
          enabled: true,
          asOf: iso(r.asOf),
          outstanding: formatCount(r.outstanding),
          venue: r.venue,
          reporting: r.reporting,
          source: r.volumes.kind,
          weeks: r.volumes.kind === "weekly" ? (r.volumes.weeks.map(formatCount) as [string, string, string, string]) : ["", "", "", ""],
          dates: r.volumes.kind === "daily" ? r.volumes.dates : "",
          volumes: r.volumes.kind === "daily" ? r.volumes.volumes : "",
          filingDate: r.volumes.kind === "daily" ? iso(r.volumes.filingDate) : "",
        }
      : { ...EMPTY_FORM.rule144 },
  };
}
