// The import report a lawyer can paste into a memo: the as-of date, shares per class, what was
// not counted (grouped by reason, with counts and each object by name), and the warnings.

import { formatCount } from "../engine";
import { describeObject } from "./catalogue";
import type { OcfImport } from "./types";

export interface ImportReport {
  issuer: string;
  asOf: string;
  /** One-line facts: version, files, holders, transactions applied, securities outstanding. */
  overview: string[];
  classes: { id: string; name: string; classType: string; shares: number; holders: number }[];
  skipped: { reason: string; count: number; objects: string[] }[];
  warnings: string[];
}

/** "1 holder", "3 holders"; "1 security", "2 securities". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function importReport(result: OcfImport): ImportReport {
  const s = result.summary;
  const classes = result.stockClasses.map((c) => {
    const lots = result.holders.flatMap((h) =>
      h.lots.filter((l) => l.stockClassId === c.id).map((l) => ({ h: h.stakeholderId, n: l.shares })),
    );
    return {
      id: c.id,
      name: c.name,
      classType: c.classType,
      shares: lots.reduce((n, l) => n + l.n, 0),
      holders: new Set(lots.map((l) => l.h)).size,
    };
  });
  const groups = new Map<string, string[]>();
  for (const item of s.skipped) {
    const list = groups.get(item.reason) ?? [];
    list.push(describeObject(item.objectType, item.id));
    groups.set(item.reason, list);
  }
  return {
    issuer: result.issuer,
    asOf: result.asOf,
    overview: [
      `OCF version ${s.ocfVersion}; ${plural(s.files, "file")} read.`,
      `${plural(s.stakeholders, "stakeholder")} listed; ${plural(s.holders, "holder")} of stock on ${result.asOf}.`,
      `${plural(s.transactionsApplied, "transaction")} applied; ${plural(s.securitiesOutstanding, "security", "securities")} outstanding.`,
    ],
    classes,
    skipped: [...groups.entries()].map(([reason, objects]) => ({ reason, count: objects.length, objects })),
    warnings: s.warnings,
  };
}

/** The report as plain text, for the clipboard. */
export function importReportText(r: ImportReport): string {
  const out = [
    `OCF import report: ${r.issuer || "(issuer not named)"}`,
    `As of ${r.asOf}`,
    "",
    ...r.overview,
    "",
    "Shares outstanding by class:",
  ];
  for (const c of r.classes)
    out.push(`- ${c.name} (${c.classType.toLowerCase()}, ${c.id}): ${plural(c.shares, "share")} held by ${plural(c.holders, "holder")}`);
  const notCounted = r.skipped.reduce((n, g) => n + g.count, 0);
  out.push("", notCounted === 0 ? "Not counted: nothing." : `Not counted (${plural(notCounted, "object")}):`);
  for (const g of r.skipped) {
    out.push(`- ${plural(g.count, "object")}: ${g.reason}`);
    for (const o of g.objects) out.push(`    ${o}`);
  }
  out.push("", r.warnings.length === 0 ? "Warnings: none." : `Warnings (${formatCount(r.warnings.length)}):`);
  for (const w of r.warnings) out.push(`- ${w}`);
  return out.join("\n");
}
