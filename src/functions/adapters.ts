// One adapter per RR function: read Excel-shaped arguments, call the engine, return Excel values.
// The rules themselves live in src/engine; nothing here decides a legal question.

import {
  registrableShares,
  volumeLimit,
  parseVenue,
  averageWeeklyVolume,
  holdingPeriodEnd,
  assessCessation,
  hasCeased,
  cessationDate,
  dribbleWindows,
  form144Required,
  aggregateGroups,
  CessationInput,
  GroupRow,
  RuleError,
  parseRole,
  parseOffering,
  priorityTier,
  cutbackChecked,
  indemnityCap as engineIndemnityCap,
  splitByFault,
  checkCap,
  capLeft,
  bear,
  checkShares,
  invalid,
  Money,
  DailyVolume,
  MAX_SERIAL,
  scratchFloat64,
  scratchInt32,
  scratchUint8,
  scratchUint32,
} from "../engine";
import {
  Result,
  Vector,
  attempt,
  toExcelError,
  vector,
  single,
  allCells,
  layout,
  layoutOf,
  byRowOf,
  Column,
  at,
  spill,
  byRow,
  grid,
  num,
  bool,
  text,
  date,
  whole,
  isOmitted,
  isBlankOrZero,
  readCell,
  describeCell,
} from "./excel";

const SHARES = "a whole number of shares";

/** A required (col) argument; left empty (null) it reads as one blank cell. */
function vectorOf(arg: unknown, name: string): Vector {
  return vector(whole(arg), name);
}

/** An optional (col) argument: omitted takes `fallback`; a blank cell inside a range reads as 0. */
function optionalVector(arg: unknown, name: string, fallback: unknown): Vector {
  return isOmitted(arg) ? { name, cells: [fallback], orientation: "single" } : vector(arg, name);
}

function shares(v: Vector, i: number): number {
  const { cell, name } = at(v, i);
  return checkShares(num(cell, name, SHARES), name);
}

// Per-row readers for the row-by-row functions: the cell alone, read without allocating when it
// is a plain value of the right kind; anything else goes through the full readers (at, num, bool,
// date), which name the argument and row in their messages.

function cellAt(v: Vector, i: number): unknown {
  return v.cells.length === 1 ? v.cells[0] : v.cells[i];
}

function sharesAt(v: Vector, i: number): number {
  const c = cellAt(v, i);
  return typeof c === "number" && Number.isSafeInteger(c) && c >= 0 ? c : shares(v, i);
}

function numAt(v: Vector, i: number, expected: string): number {
  const c = cellAt(v, i);
  if (typeof c === "number" && Number.isFinite(c)) return c;
  const { cell, name } = at(v, i);
  return num(cell, name, expected);
}

function boolAt(v: Vector, i: number): boolean {
  const c = cellAt(v, i);
  if (typeof c === "boolean") return c;
  const { cell, name } = at(v, i);
  return bool(cell, name);
}

function money(amount: Money): number {
  return amount.toNumber();
}

// §1 Registrable Securities ------------------------------------------------------------------------

export function registrable(common: unknown, convertible: unknown, ratio: unknown, disposed: unknown, ceased: unknown): Result[][] {
  return grid(() => {
    const c = vectorOf(common, "common");
    const cv = vectorOf(convertible, "convertible");
    const r = vectorOf(ratio, "ratio");
    const d = optionalVector(disposed, "disposed", 0);
    const x = optionalVector(ceased, "ceased", false);
    return byRow([c, cv, r, d, x], (i) =>
      registrableShares({
        common: sharesAt(c, i),
        convertible: sharesAt(cv, i),
        ratio: numAt(r, i, "a conversion ratio"),
        disposed: sharesAt(d, i),
        ceased: boolAt(x, i),
      }),
    );
  });
}

// §2 Rule 144 ------------------------------------------------------------------------------------

export function rule144Volume(outstanding: unknown, weeklyVolumes: unknown, venue: unknown): Result {
  return attempt(() => {
    const out = checkShares(num(single(whole(outstanding), "outstanding"), "outstanding", SHARES), "outstanding");
    const weeks = allCells(whole(weeklyVolumes));
    if (weeks.length !== 4) {
      invalid(`weekly_volumes: expected exactly four weekly volumes, got ${weeks.length} ${weeks.length === 1 ? "cell" : "cells"}`);
    }
    const volumes = weeks.map((cell, k) => num(cell, `weekly_volumes (value ${k + 1})`, SHARES));
    // A blank venue cell (null on the web, 0 on desktop) takes the default, as an omitted one does.
    const cell = isOmitted(venue) ? null : single(venue, "venue");
    const where = isBlankOrZero(cell) ? "exchange" : parseVenue(text(cell, "venue", '"exchange" or "otc"'));
    return volumeLimit(out, volumes, where);
  });
}

export function rule144Weekly(dates: unknown, volumes: unknown, filingDate: unknown): Result {
  return attempt(() => {
    const d = vectorOf(dates, "dates");
    const v = vectorOf(volumes, "volumes");
    if (d.cells.length !== v.cells.length) {
      invalid(`volumes: has ${v.cells.length} cells but dates has ${d.cells.length}; give one volume per date`);
    }
    const filing = date(single(whole(filingDate), "filing_date"), "filing_date");
    const days: DailyVolume[] = [];
    for (let i = 0; i < d.cells.length; i++) {
      const dc = at(d, i);
      const vc = at(v, i);
      // An empty row (blank or 0 in both: desktop passes blank cells as 0) has no trading day in it;
      // no date serial is 0, so a 0 date with a volume is a blank date and an error.
      if (isBlankOrZero(dc.cell) && isBlankOrZero(vc.cell)) continue;
      days.push({ date: date(dc.cell, dc.name), volume: checkShares(num(vc.cell, vc.name, SHARES), vc.name) });
    }
    return averageWeeklyVolume(days, filing);
  });
}

/** Omitted → TRUE (the issuer has reported for 90 days); a blank cell reads as 0, FALSE. */
function reportingVector(arg: unknown): Vector {
  return optionalVector(arg, "reporting", true);
}

export function rule144HoldEnd(acquired: unknown, reporting: unknown): Result[][] {
  return grid(() => {
    const a = vectorOf(acquired, "acquired");
    const rep = reportingVector(reporting);
    return byRow([a, rep], (i) => holdingPeriodEnd(date(at(a, i).cell, at(a, i).name), bool(at(rep, i).cell, at(rep, i).name)));
  });
}

function cessation(
  args: { registrable: unknown; affiliate: unknown; acquired: unknown; asOf: unknown; volumeLimit: unknown; reporting: unknown },
  compute: (input: CessationInput) => Result,
): Result[][] {
  return grid(() => {
    // Read in place (no copy of each column), as vectorOf and reportingVector read them.
    const reg = new Column(whole(args.registrable), "registrable");
    const aff = new Column(whole(args.affiliate), "affiliate");
    const acq = new Column(whole(args.acquired), "acquired");
    const asOf = new Column(whole(args.asOf), "as_of");
    const lim = new Column(whole(args.volumeLimit), "volume_limit");
    const rep = isOmitted(args.reporting) ? new Column(true, "reporting") : new Column(args.reporting, "reporting");
    // One input object for every row: the engine keeps nothing of it after the row.
    const input: CessationInput = { registrable: 0, affiliate: false, acquired: 0, asOf: 0, volumeLimit: 0, reporting: true };
    return byRowOf([reg, aff, acq, asOf, lim, rep], (i) => {
      input.registrable = sharesIn(reg, i);
      input.affiliate = boolIn(aff, i);
      input.acquired = dateIn(acq, i);
      input.asOf = dateIn(asOf, i);
      input.volumeLimit = numIn(lim, i, "a volume limit in shares");
      input.reporting = boolIn(rep, i);
      return compute(input);
    });
  });
}

// The per-row readers above, for a Column: the cell itself when it is a plain value of the right
// kind, the full readers (with the row in their messages) for anything else.

function sharesIn(c: Column, i: number): number {
  const x = c.cell(i);
  return typeof x === "number" && Number.isSafeInteger(x) && x >= 0 ? x : shares(c.vector(), i);
}

function numIn(c: Column, i: number, expected: string): number {
  const x = c.cell(i);
  if (typeof x === "number" && Number.isFinite(x)) return x;
  const { cell, name } = at(c.vector(), i);
  return num(cell, name, expected);
}

function boolIn(c: Column, i: number): boolean {
  const x = c.cell(i);
  if (typeof x === "boolean") return x;
  const { cell, name } = at(c.vector(), i);
  return bool(cell, name);
}

function dateIn(c: Column, i: number): number {
  const x = c.cell(i);
  if (typeof x === "number" && Number.isInteger(x) && x >= 1 && x <= MAX_SERIAL) return x; // as checkSerial returns it
  const { cell, name } = at(c.vector(), i);
  return date(cell, name);
}

export function rule144Ceased(
  registrable: unknown,
  affiliate: unknown,
  acquired: unknown,
  asOf: unknown,
  limit: unknown,
  reporting: unknown,
  currentInfo?: unknown,
  sold3m?: unknown,
  group?: unknown,
): Result[][] {
  if (isOmitted(currentInfo) && isOmitted(sold3m) && isOmitted(group)) {
    return cessation({ registrable, affiliate, acquired, asOf, volumeLimit: limit, reporting }, hasCeased);
  }
  const args = { registrable, affiliate, acquired, volumeLimit: limit, reporting, currentInfo, sold3m, group };
  return rule144Rows(args, asOf, "as_of", (input, day) => hasCeased({ ...input, asOf: day! }));
}

export function rule144Status(
  registrable: unknown,
  affiliate: unknown,
  acquired: unknown,
  asOf: unknown,
  limit: unknown,
  reporting: unknown,
  currentInfo?: unknown,
  sold3m?: unknown,
  group?: unknown,
): Result[][] {
  if (isOmitted(currentInfo) && isOmitted(sold3m) && isOmitted(group)) {
    return cessation(
      { registrable, affiliate, acquired, asOf, volumeLimit: limit, reporting },
      (input) => assessCessation(input).explanation,
    );
  }
  const args = { registrable, affiliate, acquired, volumeLimit: limit, reporting, currentInfo, sold3m, group };
  return rule144Rows(args, asOf, "as_of", (input, day) => assessCessation({ ...input, asOf: day! }).explanation);
}

// §6 Rule 144, more of the rule ----------------------------------------------------------------------
// Added beside the §2 adapters above (which stay as they are when none of the §6 arguments is given).

interface Rule144Args {
  registrable: unknown;
  affiliate: unknown;
  acquired: unknown;
  volumeLimit: unknown;
  reporting: unknown;
  currentInfo: unknown;
  sold3m: unknown;
  group: unknown;
}

/** A group label: text or a number; a blank cell (or 0, desktop's blank) is no group. */
function groupLabel(v: Vector, i: number): string | null {
  const { cell, name } = at(v, i);
  const read = readCell(cell);
  if (read.kind === "blank" || (read.kind === "number" && read.value === 0)) return null;
  if (read.kind === "text") return read.value.trim() === "" ? null : read.value.trim();
  if (read.kind === "number") return String(read.value);
  if (read.kind === "error")
    return invalid(`${name}: the cell holds an error (${read.code}); expected a group label (text, or blank for none)`);
  return invalid(`${name}: expected a group label (text, or blank for none), got ${describeCell(cell)}`);
}

/**
 * CEASED / STATUS / CEASEDATE with the §6 arguments: the rows of one call are read once to total
 * each group of affiliates acting in concert (Rule 144(e)(3)(vi)), then each row is computed on its
 * own; a row's own bad input is its own error, and a group that cannot be totalled is an error in
 * each of its affiliate rows.
 */
function rule144Rows(
  args: Rule144Args,
  dateArg: unknown,
  dateName: "as_of" | "from",
  compute: (input: Omit<CessationInput, "asOf">, day: number | undefined) => Result,
): Result[][] {
  return grid(() => {
    const reg = vectorOf(args.registrable, "registrable");
    const aff = vectorOf(args.affiliate, "affiliate");
    const acq = vectorOf(args.acquired, "acquired");
    const day = dateName === "as_of" ? vectorOf(dateArg, "as_of") : optionalVector(dateArg, "from", null);
    const lim = vectorOf(args.volumeLimit, "volume_limit");
    const rep = reportingVector(args.reporting);
    const cur = optionalVector(args.currentInfo, "current_info", true);
    const sold = optionalVector(args.sold3m, "sold_3m", 0);
    const grp = optionalVector(args.group, "group", null);
    const vectors = [reg, aff, acq, day, lim, rep, cur, sold, grp];
    const { length } = layout(vectors);
    const limitOf = (i: number) => num(at(lim, i).cell, at(lim, i).name, "a volume limit in shares");

    const rows: GroupRow[] = [];
    for (let i = 0; i < length; i++) {
      let label: string | null;
      try {
        label = groupLabel(grp, i);
      } catch {
        rows.push({ label: null }); // its own error, in its own cell
        continue;
      }
      if (label === null) {
        rows.push({ label });
        continue;
      }
      try {
        const affiliate = bool(at(aff, i).cell, at(aff, i).name);
        rows.push(
          affiliate
            ? { label, affiliate, registrable: shares(reg, i), sold3m: shares(sold, i), volumeLimit: limitOf(i) }
            : { label, affiliate, registrable: 0, sold3m: 0, volumeLimit: 0 },
        );
      } catch {
        rows.push({ label, unreadable: true });
      }
    }
    const groups = rows.some((r) => r.label !== null) ? aggregateGroups(rows) : [];

    return byRow(vectors, (i) => {
      const input: Omit<CessationInput, "asOf"> = {
        registrable: shares(reg, i),
        affiliate: bool(at(aff, i).cell, at(aff, i).name),
        acquired: date(at(acq, i).cell, at(acq, i).name),
        volumeLimit: limitOf(i),
        reporting: bool(at(rep, i).cell, at(rep, i).name),
        currentInfo: bool(at(cur, i).cell, at(cur, i).name),
        sold3m: shares(sold, i),
      };
      const { cell, name } = at(day, i);
      // No date serial is 0, so a blank [from] cell (0 on desktop) takes the default, as an omitted one does.
      const when = dateName === "from" && isBlankOrZero(cell) ? undefined : date(cell, name);
      groupLabel(grp, i);
      const total = groups[i];
      if (total instanceof RuleError) throw total;
      return compute(total ? { ...input, group: total } : input, when);
    });
  });
}

export function rule144CeaseDate(
  registrable: unknown,
  affiliate: unknown,
  acquired: unknown,
  limit: unknown,
  reporting: unknown,
  currentInfo: unknown,
  sold3m: unknown,
  group: unknown,
  from: unknown,
): Result[][] {
  const args = { registrable, affiliate, acquired, volumeLimit: limit, reporting, currentInfo, sold3m, group };
  return rule144Rows(args, from, "from", (input, day) => cessationDate(input, day));
}

export function rule144Windows(registrable: unknown, limit: unknown, sold3m: unknown): Result[][] {
  return grid(() => {
    const reg = vectorOf(registrable, "registrable");
    const lim = vectorOf(limit, "volume_limit");
    const sold = optionalVector(sold3m, "sold_3m", 0);
    return byRow([reg, lim, sold], (i) =>
      dribbleWindows(shares(reg, i), num(at(lim, i).cell, at(lim, i).name, "a volume limit in shares"), shares(sold, i)),
    );
  });
}

export function rule144Form144(sharesSold: unknown, amount: unknown, affiliate: unknown, saleDate: unknown): Result[][] {
  return grid(() => {
    const s = vectorOf(sharesSold, "shares");
    const a = vectorOf(amount, "amount");
    const aff = vectorOf(affiliate, "affiliate");
    const d = vectorOf(saleDate, "sale_date");
    return byRow([s, a, aff, d], (i) =>
      form144Required(
        shares(s, i),
        num(at(a, i).cell, at(a, i).name, "an aggregate sale price in dollars"),
        bool(at(aff, i).cell, at(aff, i).name),
        date(at(d, i).cell, at(d, i).name),
      ),
    );
  });
}

// §3 Cutbacks ------------------------------------------------------------------------------------

export function priority(role: unknown, offering: unknown): Result[][] {
  return grid(() => {
    const r = vectorOf(role, "role");
    const o = vectorOf(offering, "offering");
    return byRow([r, o], (i) => {
      const roleCell = at(r, i);
      const offeringCell = at(o, i);
      const theRole = parseRole(text(roleCell.cell, roleCell.name, "a role"), roleCell.name);
      const theOffering = parseOffering(text(offeringCell.cell, offeringCell.name, "an offering"), offeringCell.name);
      return priorityTier(theRole, theOffering);
    });
  });
}

function tierOf(v: Vector, i: number): number {
  const { cell, name } = at(v, i);
  const t = num(cell, name, "a tier (a whole number of 1 or more)");
  if (!Number.isSafeInteger(t) || t < 1) invalid(`${name}: expected a tier, a whole number of 1 or more (see RR.PRIORITY), got ${t}`);
  return t;
}

export function cutback(requested: unknown, priorityTiers: unknown, capacity: unknown, weights: unknown): Result[][] {
  return grid(() => {
    const cap = checkShares(num(single(whole(capacity), "capacity"), "capacity", SHARES), "capacity");
    // Read in place (a million rows copied into vectors first would be as much memory again).
    const req = new Column(whole(requested), "requested");
    const pri = new Column(whole(priorityTiers), "priority");
    const w = isOmitted(weights) ? undefined : new Column(weights, "weights");
    const { length, orientation } = layoutOf(w ? [req, pri, w] : [req, pri]);

    // Rows with bad input show their own error and take no part in the split. Results are written
    // straight into the spilled shape (no intermediate array: a million rows are a lot of memory).
    const column = orientation !== "row";
    const results = new Array<Result>(column ? 0 : length);
    const out = new Array<Result[]>(column ? length : 1);
    const rows = scratchInt32("CUTBACK.rows", length);
    const wts = scratchFloat64("CUTBACK.weights", w ? length : 0);
    const k = readCutbackRows(
      req,
      pri,
      w,
      length,
      rows,
      scratchUint32("CUTBACK.requested", length),
      scratchUint8("CUTBACK.priority", length),
      wts,
      out,
      column ? null : results,
    );
    const included = cutbackChecked(requestRows.subarray(0, k), tierRows.subarray(0, k), cap, w ? wts.subarray(0, k) : undefined);
    if (column) {
      spillColumn(included, k, compacted ? rows : null, out);
      return out;
    }
    for (let j = 0; j < k; j++) results[compacted ? rows[j] : j] = included[j];
    out[0] = results;
    return out;
  });
}

/** Whether readCutbackRows left a row out (so that rows[] maps the rows read to their places). */
let compacted = false;
/** The tiers readCutbackRows read: bytes while every tier is below 256 (RR.PRIORITY's are 1–3). */
let tierRows: Uint8Array | Float64Array = new Uint8Array(0);
/** The requests it read: 32-bit while every request is below 2^32 (half the memory of doubles). */
let requestRows: Uint32Array | Float64Array = new Uint32Array(0);

/**
 * Reads RR.CUTBACK's rows into reqs, tiers and wts (compacted: the rows that take part), and puts
 * the 0 of an empty row or the error of a bad one in its place: a one-cell row of `out` down a
 * column, a cell of `results` along a row. rows[j] is the place of the j-th row read,
 * written only once a row has been left out (`compacted`). Returns the number of rows read. A loop
 * of its own, so that V8's compiled loop is not thrown away on the code after it on every call.
 */
function readCutbackRows(
  req: Column,
  pri: Column,
  w: Column | undefined,
  length: number,
  rows: Int32Array,
  words: Uint32Array,
  bytes: Uint8Array,
  wts: Float64Array,
  out: Result[][],
  results: Result[] | null,
): number {
  let tiers: Uint8Array | Float64Array = bytes;
  let reqs: Uint32Array | Float64Array = words;
  let k = 0;
  let skipped = false;
  for (let i = 0; i < length; i++) {
    const rc = req.cell(i);
    const pc = pri.cell(i);
    const wc = w === undefined ? 0 : w.cell(i);
    // The common case, read without allocating: plain numbers, a whole count, a whole tier ≥ 1
    // and a finite weight ≥ 0.
    if (
      typeof rc === "number" &&
      typeof pc === "number" &&
      typeof wc === "number" &&
      Number.isSafeInteger(rc) &&
      rc >= 0 &&
      Number.isSafeInteger(pc) &&
      pc >= 1 &&
      Number.isFinite(wc) &&
      wc >= 0
    ) {
      if (skipped) rows[k] = i;
      if (pc > 255 && tiers === bytes) tiers = widen(bytes, k, length, "CUTBACK.priority");
      if (rc > 0xffffffff && reqs === words) reqs = widen(words, k, length, "CUTBACK.requested");
      reqs[k] = rc;
      tiers[k] = pc;
      if (w !== undefined) wts[k] = wc;
      k++;
      continue;
    }
    if (!skipped) {
      for (let j = 0; j < k; j++) rows[j] = j;
      skipped = true;
    }
    // An empty row (requested, priority and weights all blank or 0) asks for nothing: 0, no part.
    if (isBlankOrZero(rc) && isBlankOrZero(pc) && (!w || isBlankOrZero(wc))) {
      if (results === null) out[i] = [0];
      else results[i] = 0;
      continue;
    }
    try {
      const r = shares(req.vector(), i);
      const t = tierOf(pri.vector(), i);
      let weight = 0;
      if (w) {
        const { cell, name } = at(w.vector(), i);
        weight = num(cell, name, "a weight");
        if (weight < 0) invalid(`${name}: expected a weight of 0 or more, got ${weight}`);
      }
      rows[k] = i;
      if (t > 255 && tiers === bytes) tiers = widen(bytes, k, length, "CUTBACK.priority");
      if (r > 0xffffffff && reqs === words) reqs = widen(words, k, length, "CUTBACK.requested");
      reqs[k] = r;
      tiers[k] = t;
      if (w) wts[k] = weight;
      k++;
    } catch (problem) {
      const error = toExcelError(problem);
      if (results === null) out[i] = [error];
      else results[i] = error;
    }
  }
  compacted = skipped;
  tierRows = tiers;
  requestRows = reqs;
  return k;
}

/** The first k values read into a narrow array, in doubles, for a value too large for it. */
function widen(narrow: Uint8Array | Uint32Array, k: number, length: number, slot: string): Float64Array {
  const wide = scratchFloat64(slot, length);
  for (let j = 0; j < k; j++) wide[j] = narrow[j];
  return wide;
}

/** included[j] into out as a one-cell row, at rows[j] (or at j when no row was left out). */
function spillColumn(included: Float64Array, k: number, rows: Int32Array | null, out: Result[][]): void {
  if (rows === null) for (let j = 0; j < k; j++) out[j] = [included[j]];
  else for (let j = 0; j < k; j++) out[rows[j]] = [included[j]];
}

// §4 Indemnity and contribution ------------------------------------------------------------------

export function indemnityCap(sharesSold: unknown, price: unknown, discount: unknown, commission: unknown): Result[][] {
  return grid(() => {
    const s = vectorOf(sharesSold, "shares_sold");
    const p = vectorOf(price, "price");
    const d = vectorOf(discount, "discount");
    const c = optionalVector(commission, "commission_per_share", 0);
    return byRow([s, p, d, c], (i) =>
      money(
        engineIndemnityCap(
          shares(s, i),
          num(at(p, i).cell, at(p, i).name, "a price per share"),
          num(at(d, i).cell, at(d, i).name, "a fraction such as 0.06"),
          num(at(c, i).cell, at(c, i).name, "an amount per share"),
        ),
      ),
    );
  });
}

/** A cap cell: an amount, or the text "none" for an uncapped party; a blank cell is a cap of 0. */
function capOf(v: Vector, i: number): Money | null {
  const { cell, name } = at(v, i);
  const read = readCell(cell);
  if (read.kind === "text" && read.value.trim().toLowerCase() === "none") return null;
  if (read.kind === "text" && read.value.trim() !== "") {
    invalid(`${name}: expected an amount, or the text "none" for an uncapped party, got the text "${read.value}"`);
  }
  return checkCap(num(cell, name, 'an amount or "none"'), name);
}

/** The cap left for row i: its cap less what it already bore under it (cap_used; a blank is 0). */
function capLeftOf(caps: Vector, used: Vector, i: number): Money | null {
  const { cell, name } = at(used, i);
  return capLeft(capOf(caps, i), num(cell, name, "an amount already borne under the cap"), name);
}

interface Split {
  length: number;
  orientation: ReturnType<typeof layout>["orientation"];
  /** Per row: its share of the loss by fault, or the error that row has. */
  parts: (Money | CustomFunctions.Error)[];
  caps: Vector;
  used: Vector;
}

/** Splits the loss among the rows whose fault is valid; rows with a bad fault keep their error. */
function splitLoss(loss: unknown, fault: unknown, cap: unknown, capUsed: unknown): Split {
  const amount = num(single(whole(loss), "loss"), "loss", "an amount");
  const f = vectorOf(fault, "fault");
  const c = vectorOf(cap, "cap");
  const u = optionalVector(capUsed, "cap_used", 0);
  const { length, orientation } = layout([f, c, u]);
  const parts = new Array<Money | CustomFunctions.Error>(length);
  const rows: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < length; i++) {
    const { cell, name } = at(f, i);
    try {
      const weight = num(cell, name, "a relative fault weight");
      if (weight < 0) invalid(`${name}: expected a relative fault weight of 0 or more, got ${weight}`);
      weights.push(weight);
      rows.push(i);
    } catch (problem) {
      parts[i] = toExcelError(problem);
    }
  }
  splitByFault(amount, weights).forEach((part, k) => (parts[rows[k]] = part));
  return { length, orientation, parts, caps: c, used: u };
}

export function indemnityAllocate(loss: unknown, fault: unknown, cap: unknown, capUsed: unknown): Result[][] {
  return grid(() => {
    const { parts, caps, used, orientation } = splitLoss(loss, fault, cap, capUsed);
    const results = parts.map((part, i) => (part instanceof Money ? attempt(() => money(bear(part, capLeftOf(caps, used, i)))) : part));
    return spill(results, orientation);
  });
}

export function indemnityUncovered(loss: unknown, fault: unknown, cap: unknown, capUsed: unknown): Result {
  return attempt(() => {
    const { parts, caps, used } = splitLoss(loss, fault, cap, capUsed);
    let uncovered = new Money(0);
    parts.forEach((part, i) => {
      if (!(part instanceof Money)) throw part; // one bad row leaves the total unknown
      uncovered = uncovered.plus(part.minus(bear(part, capLeftOf(caps, used, i))));
    });
    return money(uncovered);
  });
}
