// Field readers for OCF objects. We validate only the fields the importer uses, by hand (the OCF
// JSON schemas are not vendored): each reader throws a RuleError whose message names the file, the
// object (type and id) and the field, so a user can find the line in the export.

import { formatCount, invalid, Money } from "../engine";

/** Where a value sits in the package: used only to word messages. */
export interface Place {
  file: string;
  objectType?: string;
  id?: string;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** "stakeholders.ocf.json: STAKEHOLDER \"sh-1\", field name.legal_name" */
export function where(place: Place, field?: string): string {
  let s = place.file;
  if (place.objectType || place.id) s += `: ${place.objectType ?? "object"}${place.id !== undefined ? ` "${place.id}"` : ""}`;
  if (field) s += place.objectType || place.id ? `, field ${field}` : `: field ${field}`;
  return s;
}

export function fail(place: Place, field: string | undefined, problem: string): never {
  invalid(`${where(place, field)}: ${problem}`);
}

export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function show(v: Json | undefined): string {
  if (v === undefined) return "nothing (the field is missing)";
  if (v === null) return "null";
  if (typeof v === "string") return `"${v.length > 40 ? v.slice(0, 40) + "…" : v}"`;
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  return String(v);
}

export function object(obj: JsonObject, field: string, place: Place, path = field): JsonObject {
  const v = obj[field];
  if (!isObject(v)) fail(place, path, `expected an object, got ${show(v)}`);
  return v;
}

export function optionalObject(obj: JsonObject, field: string, place: Place, path = field): JsonObject | undefined {
  return obj[field] === undefined ? undefined : object(obj, field, place, path);
}

export function text(obj: JsonObject, field: string, place: Place, path = field): string {
  const v = obj[field];
  if (typeof v !== "string" || v.trim() === "") fail(place, path, `expected a non-empty string, got ${show(v)}`);
  return v;
}

export function optionalText(obj: JsonObject, field: string, place: Place, path = field): string | undefined {
  return obj[field] === undefined ? undefined : text(obj, field, place, path);
}

export function list(obj: JsonObject, field: string, place: Place, path = field): Json[] {
  const v = obj[field];
  if (!Array.isArray(v)) fail(place, path, `expected a list, got ${show(v)}`);
  return v;
}

export function textList(obj: JsonObject, field: string, place: Place, path = field): string[] {
  const items = list(obj, field, place, path);
  if (items.length === 0) fail(place, path, "expected at least one id, got an empty list");
  const seen = new Set<string>();
  return items.map((v, i) => {
    if (typeof v !== "string" || v.trim() === "") fail(place, `${path}[${i}]`, `expected an id string, got ${show(v)}`);
    if (seen.has(v)) fail(place, `${path}[${i}]`, `"${v}" is listed twice`);
    seen.add(v);
    return v;
  });
}

// OCF's Numeric type: a decimal string with up to 10 places ("1000", "1.25", "-3.5").
const NUMERIC = /^[+-]?[0-9]+(\.[0-9]{1,10})?$/;

/** An OCF Numeric: a decimal string read exactly (never through a binary float). */
export function numeric(obj: JsonObject, field: string, place: Place, path = field): Money {
  const v = obj[field];
  if (typeof v !== "string") fail(place, path, `expected a decimal string such as "1000", got ${show(v)}`);
  if (!NUMERIC.test(v)) fail(place, path, `expected a decimal string such as "1000", got ${show(v)}`);
  return new Money(v);
}

/** The largest share count a worksheet cell (a binary float) holds exactly: 2^53 − 1. */
export const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/** The end of every message about a count too large to hold exactly. */
export const TOO_LARGE = `more than ${formatCount(Number.MAX_SAFE_INTEGER)}, the largest count a worksheet holds exactly`;

/** A share count as a number, or a RuleError at `place` (the object whose figures add up to it). */
export function exactCount(value: bigint, place: Place, problem: (total: string) => string): number {
  if (value > MAX_EXACT) fail(place, undefined, `${problem(value.toString())}, ${TOO_LARGE}`);
  return Number(value);
}

/** A share quantity: a Numeric that is whole and not negative (trailing ".00" is accepted). */
export function shares(obj: JsonObject, field: string, place: Place, path = field): bigint {
  const d = numeric(obj, field, place, path);
  if (d.isNegative() && !d.isZero()) fail(place, path, `a quantity cannot be negative, got "${obj[field] as string}"`);
  if (!d.isInteger()) fail(place, path, `expected a whole number of shares, got "${obj[field] as string}"`);
  const n = BigInt(d.toFixed(0));
  if (n > MAX_EXACT) fail(place, path, `got "${obj[field] as string}" shares, ${TOO_LARGE}`);
  return n;
}

/** A quantity that must be more than zero (a transfer of nothing is a mistake in the export). */
export function positiveShares(obj: JsonObject, field: string, place: Place, path = field): bigint {
  const q = shares(obj, field, place, path);
  if (q === BigInt(0)) fail(place, path, 'expected a quantity above 0, got "0"');
  return q;
}

/** An OCF Monetary {amount, currency}: the amount, exactly. */
export function monetary(obj: JsonObject, field: string, place: Place, path = field): Money {
  const m = object(obj, field, place, path);
  const amount = numeric(m, "amount", place, `${path}.amount`);
  if (amount.isNegative() && !amount.isZero()) fail(place, `${path}.amount`, `an amount cannot be negative, got "${m.amount as string}"`);
  text(m, "currency", place, `${path}.currency`);
  return amount;
}

export function optionalMonetary(obj: JsonObject, field: string, place: Place, path = field): Money | undefined {
  return obj[field] === undefined ? undefined : monetary(obj, field, place, path);
}

/** A ratio numerator/denominator: both positive, so a zero denominator never divides. */
export interface Ratio {
  numerator: Money;
  denominator: Money;
}

export function ratio(obj: JsonObject, field: string, place: Place, path = field): Ratio {
  const r = object(obj, field, place, path);
  const numerator = numeric(r, "numerator", place, `${path}.numerator`);
  const denominator = numeric(r, "denominator", place, `${path}.denominator`);
  if (denominator.isZero()) fail(place, `${path}.denominator`, "a ratio's denominator cannot be 0");
  if (denominator.isNegative())
    fail(place, `${path}.denominator`, `a ratio's denominator must be above 0, got "${r.denominator as string}"`);
  if (numerator.isNegative() || numerator.isZero())
    fail(place, `${path}.numerator`, `a ratio's numerator must be above 0, got "${r.numerator as string}"`);
  return { numerator, denominator };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks an ISO calendar date "YYYY-MM-DD" (OCF's Date type); returns it unchanged. */
export function isoDateOrNull(v: string): string | null {
  const m = ISO_DATE.exec(v);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return null;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return d <= days ? v : null;
}

export function date(obj: JsonObject, field: string, place: Place, path = field): string {
  const v = obj[field];
  if (typeof v !== "string" || isoDateOrNull(v) === null) fail(place, path, `expected a date "YYYY-MM-DD", got ${show(v)}`);
  return v;
}

export function oneOf<T extends string>(obj: JsonObject, field: string, allowed: readonly T[], place: Place, path = field): T {
  const v = obj[field];
  if (typeof v !== "string" || !(allowed as readonly string[]).includes(v)) {
    fail(place, path, `expected one of ${allowed.map((a) => `"${a}"`).join(", ")}, got ${show(v)}`);
  }
  return v as T;
}
