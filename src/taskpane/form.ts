// The pane's forms as plain data: strings as typed, validated into a ScenarioPayload with one
// message per invalid field (shown on that field; nothing is written while any remains).

import { formatCount, serialFromDate, type Offering, type Role, type Venue } from "../engine";
import {
  SCENARIO_SCHEMA,
  sheetNameProblem,
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

/** "1,234,567" or "1234567" → number; null when it is not a plain number. */
export function readNumber(text: string): number | null {
  const t = text.trim().replace(/,/g, "").replace(/^\$/, "");
  if (t === "" || !/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/**
 * A percentage as Excel reads one, the convention RR.INDEMNITY.CAP follows: "6%" and "0.06" are
 * both 6%. "6" is 600%, never silently 6%. Returns the fraction, or null when it is not a number.
 */
export function readPercent(text: string): number | null {
  const m = /^(.*?)\s*%$/.exec(text.trim());
  if (!m) return readNumber(text);
  const v = readNumber(m[1]);
  return v === null ? null : Number((v / 100).toPrecision(12));
}

function wholeShares(text: string, what: string, errors: FormErrors, key: string, opts: { blank?: number } = {}): number {
  if (text.trim() === "" && opts.blank !== undefined) return opts.blank;
  const v = readNumber(text);
  if (v === null) errors[key] = `Enter ${what} as a whole number of shares, e.g. 3,000,000.`;
  else if (v < 0) errors[key] = `${capital(what)} cannot be negative.`;
  else if (!Number.isInteger(v)) errors[key] = `${capital(what)} must be whole shares.`;
  else if (!Number.isSafeInteger(v)) errors[key] = `${capital(what)} is too large.`;
  else return v;
  return 0;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "2008-07-01" → Excel serial, or null. */
export function readDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900) return null;
  try {
    return serialFromDate(y, mo, d);
  } catch {
    return null;
  }
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

  const capacity = wholeShares(form.capacity, "the underwriter capacity", errors, "capacity");
  let price = readNumber(form.price) ?? -1;
  if (price < 0) {
    errors.price = "Enter the offering price per share, e.g. 20.00.";
    price = 0;
  }
  let spread = readPercent(form.spread);
  if (spread !== null && spread >= 1 && !form.spread.includes("%")) {
    errors.spread = `${form.spread.trim()} reads as ${Number((spread * 100).toPrecision(12))}%, as in Excel. For 6%, type 6% or 0.06.`;
    spread = 0;
  } else if (spread === null || spread < 0 || spread >= 1) {
    errors.spread = "Enter the gross spread as a percentage from 0% to below 100%, e.g. 6% or 0.06.";
    spread = 0;
  }
  let commission = form.commission.trim() === "" ? 0 : readNumber(form.commission);
  if (commission === null || commission < 0) {
    errors.commission = "Enter a commission per share of 0 or more, or leave it blank.";
    commission = 0;
  }

  const byRow = new Map(cap?.parsed.holders.map((h) => [h.row, h]) ?? []);
  const holders = form.holders.map((h) => {
    const key = `requested:${h.row}`;
    if (h.requested.trim() === "") return { row: h.row, name: h.name, role: h.role, requested: null };
    const v = wholeShares(h.requested, `the shares requested by ${h.name}`, errors, key);
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
    const asOf = readDate(r.asOf);
    if (asOf === null) errors["r144:asOf"] = "Pick the as-of date (the date of sale) in the date box.";
    const outstanding = wholeShares(r.outstanding, "the shares outstanding", errors, "r144:outstanding");
    let volumes: Rule144Inputs["volumes"];
    if (r.source === "weekly") {
      const weeks = r.weeks.map((w, i) => wholeShares(w, `the volume of week ${i + 1}`, errors, `r144:week${i + 1}`)) as [
        number,
        number,
        number,
        number,
      ];
      volumes = { kind: "weekly", weeks };
    } else {
      const range = /^('[^']+'|[A-Za-z_][A-Za-z0-9_.]*)!\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}\$?\d+$/;
      if (!range.test(r.dates.trim())) errors["r144:dates"] = "Enter the range of daily dates, e.g. Volumes!A2:A60.";
      if (!range.test(r.volumes.trim())) errors["r144:volumes"] = "Enter the range of daily volumes, e.g. Volumes!B2:B60.";
      const filing = readDate(r.filingDate);
      if (filing === null) errors["r144:filingDate"] = "Pick the Form 144 filing date in the date box.";
      volumes = { kind: "daily", dates: r.dates.trim(), volumes: r.volumes.trim(), filingDate: filing ?? 0 };
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
  const iso = (serial: number) => {
    const d = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
    return d.toISOString().slice(0, 10);
  };
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
