// Walks the stock securities through their transactions to the as-of date, as OCF's "Traversing
// Transactions" explainer describes (docs/explainers/TraversingTransactions.md in
// Open-Cap-Table-Coalition/Open-Cap-Format-OCF): every stock transaction but an issuance is
// terminal — it closes its source security_id — and whatever remains outstanding (a remainder, a
// transferee's shares, a conversion's or reissuance's result, a consolidated position) is a new
// security_id with its own TX_STOCK_ISSUANCE. That issuance is applied by the transaction it
// results from, so a split between the two cannot count it twice.

import { Money, formatCount } from "../engine";
import { type ClassState, placeOf, readMechanism } from "./classes";
import { OBJECT_TYPES, SKIP_REASONS, describeObject } from "./catalogue";
import {
  type JsonObject,
  type Place,
  MAX_EXACT,
  date as readDate,
  fail,
  monetary,
  object,
  optionalText,
  positiveShares,
  ratio as readRatio,
  shares as readShares,
  text,
  textList,
  TOO_LARGE,
  where,
} from "./fields";
import type { Item } from "./package";
import type { SkippedItem } from "./types";

const ZERO = BigInt(0);

export interface Security {
  id: string;
  stakeholderId: string;
  classId: string;
  shares: bigint;
  acquired: string;
  origin: string;
  active: boolean;
  /** The transaction that closed it, for messages. */
  endedBy: string | null;
}

interface Issuance {
  place: Place;
  securityId: string;
  stakeholderId: string;
  classId: string;
  quantity: bigint;
}

interface Tx {
  item: Item;
  place: Place;
  seq: number;
  date: string;
  type: string;
}

export interface WalkInput {
  transactions: readonly Item[];
  stakeholders: ReadonlySet<string>;
  classes: Map<string, ClassState>;
  asOf: string;
}

export interface WalkResult {
  securities: Map<string, Security>;
  skipped: SkippedItem[];
  warnings: string[];
  applied: number;
}

/** Terminal stock transactions and the fields that name the securities they lead to. */
const RESULT_FIELDS: Readonly<Record<string, readonly ("resulting_security_ids" | "balance_security_id" | "resulting_security_id")[]>> = {
  TX_STOCK_TRANSFER: ["resulting_security_ids", "balance_security_id"],
  TX_STOCK_CONVERSION: ["resulting_security_ids", "balance_security_id"],
  TX_STOCK_CANCELLATION: ["balance_security_id"],
  TX_STOCK_REPURCHASE: ["balance_security_id"],
  TX_STOCK_REISSUANCE: ["resulting_security_ids"],
  TX_STOCK_CONSOLIDATION: ["resulting_security_id"],
};

/** A balance_security_id, with "" read as none: the schema only asks for a string, and real exports write "". */
function balanceId(o: JsonObject, place: Place): string | undefined {
  return o.balance_security_id === "" ? undefined : optionalText(o, "balance_security_id", place);
}

/** The security ids a terminal transaction leads to, with the field each is named in. */
function resultsOf(t: Tx): { id: string; field: string }[] {
  const o = t.item.object;
  const out: { id: string; field: string }[] = [];
  for (const f of RESULT_FIELDS[t.type] ?? []) {
    if (f === "resulting_security_ids") {
      if (o[f] !== undefined) textList(o, f, t.place).forEach((id, i) => out.push({ id, field: `${f}[${i}]` }));
    } else if (f === "balance_security_id") {
      const id = balanceId(o, t.place);
      if (id !== undefined) out.push({ id, field: f });
    } else {
      out.push({ id: text(o, f, t.place), field: f });
    }
  }
  return out;
}

export function walkTransactions(input: WalkInput): WalkResult {
  const { stakeholders, classes, asOf } = input;

  // Base fields, known types, unique ids; then date order (file order within a date).
  const ids = new Set<string>();
  const txs: Tx[] = input.transactions.map((item, seq) => {
    const place = placeOf(item);
    if (ids.has(place.id as string)) fail(place, "id", `the transaction id "${place.id}" is used twice`);
    ids.add(place.id as string);
    const type = place.objectType as string;
    if (!OBJECT_TYPES[type])
      fail(
        place,
        "object_type",
        `"${type}" is not an object type of OCF 1.2.0 or of OCF main; the importer cannot tell whether it changes holdings`,
      );
    return { item, place, seq, date: readDate(item.object, "date", place), type };
  });
  const ordered = [...txs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq));

  const classRef = (o: JsonObject, place: Place): ClassState => {
    const id = text(o, "stock_class_id", place);
    const c = classes.get(id);
    if (!c) fail(place, "stock_class_id", `no stock class "${id}" in the package`);
    return c;
  };

  // Every stock issuance, checked up front.
  const issuances = new Map<string, Issuance>();
  for (const t of txs) {
    if (t.type !== "TX_STOCK_ISSUANCE") continue;
    const o = t.item.object;
    const securityId = text(o, "security_id", t.place);
    const twice = issuances.get(securityId);
    if (twice) fail(t.place, "security_id", `security "${securityId}" is issued twice (also by ${twice.place.id})`);
    const stakeholderId = text(o, "stakeholder_id", t.place);
    if (!stakeholders.has(stakeholderId)) fail(t.place, "stakeholder_id", `no stakeholder "${stakeholderId}" in the package`);
    const cls = classRef(o, t.place);
    const quantity = readShares(o, "quantity", t.place);
    monetary(o, "share_price", t.place);
    issuances.set(securityId, { place: t.place, securityId, stakeholderId, classId: cls.id, quantity });
  }

  // Which transaction each remainder or result comes from: its issuance is applied there.
  const parentOf = new Map<string, Tx>();
  const warnings: string[] = [];
  for (const t of txs) {
    for (const r of resultsOf(t)) {
      const other = parentOf.get(r.id);
      if (other)
        fail(t.place, r.field, `security "${r.id}" is also the result of ${other.place.id}; a security results from one transaction`);
      parentOf.set(r.id, t);
    }
    // Stock from an exercise or a convertible's conversion must be issued to count; say so when it is not.
    const kind = OBJECT_TYPES[t.type];
    const o = t.item.object;
    if (kind.kind === "skip" && Array.isArray(o.resulting_security_ids) && t.date <= asOf) {
      for (const id of o.resulting_security_ids) {
        if (typeof id === "string" && !issuances.has(id))
          warnings.push(
            `${where(t.place, "resulting_security_ids")}: no TX_STOCK_ISSUANCE issues "${id}", so the stock it names is not counted (only issued stock is).`,
          );
      }
    }
  }

  const securities = new Map<string, Security>();
  const skipped: SkippedItem[] = [];
  const splitsApplied = new Set<string>();
  let applied = 0;
  const skip = (place: Place, reason: string) =>
    skipped.push({ file: place.file, id: place.id as string, objectType: place.objectType as string, reason });

  const outstanding = (o: JsonObject, place: Place, field = "security_id", id = text(o, field, place)): Security => {
    const s = securities.get(id);
    if (!s) fail(place, field, `no stock security "${id}" has been issued by this date`);
    if (!s.active) fail(place, field, `security "${id}" is no longer outstanding (closed by ${s.endedBy})`);
    return s;
  };
  const close = (s: Security, txId: string): void => {
    s.active = false;
    s.endedBy = txId;
  };
  const issued = (place: Place, field: string, id: string, what: string): Issuance => {
    const rec = issuances.get(id);
    if (!rec)
      fail(
        place,
        field,
        `no TX_STOCK_ISSUANCE issues the ${what} "${id}"; OCF issues it under its own TX_STOCK_ISSUANCE, which names its holder and quantity`,
      );
    return rec;
  };
  /** Creates a remainder or result from its issuance; it keeps the source's lot date (Rule 144(d) tacking). */
  const openSecurity = (rec: Issuance, from: { acquired: string; origin: string }, place: Place, field: string): void => {
    if (securities.has(rec.securityId)) fail(place, field, `security "${rec.securityId}" already exists`);
    securities.set(rec.securityId, {
      id: rec.securityId,
      stakeholderId: rec.stakeholderId,
      classId: rec.classId,
      shares: rec.quantity,
      acquired: from.acquired,
      origin: from.origin,
      active: true,
      endedBy: null,
    });
  };
  const sameHolder = (rec: Issuance, source: Security, place: Place, field: string, why: string): void => {
    if (rec.stakeholderId !== source.stakeholderId)
      fail(
        place,
        field,
        `"${rec.securityId}" is issued (${rec.place.id}) to "${rec.stakeholderId}", but ${why} stays with "${source.stakeholderId}"`,
      );
  };
  const sameClass = (rec: Issuance, source: Security, place: Place, field: string): void => {
    if (rec.classId !== source.classId)
      fail(place, field, `"${rec.securityId}" is of stock class "${rec.classId}", but security "${source.id}" is of "${source.classId}"`);
  };
  /** The security a transaction draws on and the quantity it takes, which the security must hold. */
  const drawn = (o: JsonObject, place: Place, field: string, verb: string): { source: Security; quantity: bigint } => {
    const source = outstanding(o, place);
    const quantity = positiveShares(o, field, place);
    if (quantity > source.shares)
      fail(place, field, `${verb} ${formatCount(quantity)} shares but security "${source.id}" holds ${formatCount(source.shares)}`);
    return { source, quantity };
  };
  /** Closes `source`; what it still holds after `taken` must be the balance security, issued on its own. */
  const settle = (o: JsonObject, place: Place, source: Security, taken: bigint): void => {
    const rest = source.shares - taken;
    const id = balanceId(o, place);
    close(source, place.id as string);
    if (id === undefined) {
      if (rest !== ZERO)
        fail(
          place,
          "balance_security_id",
          `takes ${formatCount(taken)} of the ${formatCount(source.shares)} shares of security "${source.id}" and names no balance security for the other ${formatCount(rest)}; OCF issues a remainder under a new security id with its own TX_STOCK_ISSUANCE`,
        );
      return;
    }
    const rec = issued(place, "balance_security_id", id, "balance security");
    if (rec.quantity !== rest)
      fail(
        place,
        "balance_security_id",
        `the balance security "${id}" is issued (${rec.place.id}) for ${formatCount(rec.quantity)} shares, but ${formatCount(rest)} remain`,
      );
    sameHolder(rec, source, place, "balance_security_id", "a remainder");
    sameClass(rec, source, place, "balance_security_id");
    openSecurity(rec, source, place, "balance_security_id");
  };

  for (const t of ordered) {
    const { place, type } = t;
    const o = t.item.object;
    const id = place.id as string;
    if (t.date > asOf) {
      skip(place, SKIP_REASONS.afterAsOf);
      continue;
    }
    const treatment = OBJECT_TYPES[type];
    if (treatment.kind !== "walk") {
      skip(place, treatment.kind === "skip" ? SKIP_REASONS[treatment.reason] : "not a transaction");
      continue;
    }
    switch (type) {
      case "TX_STOCK_ISSUANCE": {
        const rec = issuances.get(o.security_id as string) as Issuance;
        const parent = parentOf.get(rec.securityId);
        if (parent) {
          // Applied by the transaction it results from; if that comes after the as-of date, so does this.
          if (parent.date > asOf)
            skip(
              place,
              `records the result of ${describeObject(parent.type, parent.place.id as string)}, which is dated after the as-of date`,
            );
          break;
        }
        openSecurity(rec, { acquired: t.date, origin: rec.securityId }, place, "security_id");
        applied++;
        break;
      }
      case "TX_STOCK_TRANSFER": {
        const { source, quantity } = drawn(o, place, "quantity", "transfers");
        const recs = textList(o, "resulting_security_ids", place).map((rid, i) => {
          const rec = issued(place, `resulting_security_ids[${i}]`, rid, "resulting security");
          sameClass(rec, source, place, `resulting_security_ids[${i}]`);
          return rec;
        });
        const total = recs.reduce((n, r) => n + r.quantity, ZERO);
        if (total !== quantity)
          fail(
            place,
            "resulting_security_ids",
            `the resulting securities hold ${formatCount(total)} shares, but the transfer's quantity is ${formatCount(quantity)}`,
          );
        settle(o, place, source, quantity);
        recs.forEach((rec, i) => openSecurity(rec, source, place, `resulting_security_ids[${i}]`));
        applied++;
        break;
      }
      case "TX_STOCK_CONVERSION": {
        const { source, quantity } = drawn(o, place, "quantity_converted", "converts");
        const recs = textList(o, "resulting_security_ids", place).map((rid, i) => {
          const rec = issued(place, `resulting_security_ids[${i}]`, rid, "resulting security");
          sameHolder(rec, source, place, `resulting_security_ids[${i}]`, "a conversion");
          return rec;
        });
        settle(o, place, source, quantity);
        // Conversion shares tack to the converted shares' date: Rule 144(d)(3)(ii).
        recs.forEach((rec, i) => openSecurity(rec, source, place, `resulting_security_ids[${i}]`));
        applied++;
        break;
      }
      case "TX_STOCK_CANCELLATION":
      case "TX_STOCK_REPURCHASE": {
        const { source, quantity } = drawn(o, place, "quantity", "removes");
        if (type === "TX_STOCK_REPURCHASE" && o.price !== undefined) monetary(o, "price", place);
        settle(o, place, source, quantity);
        applied++;
        break;
      }
      case "TX_STOCK_RETRACTION": {
        close(outstanding(o, place), id);
        applied++;
        break;
      }
      case "TX_STOCK_REISSUANCE": {
        // Reissued in full (no balance): the new certificates hold what the old one held.
        const source = outstanding(o, place);
        if (o.split_transaction_id !== undefined) {
          const split = text(o, "split_transaction_id", place);
          if (!splitsApplied.has(split))
            fail(
              place,
              "split_transaction_id",
              `the split "${split}" has not been applied before this reissuance (it is missing, later, or listed after it on the same date), so the reissued quantities cannot be checked against the split shares`,
            );
        }
        const recs = textList(o, "resulting_security_ids", place).map((rid, i) => {
          const rec = issued(place, `resulting_security_ids[${i}]`, rid, "reissued security");
          sameHolder(rec, source, place, `resulting_security_ids[${i}]`, "a reissued security");
          sameClass(rec, source, place, `resulting_security_ids[${i}]`);
          return rec;
        });
        const total = recs.reduce((n, r) => n + r.quantity, ZERO);
        if (total !== source.shares)
          fail(
            place,
            "resulting_security_ids",
            `the reissued securities hold ${formatCount(total)} shares, but security "${source.id}" holds ${formatCount(source.shares)}; a reissuance is of the whole security`,
          );
        close(source, id);
        // Same shares on a new certificate: the holding period is unchanged (Rule 144(d)(3)(i) for splits).
        recs.forEach((rec, i) => openSecurity(rec, source, place, `resulting_security_ids[${i}]`));
        applied++;
        break;
      }
      case "TX_STOCK_CONSOLIDATION": {
        const sources = textList(o, "security_ids", place).map((sid, i) => outstanding(o, place, `security_ids[${i}]`, sid));
        const rec = issued(place, "resulting_security_id", text(o, "resulting_security_id", place), "consolidated security");
        for (const s of sources) {
          sameHolder(rec, s, place, "resulting_security_id", "a consolidated position");
          sameClass(rec, s, place, "resulting_security_id");
        }
        const total = sources.reduce((n, s) => n + s.shares, ZERO);
        if (total !== rec.quantity)
          fail(
            place,
            "resulting_security_id",
            `"${rec.securityId}" is issued (${rec.place.id}) for ${formatCount(rec.quantity)} shares, but the consolidated securities hold ${formatCount(total)}`,
          );
        // One lot, one date: the latest, so a holding period computed from it is met for every share.
        const latest = sources.reduce((a, b) => (b.acquired > a.acquired ? b : a));
        if (sources.some((s) => s.acquired !== latest.acquired))
          warnings.push(
            `${where(place, "security_ids")}: the consolidated securities were acquired on different dates (${[...new Set(sources.map((s) => s.acquired))].sort().join(", ")}); "${rec.securityId}" is dated ${latest.acquired}, the latest.`,
          );
        for (const s of sources) close(s, id);
        openSecurity(rec, latest, place, "resulting_security_id");
        applied++;
        break;
      }
      case "TX_STOCK_CLASS_SPLIT": {
        const cls = classRef(o, place);
        const r = readRatio(o, "split_ratio", place);
        for (const s of securities.values()) {
          if (!s.active || s.classId !== cls.id) continue;
          const after = new Money(s.shares.toString()).times(r.numerator).div(r.denominator);
          if (!after.isInteger())
            fail(
              place,
              "split_ratio",
              `splitting security "${s.id}" (${formatCount(s.shares)} shares) by ${r.numerator}/${r.denominator} gives ${formatCount(after.toNumber())}, not a whole number of shares`,
            );
          const n = BigInt(after.toFixed(0));
          if (n > MAX_EXACT)
            fail(
              place,
              "split_ratio",
              `splitting security "${s.id}" by ${r.numerator}/${r.denominator} gives ${n.toString()} shares, ${TOO_LARGE}`,
            );
          s.shares = n;
        }
        splitsApplied.add(id);
        applied++;
        break;
      }
      case "TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT": {
        const cls = classRef(o, place);
        const m = object(o, "new_ratio_conversion_mechanism", place);
        cls.ratio = readMechanism(m, place, "new_ratio_conversion_mechanism", cls.price, cls.ratio?.target ?? null, id);
        applied++;
        break;
      }
    }
  }
  return { securities, skipped, warnings, applied };
}
