// Engine errors. The engine throws RuleError for input a rule cannot take; the formula adapters
// turn it into an Excel error in one place (src/functions/excel.ts). The messages themselves are
// built here so that every function words the same problem the same way.

/** Which Excel error a problem becomes: #VALUE! for bad input, #N/A for "outside the model / no data". */
export type RuleErrorKind = "value" | "na";

export class RuleError extends Error {
  readonly kind: RuleErrorKind;
  constructor(message: string, kind: RuleErrorKind = "value") {
    super(message);
    this.name = "RuleError";
    this.kind = kind;
  }
}

/** Thrown for input a rule cannot take: the message names the argument. */
export function invalid(message: string): never {
  throw new RuleError(message, "value");
}

/** Thrown where the answer is unavailable rather than the input wrong (#N/A). */
export function notAvailable(message: string): never {
  throw new RuleError(message, "na");
}

/** "requested (row 3)" or "requested": how messages name an argument and, in a range, its row. */
export function argName(name: string, row?: number): string {
  return row === undefined ? name : `${name} (row ${row + 1})`;
}

const grouping = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/** Thousands separators, as a banker reads a share count: 1,840,000. */
export function formatCount(value: number | bigint): string {
  return grouping.format(value);
}

/** Describes a value the way the user typed it, for "got …" in messages. */
export function describe(value: unknown): string {
  if (value === null || value === undefined || value === "") return "a blank";
  if (typeof value === "string") return `the text "${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return String(value);
  if (typeof value === "bigint") return value.toString();
  return "an error value";
}

/** Lists allowed words for "unknown X" messages: "company", "holder" or "initiating". */
/** "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function listWords(words: readonly string[]): string {
  const quoted = words.map((w) => `"${w}"`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}
