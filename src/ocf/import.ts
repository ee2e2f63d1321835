// Imports an OCF package in three stages: read and check the files (package.ts), walk the stock
// transactions to the as-of date (walk.ts), and total each stakeholder's position (positions.ts).
// Quantities are exact throughout: BigInt shares, decimal.js ratios. Any problem rejects the
// whole package with a RuleError naming the file, the object, the field and the value.

import { readClasses, placeOf, publicRatio } from "./classes";
import { OBJECT_TYPES, SKIP_REASONS } from "./catalogue";
import { fail, isoDateOrNull, object, oneOf, text } from "./fields";
import { type FileSlot, type OcfInput, readPackage } from "./package";
import { type Holder, buildPositions } from "./positions";
import { walkTransactions } from "./walk";
import type { ImportOptions, OcfImport, SkippedItem, StockClassInfo } from "./types";

export { SKIP_REASONS } from "./catalogue";

/** Files whose objects are listed as not counted (they never change outstanding stock). */
const NOT_COUNTED_SLOTS: readonly FileSlot[] = [
  "stock_plans_files",
  "stock_legend_templates_files",
  "vesting_terms_files",
  "valuations_files",
  "documents_files",
  "financings_files",
];

/**
 * Imports an OCF package: reads and checks its files, walks every stock security to the as-of
 * date, and returns each stakeholder's position with a summary of what was not counted and why.
 * Throws RuleError (naming file, object id and field) and returns nothing partial on bad input.
 */
export function importOcf(input: OcfInput, options: ImportOptions = {}): OcfImport {
  const pkg = readPackage(input);
  const asOf = options.asOf ?? pkg.asOf;
  if (isoDateOrNull(asOf) === null) fail({ file: "options" }, "asOf", `expected a date "YYYY-MM-DD", got "${asOf}"`);

  const holders = new Map<string, Holder>();
  pkg.items.stakeholders_files.forEach((item, order) => {
    const place = placeOf(item);
    const id = place.id as string;
    if (holders.has(id)) fail(place, "id", `the stakeholder id "${id}" is used twice`);
    const name = text(object(item.object, "name", place), "legal_name", place, "name.legal_name").trim();
    const type = oneOf(item.object, "stakeholder_type", ["INDIVIDUAL", "INSTITUTION"] as const, place);
    holders.set(id, { id, name, type, order, place });
  });
  const classes = readClasses(pkg.items.stock_classes_files);

  const walked = walkTransactions({ transactions: pkg.items.transactions_files, stakeholders: new Set(holders.keys()), classes, asOf });
  const positions = buildPositions(holders, classes, walked.securities);

  const skipped: SkippedItem[] = [...walked.skipped];
  for (const slot of NOT_COUNTED_SLOTS) {
    for (const item of pkg.items[slot]) {
      const t = OBJECT_TYPES[item.object.object_type as string];
      if (t?.kind === "skip")
        skipped.push({
          file: item.file,
          id: item.object.id as string,
          objectType: item.object.object_type as string,
          reason: SKIP_REASONS[t.reason],
        });
    }
  }

  const warnings = [...walked.warnings];
  for (const c of classes.values()) {
    const held = positions.some((p) => p.preferred.some((q) => q.stockClassId === c.id));
    if (c.classType === "PREFERRED" && !c.ratio && held)
      warnings.push(`${c.name} (${c.id}) has no ratio conversion right; its shares count as 0 common as converted.`);
  }
  if (positions.length === 0) warnings.push(`No stakeholder holds stock on ${asOf}; the cap table has no rows.`);

  const stockClasses: StockClassInfo[] = [...classes.values()].map((c) => ({
    id: c.id,
    name: c.name,
    classType: c.classType,
    pricePerShare: c.price ? c.price.toString() : null,
    conversionRatio: c.ratio ? publicRatio(c.ratio) : null,
  }));

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
      transactionsApplied: walked.applied,
      securitiesOutstanding: positions.reduce((n, p) => n + p.lots.length, 0),
      holders: positions.length,
      skipped,
      warnings,
    },
  };
}
