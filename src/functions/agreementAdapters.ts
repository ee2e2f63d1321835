// Adapters for the agreement-mechanics functions (formula contract §5) and the terms table.

import {
  Terms,
  DEFAULT_TERMS,
  PRESETS,
  TermOverride,
  termsWith,
  parsePreset,
  checkDemand,
  describeDemand,
  DemandInput,
  parseEvent,
  agreementDate,
  rightsPassOnTransfer,
  consentCarries,
  checkShares,
  invalid,
  describe,
} from "../engine";
import { Result, Vector, attempt, grid, byRow, vector, single, at, num, bool, text, date, required, isOmitted } from "./excel";

const SHARES = "a whole number of shares";

function blank(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === "";
}

/**
 * The [terms] argument: rows of name | value (further columns, such as RR.TERMS()'s unit and
 * clause, are ignored; so are empty rows and a header row). Omitted: the CTC 2000 defaults.
 */
export function readTerms(arg: unknown): Terms {
  if (isOmitted(arg)) return DEFAULT_TERMS;
  const rows: unknown[][] = Array.isArray(arg) ? (arg.every(Array.isArray) ? (arg as unknown[][]) : [arg]) : [[arg]];
  if (rows.length === 1 && rows[0].length === 1 && blank(rows[0][0])) return DEFAULT_TERMS;
  if (rows.some((r) => r.length < 2))
    invalid("terms: expected a range of at least two columns, name | value (for example the table RR.TERMS() spills)");
  const overrides: TermOverride[] = [];
  rows.forEach((row, r) => {
    const [name, value] = row;
    if (blank(name) && blank(value)) return;
    if (r === 0 && typeof name === "string" && /^(term|name)$/i.test(name.trim()) && typeof value === "string") return; // header
    const where = `terms (row ${r + 1})`;
    if (typeof name !== "string" || name.trim() === "")
      invalid(`${where}: expected a term name in the first column, got ${describe(name)}`);
    if (typeof value !== "number") invalid(`${where}: ${name.trim()}: expected a number, got ${describe(value)}`);
    overrides.push({ name, value, where });
  });
  return termsWith(overrides);
}

function scalarShares(arg: unknown, name: string): number {
  return checkShares(num(single(required(arg, name, SHARES), name), name, SHARES), name);
}

function scalarDate(arg: unknown, name: string): number {
  return date(single(required(arg, name, "a date"), name), name);
}

/** Optional date: omitted, a blank cell, or 0 (a blank cell on Excel desktop) means none. */
function optionalDate(arg: unknown, name: string): number | null {
  if (isOmitted(arg)) return null;
  const cell = single(arg, name);
  if (blank(cell) || cell === 0) return null;
  return date(cell, name);
}

function demandInput(args: unknown[]): DemandInput {
  const [requestDate, closingDate, requesting, outstanding, requested, price, demandsUsed, lastRegistration] = args;
  return {
    requestDate: scalarDate(requestDate, "request_date"),
    closingDate: scalarDate(closingDate, "closing_date"),
    requesting: scalarShares(requesting, "requesting"),
    outstanding: scalarShares(outstanding, "outstanding"),
    requested: scalarShares(requested, "requested"),
    price: num(single(required(price, "price", "a price per share"), "price"), "price", "a price per share"),
    demandsUsed: checkShares(
      num(single(required(demandsUsed, "demands_used", "a count"), "demands_used"), "demands_used", "a whole number of demands"),
      "demands_used",
    ),
    lastRegistration: optionalDate(lastRegistration, "last_registration"),
  };
}

export function demandCheck(...args: unknown[]): Result {
  return attempt(() => describeDemand(checkDemand(demandInput(args), readTerms(args[8]))));
}

export function demandOk(...args: unknown[]): Result {
  return attempt(() => checkDemand(demandInput(args), readTerms(args[8])).ok);
}

export function agreementDateFn(event: unknown, when: unknown, terms: unknown): Result[][] {
  return grid(() => {
    const t = readTerms(terms);
    const e = vector(required(event, "event", "an event"), "event");
    const d = vector(required(when, "date", "a date"), "date");
    return byRow([e, d], (i) => {
      const ev = at(e, i);
      const dt = at(d, i);
      return agreementDate(parseEvent(text(ev.cell, ev.name, "an event"), ev.name), date(dt.cell, dt.name), t);
    });
  });
}

function optionalFlag(arg: unknown, name: string): Vector {
  return isOmitted(arg) ? { name, cells: [false], orientation: "single" } : vector(arg, name);
}

export function transferOk(transferred: unknown, held: unknown, toAffiliate: unknown, proRata: unknown, terms: unknown): Result[][] {
  return grid(() => {
    const t = readTerms(terms);
    const tr = vector(required(transferred, "transferred", SHARES), "transferred");
    const h = vector(required(held, "held", SHARES), "held");
    const aff = optionalFlag(toAffiliate, "to_affiliate");
    const pro = optionalFlag(proRata, "pro_rata_distribution");
    return byRow([tr, h, aff, pro], (i) => {
      const a = at(tr, i);
      const b = at(h, i);
      return rightsPassOnTransfer(
        checkShares(num(a.cell, a.name, SHARES), a.name),
        checkShares(num(b.cell, b.name, SHARES), b.name),
        bool(at(aff, i).cell, at(aff, i).name),
        bool(at(pro, i).cell, at(pro, i).name),
        t,
      );
    });
  });
}

export function consent(consenting: unknown, outstanding: unknown, terms: unknown): Result {
  return attempt(() => consentCarries(scalarShares(consenting, "consenting"), scalarShares(outstanding, "outstanding"), readTerms(terms)));
}

/** The terms table, header first: term | value | unit | clause. */
export function termsTable(preset: unknown): Result[][] {
  return grid(() => {
    const cell = isOmitted(preset) ? null : single(preset, "preset");
    const table = blank(cell) ? PRESETS.ctc : PRESETS[parsePreset(text(cell, "preset", '"nvca"'))];
    return [["term", "value", "unit", "clause"], ...table.map((t) => [t.name, t.value, t.unit, t.clause])];
  });
}
