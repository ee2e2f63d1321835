// Adapters for the agreement-mechanics functions (formula contract §5) and the terms table.

import {
  Terms,
  TermValue,
  TERM_CHOICES,
  isTermName,
  termKind,
  listWords,
  DEFAULT_TERMS,
  PRESETS,
  TermOverride,
  termsWith,
  parsePreset,
  checkDemand,
  describeDemand,
  earlyDemandAllowed,
  shelfEnd as engineShelfEnd,
  shelfSuspensionAllowed,
  DemandInput,
  parseEvent,
  agreementDate as engineAgreementDate,
  rightsPassOnTransfer,
  consentCarries,
  checkShares,
  invalid,
} from "../engine";
import {
  Result,
  Vector,
  attempt,
  grid,
  byRow,
  vector,
  single,
  at,
  num,
  bool,
  text,
  date,
  whole,
  isOmitted,
  isBlankOrZero,
  describeCell,
  readCell,
} from "./excel";

const SHARES = "a whole number of shares";

/**
 * The [terms] argument: rows of name | value (further columns, such as RR.TERMS()'s unit and
 * clause, are ignored; so are empty rows, blank or 0 in both columns as Excel desktop passes blank
 * cells, and a header row). A blank value reads as 0, as on desktop, and the term's own check
 * then decides. Omitted, or one blank cell: the CTC 2000 defaults.
 */
export function readTerms(arg: unknown): Terms {
  if (isOmitted(arg)) return DEFAULT_TERMS;
  const rows: unknown[][] = Array.isArray(arg) ? (arg.every(Array.isArray) ? (arg as unknown[][]) : [arg]) : [[arg]];
  if (rows.length === 1 && rows[0].length === 1 && isBlankOrZero(rows[0][0])) return DEFAULT_TERMS;
  if (rows.some((r) => r.length < 2))
    invalid("terms: expected a range of at least two columns, name | value (for example the table RR.TERMS() spills)");
  const overrides: TermOverride[] = [];
  rows.forEach((row, r) => {
    const [name, value] = row;
    if (isBlankOrZero(name) && isBlankOrZero(value)) return;
    if (r === 0 && typeof name === "string" && /^(term|name)$/i.test(name.trim())) return; // a header row (no term is so named)
    const where = `terms (row ${r + 1})`;
    const term = readCell(name);
    if (term.kind !== "text" || term.value.trim() === "") {
      invalid(`${where}: expected a term name in the first column, got ${isBlankOrZero(name) ? "a blank" : describeCell(name)}`);
    }
    overrides.push({ name: term.value, value: termValue(term.value, value, where), where });
  });
  return termsWith(overrides);
}

/**
 * A term's value cell, read by the term's kind: a number for the number kinds (as before: a blank
 * is 0, text is refused with the same message), a word for a choice term (demand_min_base,
 * filing_from), TRUE/FALSE or 1/0 for a flag (demand_value_net: a blank is FALSE). An unknown name
 * reads its value as a number, so its messages are today's; termsWith then names the unknown term.
 */
function termValue(name: string, cell: unknown, where: string): TermValue {
  const key = name.trim().toLowerCase();
  const label = `${where}: ${name.trim()}`;
  const kind = isTermName(key) ? termKind(key) : "count";
  if (kind === "choice") {
    const words: readonly string[] = TERM_CHOICES[key as keyof typeof TERM_CHOICES];
    return text(cell, label, listWords(words));
  }
  if (kind === "flag") return bool(cell, label);
  return num(cell, label, "a number");
}

function scalarShares(arg: unknown, name: string): number {
  return checkShares(num(single(whole(arg), name), name, SHARES), name);
}

function scalarDate(arg: unknown, name: string): number {
  return date(single(whole(arg), name), name);
}

/** Optional date: omitted, a blank cell, or 0 (a blank cell on Excel desktop) means none. */
function optionalDate(arg: unknown, name: string): number | null {
  if (isOmitted(arg)) return null;
  const cell = single(arg, name);
  return isBlankOrZero(cell) ? null : date(cell, name);
}

/**
 * A range of at least two columns: it can only be a [terms] table, never a discount. Formulas
 * written before [discount] existed put [terms] ninth; such a range there is still read as terms.
 */
function isTable(arg: unknown): boolean {
  return Array.isArray(arg) && arg.length > 0 && arg.every((row) => Array.isArray(row) && row.length >= 2);
}

/** RR.DEMAND.CHECK / OK arguments: ..., [last_registration], [discount], [terms]. */
function demandArgs(args: unknown[]): { input: DemandInput; terms: Terms } {
  const [requestDate, closingDate, requesting, outstanding, requested, price, demandsUsed, lastRegistration] = args;
  const [discountArg, termsArg] = isOmitted(args[9]) && isTable(args[8]) ? [null, args[8]] : [args[8], args[9]];
  const input: DemandInput = {
    requestDate: scalarDate(requestDate, "request_date"),
    closingDate: scalarDate(closingDate, "closing_date"),
    requesting: scalarShares(requesting, "requesting"),
    outstanding: scalarShares(outstanding, "outstanding"),
    requested: scalarShares(requested, "requested"),
    price: num(single(whole(price), "price"), "price", "a price per share"),
    demandsUsed: checkShares(num(single(whole(demandsUsed), "demands_used"), "demands_used", "a whole number of demands"), "demands_used"),
    lastRegistration: optionalDate(lastRegistration, "last_registration"),
    // A blank discount (null, "" or desktop's 0) is no discount: 0 either way.
    discount: isOmitted(discountArg)
      ? null
      : num(single(discountArg, "discount"), "discount", "a fraction such as 0.06 for a 6% gross spread"),
  };
  return { input, terms: readTerms(termsArg) };
}

export function demandCheck(...args: unknown[]): Result {
  return attempt(() => {
    const { input, terms } = demandArgs(args);
    return describeDemand(checkDemand(input, terms), terms);
  });
}

export function demandOk(...args: unknown[]): Result {
  return attempt(() => {
    const { input, terms } = demandArgs(args);
    return checkDemand(input, terms).ok;
  });
}

/** RR.DEMAND.EARLY: "Registration on Request" (ii). A blank notice_date (null, "" or desktop's 0) is no notice: FALSE. */
export function demandEarly(requestDate: unknown, closingDate: unknown, noticeDate: unknown, terms: unknown): Result {
  return attempt(() =>
    earlyDemandAllowed(
      scalarDate(requestDate, "request_date"),
      scalarDate(closingDate, "closing_date"),
      optionalDate(noticeDate, "notice_date"),
      readTerms(terms),
    ),
  );
}

/** Days as a count: a blank cell reads as 0 days, as Excel desktop passes it. */
function scalarDays(arg: unknown, name: string): number {
  return num(single(whole(arg), name), name, "a whole number of days");
}

export function shelfEnd(effectiveDate: unknown, suspendedDays: unknown, terms: unknown): Result {
  return attempt(() =>
    engineShelfEnd(scalarDate(effectiveDate, "effective_date"), scalarDays(suspendedDays, "suspended_days"), readTerms(terms)),
  );
}

export function shelfOk(usedDays: unknown, newDays: unknown, terms: unknown): Result {
  return attempt(() => shelfSuspensionAllowed(scalarDays(usedDays, "used_days"), scalarDays(newDays, "new_days"), readTerms(terms)));
}

export function agreementDate(event: unknown, when: unknown, terms: unknown): Result[][] {
  return grid(() => {
    const t = readTerms(terms);
    const e = vector(whole(event), "event");
    const d = vector(whole(when), "date");
    return byRow([e, d], (i) => {
      const ev = at(e, i);
      const dt = at(d, i);
      return engineAgreementDate(parseEvent(text(ev.cell, ev.name, "an event"), ev.name), date(dt.cell, dt.name), t);
    });
  });
}

function optionalFlag(arg: unknown, name: string): Vector {
  return isOmitted(arg) ? { name, cells: [false], orientation: "single" } : vector(arg, name);
}

export function transferOk(transferred: unknown, held: unknown, toAffiliate: unknown, proRata: unknown, terms: unknown): Result[][] {
  return grid(() => {
    const t = readTerms(terms);
    const tr = vector(whole(transferred), "transferred");
    const h = vector(whole(held), "held");
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
export function terms(preset: unknown): Result[][] {
  return grid(() => {
    const cell = isOmitted(preset) ? null : single(preset, "preset");
    // A blank preset cell (null on the web, 0 on desktop) is the default, as an omitted one is.
    const table = isBlankOrZero(cell) ? PRESETS.ctc : PRESETS[parsePreset(text(cell, "preset", '"nvca"'))];
    return [["term", "value", "unit", "clause"], ...table.map((t) => [t.name, t.value, t.unit, t.clause])];
  });
}
