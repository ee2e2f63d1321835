// Stock classes and their conversion ratios: OCF 1.2's conversion_mechanism (RATIO_CONVERSION)
// and the 1.0/1.1 shape (ratio on the right itself). Ratios stay exact (decimal.js).

import { Money } from "../engine";
import {
  type JsonObject,
  type Place,
  type Ratio,
  fail,
  isObject,
  list,
  monetary,
  object,
  oneOf,
  optionalMonetary,
  optionalText,
  ratio as readRatio,
  text,
} from "./fields";
import type { Item } from "./package";
import type { ClassType, ConversionRatio, RoundingType } from "./types";

const ROUNDINGS: readonly RoundingType[] = ["FLOOR", "CEILING", "NORMAL"];

export interface RatioState {
  numerator: Money;
  denominator: Money;
  source: "ratio" | "price";
  rounding: RoundingType;
  target: string | null;
  adjustedBy: string | null;
}

export interface ClassState {
  id: string;
  name: string;
  classType: ClassType;
  price: Money | null;
  /** The ratio in force: set from `rights` once all classes are known, then by adjustments. */
  ratio: RatioState | null;
  rights: { ratio: RatioState; targetField: string }[];
  place: Place;
}

export function placeOf(item: Item): Place {
  const o = item.object;
  return { file: item.file, objectType: o.object_type as string, id: o.id as string };
}

/** A ratio conversion mechanism → target shares per share (exact). */
export function readMechanism(
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

export function readClass(item: Item): ClassState {
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

/** Every class by id, each with the ratio it starts with: the first right into a COMMON class, else the first right. */
export function readClasses(items: readonly Item[]): Map<string, ClassState> {
  const classes = new Map<string, ClassState>();
  for (const item of items) {
    const c = readClass(item);
    if (classes.has(c.id)) fail(c.place, "id", `the stock class id "${c.id}" is used twice`);
    classes.set(c.id, c);
  }
  for (const c of classes.values()) {
    for (const r of c.rights) {
      if (r.ratio.target !== null && !classes.has(r.ratio.target))
        fail(c.place, r.targetField, `no stock class "${r.ratio.target}" in the package`);
    }
    const intoCommon = c.rights.find((r) => r.ratio.target !== null && classes.get(r.ratio.target)?.classType === "COMMON");
    c.ratio = (intoCommon ?? c.rights[0])?.ratio ?? null;
  }
  return classes;
}

export function ratioValue(r: RatioState): Money {
  return r.numerator.div(r.denominator);
}

export function roundShares(value: Money, rounding: RoundingType): bigint {
  const mode = rounding === "CEILING" ? Money.ROUND_CEIL : rounding === "NORMAL" ? Money.ROUND_HALF_UP : Money.ROUND_FLOOR;
  return BigInt(value.toDecimalPlaces(0, mode).toFixed(0));
}

export function publicRatio(r: RatioState): ConversionRatio {
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
