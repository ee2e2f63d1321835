// Walks an OCF package's stock securities through their transactions to the as-of date and totals
// each stakeholder's common, preferred per class and as-converted shares. Quantities are exact:
// BigInt for shares, the engine's Money (decimal.js) for ratios and prices; never binary floats.
// Any problem rejects the whole package with a RuleError naming file, object id and field.

import { Money, formatCount, sharesFromBig } from "../engine";
import {
  type JsonObject,
  type Place,
  type Ratio,
  date as readDate,
  fail,
  isObject,
  list,
  monetary,
  object,
  oneOf,
  optionalMonetary,
  optionalText,
  positiveShares,
  ratio as readRatio,
  shares as readShares,
  text,
  textList,
  isoDateOrNull,
} from "./fields";
import { type Item, type OcfInput, readPackage } from "./package";
import type {
  ClassType,
  ConversionRatio,
  HolderPosition,
  ImportOptions,
  Lot,
  OcfImport,
  PreferredPosition,
  RoundingType,
  SkippedItem,
  StockClassInfo,
} from "./types";

const ZERO = BigInt(0);
const ROUNDINGS: readonly RoundingType[] = ["FLOOR", "CEILING", "NORMAL"];

/** Why each kind of OCF transaction we do not walk is left out. */
export const SKIP_REASONS = {
  convertible:
    "share count depends on a future financing (SAFEs and convertible notes are not shares until they convert; the stock they convert into arrives as its own TX_STOCK_ISSUANCE)",
  plan: "options, RSUs and other plan awards are not outstanding shares until exercised or settled; any stock issued on exercise arrives as its own TX_STOCK_ISSUANCE",
  warrant: "a warrant is a right to buy shares, not outstanding stock; any stock issued on exercise arrives as its own TX_STOCK_ISSUANCE",
  noHoldings: "does not change who holds how many shares",
  reissuance: "the reissued stock arrives as its own TX_STOCK_ISSUANCE (dated on reissuance, not tacked)",
  afterAsOf: "dated after the as-of date",
  unknown: "not a transaction type this importer knows; check it does not change stock holdings",
} as const;

const NO_HOLDINGS = new Set([
  "TX_STOCK_ACCEPTANCE",
  "TX_VESTING_START",
  "TX_VESTING_EVENT",
  "TX_VESTING_ACCELERATION",
  "TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT",
  "TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT",
  "TX_STOCK_PLAN_POOL_ADJUSTMENT",
  "TX_STOCK_PLAN_RETURN_TO_POOL",
  "TX_STAKEHOLDER_RELATIONSHIP_CHANGE_EVENT",
  "TX_STAKEHOLDER_STATUS_CHANGE_EVENT",
  "TX_STOCK_LEGEND_APPLICATION",
  "TX_STOCK_LEGEND_REMOVAL",
]);

/** Stock transactions we cannot walk and must not ignore (ignoring them would double count). */
const UNSUPPORTED = new Set(["TX_STOCK_CONSOLIDATION"]);

interface RatioState {
  numerator: Money;
  denominator: Money;
  source: "ratio" | "price";
  rounding: RoundingType;
  target: string | null;
  adjustedBy: string | null;
}

interface ClassState {
  id: string;
  name: string;
  classType: ClassType;
  price: Money | null;
  /** The ratio in force: set from `rights` once all classes are known, then by adjustments. */
  ratio: RatioState | null;
  rights: { ratio: RatioState; targetField: string }[];
  place: Place;
}

interface Holder {
  id: string;
  name: string;
  type: string;
  order: number;
}

interface Security {
  id: string;
  stakeholderId: string;
  classId: string;
  shares: bigint;
  acquired: string;
  origin: string;
  active: boolean;
  /** The transaction that ended it, for messages. */
  endedBy: string | null;
}

interface IssuanceRecord {
  item: Item;
  place: Place;
  id: string;
  securityId: string;
  stakeholderId: string;
  classId: string;
  quantity: bigint;
  date: string;
}

function placeOf(item: Item): Place {
  const o = item.object;
  return { file: item.file, objectType: o.object_type as string, id: o.id as string };
}

/** A ratio conversion mechanism → target shares per share (exact), or null for another mechanism. */
function readMechanism(
  m: JsonObject,
  place: Place,
  path: string,
  price: Money | null,
  target: string | null,
  adjustedBy: string | null,
): RatioState {
  if (m.type !== undefined && m.type !== "RATIO_CONVERSION")
    fail(place, `${path}.type`, `only "RATIO_CONVERSION" mechanisms are read, got ${JSON.stringify(m.type)}`);
  const rounding = m.rounding_type === undefined ? "FLOOR" : oneOf(m, "rounding_type", ROUNDINGS, place, `${path}.rounding_type`);
  let r: Ratio;
  let source: "ratio" | "price";
  if (m.ratio !== undefined) {
    r = readRatio(m, "ratio", place, `${path}.ratio`);
    source = "ratio";
  } else if (m.conversion_price !== undefined) {
    const cp = monetary(m, "conversion_price", place, `${path}.conversion_price`);
    if (cp.isZero()) fail(place, `${path}.conversion_price.amount`, "a conversion price cannot be 0");
    if (price === null || price.isZero())
      fail(
        place,
        `${path}.conversion_price`,
        "the ratio is original price ÷ conversion price, but the class has no price_per_share above 0",
      );
    r = { numerator: price, denominator: cp };
    source = "price";
  } else {
    fail(place, path, "expected a ratio {numerator, denominator} or a conversion_price");
  }
  return { ...r, source, rounding, target, adjustedBy };
}

function readClass(item: Item): ClassState {
  const o = item.object;
  const place = placeOf(item);
  const name = text(o, "name", place);
  const classType = oneOf(o, "class_type", ["COMMON", "PREFERRED"] as const, place);
  const price = optionalMonetary(o, "price_per_share", place) ?? null;
  const rights: { ratio: RatioState; targetField: string }[] = [];
  if (o.conversion_rights !== undefined) {
    list(o, "conversion_rights", place).forEach((right, i) => {
      const path = `conversion_rights[${i}]`;
      if (!isObject(right)) fail(place, path, "expected an object");
      const target = optionalText(right, "converts_to_stock_class_id", place, `${path}.converts_to_stock_class_id`) ?? null;
      // OCF 1.2: {type, conversion_mechanism: {type: RATIO_CONVERSION, ratio, conversion_price, rounding_type}}
      // OCF 1.0/1.1: {ratio, rounding_type, converts_to_stock_class_id} on the right itself.
      const ratio =
        right.conversion_mechanism !== undefined
          ? readMechanism(
              object(right, "conversion_mechanism", place, `${path}.conversion_mechanism`),
              place,
              `${path}.conversion_mechanism`,
              price,
              target,
              null,
            )
          : readMechanism({ ...right, type: "RATIO_CONVERSION" }, place, path, price, target, null);
      rights.push({ ratio, targetField: `${path}.converts_to_stock_class_id` });
    });
  }
  return { id: place.id as string, name, classType, price, ratio: null, rights, place };
}

function ratioValue(r: RatioState): Money {
  return r.numerator.div(r.denominator);
}

function roundShares(value: Money, rounding: RoundingType): bigint {
  const mode = rounding === "CEILING" ? Money.ROUND_CEIL : rounding === "NORMAL" ? Money.ROUND_HALF_UP : Money.ROUND_FLOOR;
  return BigInt(value.toDecimalPlaces(0, mode).toFixed(0));
}

function publicRatio(r: RatioState): ConversionRatio {
  const v = ratioValue(r);
  return {
    numerator: r.numerator.toString(),
    denominator: r.denominator.toString(),
    exact: v.toString(),
    value: v.toNumber(),
    source: r.source,
    rounding: r.rounding,
    convertsToStockClassId: r.target,
    adjustedBy: r.adjustedBy,
  };
}

/**
 * Imports an OCF package: reads and checks its files, walks every stock security to the as-of
 * date, and returns each stakeholder's position with a summary of what was skipped and why.
 * Throws RuleError (naming file, object id and field) and returns nothing partial on bad input.
 */
export function importOcf(input: OcfInput, options: ImportOptions = {}): OcfImport {
  const pkg = readPackage(input);
  const asOf = options.asOf ?? pkg.asOf;
  if (isoDateOrNull(asOf) === null) fail({ file: "options" }, "asOf", `expected a date "YYYY-MM-DD", got "${asOf}"`);

  // Stakeholders.
  const holders = new Map<string, Holder>();
  pkg.items.stakeholders_files.forEach((item, order) => {
    const place = placeOf(item);
    const o = item.object;
    if (holders.has(place.id as string)) fail(place, "id", `the stakeholder id "${place.id}" is used twice`);
    const nameObj = object(o, "name", place);
    const name = text(nameObj, "legal_name", place, "name.legal_name").trim();
    const type = oneOf(o, "stakeholder_type", ["INDIVIDUAL", "INSTITUTION"] as const, place);
    holders.set(place.id as string, { id: place.id as string, name, type, order });
  });

  // Stock classes, then their conversion targets (which may come later in the file).
  const classes = new Map<string, ClassState>();
  for (const item of pkg.items.stock_classes_files) {
    const c = readClass(item);
    if (classes.has(c.id)) fail(c.place, "id", `the stock class id "${c.id}" is used twice`);
    classes.set(c.id, c);
  }
  for (const c of classes.values()) {
    for (const r of c.rights) {
      if (r.ratio.target !== null && !classes.has(r.ratio.target))
        fail(c.place, r.targetField, `no stock class "${r.ratio.target}" in the package`);
    }
    // The right used: the first into a common class, else the first (e.g. into a future round).
    const intoCommon = c.rights.find((r) => r.ratio.target !== null && classes.get(r.ratio.target)?.classType === "COMMON");
    c.ratio = (intoCommon ?? c.rights[0])?.ratio ?? null;
  }

  // Transactions: base fields, unique ids, then date order (stable by file order within a date).
  const txIds = new Set<string>();
  const txs = pkg.items.transactions_files.map((item, seq) => {
    const place = placeOf(item);
    if (txIds.has(place.id as string)) fail(place, "id", `the transaction id "${place.id}" is used twice`);
    txIds.add(place.id as string);
    return { item, place, seq, date: readDate(item.object, "date", place) };
  });
  const ordered = [...txs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq));

  const stakeholderRef = (o: JsonObject, place: Place, field = "stakeholder_id"): string => {
    const id = text(o, field, place);
    if (!holders.has(id)) fail(place, field, `no stakeholder "${id}" in the package`);
    return id;
  };
  const classRef = (o: JsonObject, place: Place, field = "stock_class_id"): ClassState => {
    const id = text(o, field, place);
    const c = classes.get(id);
    if (!c) fail(place, field, `no stock class "${id}" in the package`);
    return c;
  };

  // Every stock issuance, checked up front; those whose security results from a transfer,
  // conversion, cancellation or repurchase are applied by that transaction, not on their own.
  const issuances = new Map<string, IssuanceRecord>();
  for (const t of txs) {
    if (t.item.object.object_type !== "TX_STOCK_ISSUANCE") continue;
    const o = t.item.object;
    const securityId = text(o, "security_id", t.place);
    if (issuances.has(securityId))
      fail(t.place, "security_id", `security "${securityId}" is issued twice (also by ${issuances.get(securityId)?.id})`);
    const stakeholderId = stakeholderRef(o, t.place);
    const cls = classRef(o, t.place);
    const quantity = readShares(o, "quantity", t.place);
    monetary(o, "share_price", t.place);
    issuances.set(securityId, {
      item: t.item,
      place: t.place,
      id: t.place.id as string,
      securityId,
      stakeholderId,
      classId: cls.id,
      quantity,
      date: t.date,
    });
  }
  const derived = new Set<string>();
  for (const t of txs) {
    const o = t.item.object;
    if (!["TX_STOCK_TRANSFER", "TX_STOCK_CONVERSION", "TX_STOCK_CANCELLATION", "TX_STOCK_REPURCHASE"].includes(o.object_type as string))
      continue;
    if (o.resulting_security_ids !== undefined) for (const id of textList(o, "resulting_security_ids", t.place)) derived.add(id);
    const balance = optionalText(o, "balance_security_id", t.place);
    if (balance !== undefined) derived.add(balance);
  }

  const securities = new Map<string, Security>();
  const skipped: SkippedItem[] = [];
  const warnings: string[] = [];
  let applied = 0;

  const skip = (place: Place, reason: string) =>
    skipped.push({ file: place.file, id: place.id as string, objectType: place.objectType as string, reason });

  const outstanding = (o: JsonObject, place: Place, field = "security_id"): Security => {
    const id = text(o, field, place);
    const s = securities.get(id);
    if (!s) fail(place, field, `no stock security "${id}" has been issued by this date`);
    if (!s.active) fail(place, field, `security "${id}" is no longer outstanding (ended by ${s.endedBy})`);
    return s;
  };

  /** The security a transaction draws on and the quantity it takes, which the security must hold. */
  const drawn = (o: JsonObject, place: Place, field: string, verb: string): { source: Security; quantity: bigint } => {
    const source = outstanding(o, place);
    const quantity = positiveShares(o, field, place);
    if (quantity > source.shares)
      fail(place, field, `${verb} ${formatCount(quantity)} shares but security "${source.id}" holds ${formatCount(source.shares)}`);
    return { source, quantity };
  };
  const create = (place: Place, field: string, s: Omit<Security, "active" | "endedBy">): void => {
    if (securities.has(s.id)) fail(place, field, `security "${s.id}" already exists`);
    securities.set(s.id, { ...s, active: true, endedBy: null });
  };
  const end = (s: Security, txId: string): void => {
    s.active = false;
    s.endedBy = txId;
  };
  /** Puts what is left of `source` after `taken` into the balance security, or leaves it in place. */
  const settleBalance = (o: JsonObject, place: Place, source: Security, taken: bigint): void => {
    const rest = source.shares - taken;
    const balanceId = optionalText(o, "balance_security_id", place);
    if (balanceId === undefined) {
      source.shares = rest;
      if (rest === ZERO) end(source, place.id as string);
      return;
    }
    end(source, place.id as string);
    const rec = issuances.get(balanceId);
    if (rec) {
      if (rec.quantity !== rest)
        fail(
          place,
          "balance_security_id",
          `the balance security "${balanceId}" is issued (${rec.id}) for ${formatCount(rec.quantity)} shares, but ${formatCount(rest)} remain`,
        );
      if (rec.stakeholderId !== source.stakeholderId || rec.classId !== source.classId)
        fail(
          place,
          "balance_security_id",
          `the balance security "${balanceId}" must stay with the same stakeholder and stock class as "${source.id}"`,
        );
    }
    create(place, "balance_security_id", {
      id: balanceId,
      stakeholderId: source.stakeholderId,
      classId: source.classId,
      shares: rest,
      acquired: source.acquired,
      origin: source.origin,
    });
  };

  for (const t of ordered) {
    const o = t.item.object;
    const type = o.object_type as string;
    const place = t.place;
    const id = place.id as string;
    if (t.date > asOf) {
      skip(place, SKIP_REASONS.afterAsOf);
      continue;
    }
    switch (type) {
      case "TX_STOCK_ISSUANCE": {
        const rec = issuances.get(o.security_id as string) as IssuanceRecord;
        if (derived.has(rec.securityId)) break; // created by the transaction it results from
        create(place, "security_id", {
          id: rec.securityId,
          stakeholderId: rec.stakeholderId,
          classId: rec.classId,
          shares: rec.quantity,
          acquired: rec.date,
          origin: rec.securityId,
        });
        applied++;
        break;
      }
      case "TX_STOCK_TRANSFER": {
        const { source, quantity } = drawn(o, place, "quantity", "transfers");
        const resulting = textList(o, "resulting_security_ids", place);
        let total = ZERO;
        resulting.forEach((rid, i) => {
          const rec = issuances.get(rid);
          const field = `resulting_security_ids[${i}]`;
          if (!rec) fail(place, field, `no TX_STOCK_ISSUANCE issues the resulting security "${rid}", so its holder is unknown`);
          if (rec.classId !== source.classId)
            fail(
              place,
              field,
              `the resulting security "${rid}" is of stock class "${rec.classId}", but the transferred security is "${source.classId}"`,
            );
          total += rec.quantity;
        });
        if (total !== quantity)
          fail(
            place,
            "resulting_security_ids",
            `the resulting securities hold ${formatCount(total)} shares, but the transfer's quantity is ${formatCount(quantity)}`,
          );
        settleBalance(o, place, source, quantity);
        for (const rid of resulting) {
          const rec = issuances.get(rid) as IssuanceRecord;
          create(place, "resulting_security_ids", {
            id: rid,
            stakeholderId: rec.stakeholderId,
            classId: rec.classId,
            shares: rec.quantity,
            acquired: source.acquired,
            origin: source.origin,
          });
        }
        applied++;
        break;
      }
      case "TX_STOCK_CONVERSION": {
        const { source, quantity } = drawn(o, place, "quantity_converted", "converts");
        const resulting = textList(o, "resulting_security_ids", place);
        const missing = resulting.filter((rid) => !issuances.has(rid));
        const cls = classes.get(source.classId) as ClassState;
        const made: Omit<Security, "active" | "endedBy">[] = [];
        if (missing.length === 0) {
          resulting.forEach((rid, i) => {
            const rec = issuances.get(rid) as IssuanceRecord;
            if (rec.stakeholderId !== source.stakeholderId)
              fail(
                place,
                `resulting_security_ids[${i}]`,
                `the resulting security "${rid}" is issued to "${rec.stakeholderId}", but a conversion keeps the holder ("${source.stakeholderId}")`,
              );
            made.push({
              id: rid,
              stakeholderId: rec.stakeholderId,
              classId: rec.classId,
              shares: rec.quantity,
              acquired: source.acquired,
              origin: source.origin,
            });
          });
        } else if (resulting.length === 1 && cls.ratio?.target) {
          // No issuance for the result: apply the class's conversion right in force today.
          const n = roundShares(new Money(quantity.toString()).times(ratioValue(cls.ratio)), cls.ratio.rounding);
          made.push({
            id: resulting[0],
            stakeholderId: source.stakeholderId,
            classId: cls.ratio.target,
            shares: n,
            acquired: source.acquired,
            origin: source.origin,
          });
        } else {
          fail(
            place,
            "resulting_security_ids",
            `no TX_STOCK_ISSUANCE issues the resulting security "${missing[0]}", and the class "${cls.id}" has no conversion right naming a target class to derive it from`,
          );
        }
        settleBalance(o, place, source, quantity);
        for (const s of made) create(place, "resulting_security_ids", s);
        applied++;
        break;
      }
      case "TX_STOCK_CANCELLATION":
      case "TX_STOCK_REPURCHASE": {
        const { source, quantity } = drawn(o, place, "quantity", "removes");
        if (type === "TX_STOCK_REPURCHASE" && o.price !== undefined) monetary(o, "price", place);
        settleBalance(o, place, source, quantity);
        applied++;
        break;
      }
      case "TX_STOCK_RETRACTION": {
        end(outstanding(o, place), id);
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
          s.shares = BigInt(after.toFixed(0));
        }
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
      case "TX_CONVERTIBLE_ISSUANCE":
        skip(place, SKIP_REASONS.convertible);
        break;
      case "TX_PLAN_SECURITY_ISSUANCE":
        skip(place, SKIP_REASONS.plan);
        break;
      case "TX_WARRANT_ISSUANCE":
        skip(place, SKIP_REASONS.warrant);
        break;
      case "TX_STOCK_REISSUANCE":
        skip(place, SKIP_REASONS.reissuance);
        break;
      default:
        if (UNSUPPORTED.has(type))
          fail(place, "object_type", `${type} is not supported by this importer; the package cannot be imported without it`);
        if (type.startsWith("TX_CONVERTIBLE_")) skip(place, `concerns a convertible, which is not imported: ${SKIP_REASONS.convertible}`);
        else if (type.startsWith("TX_PLAN_SECURITY_")) skip(place, `concerns a plan security, which is not imported: ${SKIP_REASONS.plan}`);
        else if (type.startsWith("TX_WARRANT_")) skip(place, `concerns a warrant, which is not imported: ${SKIP_REASONS.warrant}`);
        else if (NO_HOLDINGS.has(type)) skip(place, SKIP_REASONS.noHoldings);
        else skip(place, SKIP_REASONS.unknown);
    }
  }

  // Positions per stakeholder, in the stakeholders file's order.
  const lotsBy = new Map<string, Lot[]>();
  for (const s of securities.values()) {
    if (!s.active || s.shares === ZERO) continue;
    const cls = classes.get(s.classId) as ClassState;
    const lot: Lot = {
      securityId: s.id,
      stockClassId: s.classId,
      classType: cls.classType,
      shares: sharesFromBig(s.shares, `Security "${s.id}"`),
      acquired: s.acquired,
      originSecurityId: s.origin,
    };
    const lots = lotsBy.get(s.stakeholderId) ?? [];
    lots.push(lot);
    lotsBy.set(s.stakeholderId, lots);
  }
  const classOrder = [...classes.keys()];
  const positions: HolderPosition[] = [];
  for (const h of [...holders.values()].sort((a, b) => a.order - b.order)) {
    const lots = lotsBy.get(h.id);
    if (!lots) continue;
    lots.sort((a, b) =>
      a.acquired !== b.acquired
        ? a.acquired < b.acquired
          ? -1
          : 1
        : a.securityId < b.securityId
          ? -1
          : a.securityId > b.securityId
            ? 1
            : 0,
    );
    let common = ZERO;
    const commonDates: string[] = [];
    const prefBy = new Map<string, { shares: bigint; dates: string[] }>();
    for (const lot of lots) {
      if (lot.classType === "COMMON") {
        common += BigInt(lot.shares);
        commonDates.push(lot.acquired);
      } else {
        const p = prefBy.get(lot.stockClassId) ?? { shares: ZERO, dates: [] };
        p.shares += BigInt(lot.shares);
        p.dates.push(lot.acquired);
        prefBy.set(lot.stockClassId, p);
      }
    }
    let total = ZERO;
    let asConverted = common;
    const preferred: PreferredPosition[] = [];
    for (const classId of classOrder.filter((c) => prefBy.has(c))) {
      const p = prefBy.get(classId) as { shares: bigint; dates: string[] };
      const cls = classes.get(classId) as ClassState;
      const conv = cls.ratio ? roundShares(new Money(p.shares.toString()).times(ratioValue(cls.ratio)), cls.ratio.rounding) : ZERO;
      total += p.shares;
      asConverted += conv;
      preferred.push({
        stockClassId: classId,
        className: cls.name,
        shares: sharesFromBig(p.shares, `${h.name}'s ${cls.name}`),
        ratio: cls.ratio ? publicRatio(cls.ratio) : null,
        asConverted: sharesFromBig(conv, `${h.name}'s ${cls.name} as converted`),
        earliestAcquired: p.dates[0],
        latestAcquired: p.dates[p.dates.length - 1],
      });
    }
    positions.push({
      stakeholderId: h.id,
      name: h.name,
      stakeholderType: h.type,
      common: sharesFromBig(common, `${h.name}'s common`),
      commonEarliestAcquired: commonDates[0] ?? null,
      commonLatestAcquired: commonDates[commonDates.length - 1] ?? null,
      preferred,
      totalPreferred: sharesFromBig(total, `${h.name}'s preferred`),
      asConverted: sharesFromBig(asConverted, `${h.name}'s as-converted total`),
      lots,
    });
  }

  const stockClasses: StockClassInfo[] = [...classes.values()].map((c) => ({
    id: c.id,
    name: c.name,
    classType: c.classType,
    pricePerShare: c.price ? c.price.toString() : null,
    conversionRatio: c.ratio ? publicRatio(c.ratio) : null,
  }));
  for (const c of classes.values()) {
    const held = positions.some((p) => p.preferred.some((q) => q.stockClassId === c.id));
    if (c.classType === "PREFERRED" && !c.ratio && held)
      warnings.push(`${c.name} (${c.id}) has no ratio conversion right; its shares count as 0 common as converted.`);
  }
  const securitiesOutstanding = positions.reduce((n, p) => n + p.lots.length, 0);

  return {
    issuer: pkg.issuerName,
    asOf,
    stockClasses,
    holders: positions,
    summary: {
      ocfVersion: pkg.ocfVersion,
      files: pkg.files.length + 1,
      stakeholders: holders.size,
      stockClasses: classes.size,
      transactionsApplied: applied,
      securitiesOutstanding,
      holders: positions.length,
      skipped,
      warnings,
    },
  };
}
