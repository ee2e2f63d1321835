// The cap table sheet an import becomes: a header row the cap-table reader recognises
// (src/scenario/capTable.ts) and rows of plain cell values.

import { invalid, serialFromDate, type Serial } from "../engine";
import { isoDateOrNull } from "./fields";
import type { HolderPosition, OcfImport } from "./types";

export type CapTableCell = string | number | boolean | null;

export const CAP_TABLE_HEADER = ["Holder", "Common", "Preferred", "Conversion ratio", "Acquired date", "Affiliate", "Role"] as const;

/** The ISO date as it is ("2021-03-04"), after checking it is a real date. */
export function isoAcquiredDate(iso: string): string {
  if (isoDateOrNull(iso) === null) invalid(`Acquired date: expected "YYYY-MM-DD", got "${iso}"`);
  return iso;
}

/** The Excel serial (1900 date system) for an ISO date: "2021-03-04" → 44259. */
export function excelSerialFromIso(iso: string): Serial {
  isoAcquiredDate(iso);
  const [y, m, d] = iso.split("-").map(Number);
  return serialFromDate(y, m, d);
}

export interface CapTableRowOptions {
  /** "serial" (default: an Excel date the cap-table reader accepts) or "iso" (text "YYYY-MM-DD"). */
  dates?: "serial" | "iso";
}

function latest(dates: (string | null)[]): string | null {
  let out: string | null = null;
  for (const d of dates) if (d !== null && (out === null || d > out)) out = d;
  return out;
}

function holderRows(h: HolderPosition, fmt: (iso: string | null) => CapTableCell): CapTableCell[][] {
  if (h.preferred.length === 0) {
    return [[h.name, h.common, 0, null, fmt(h.commonLatestAcquired), false, "no-rights"]];
  }
  // Preferred classes with the same ratio share a row; different ratios need rows of their own
  // because a cap-table row has one ratio. Common goes on the first row only, so nothing counts twice.
  const groups = new Map<string, { shares: number; ratio: number; dates: string[] }>();
  for (const p of h.preferred) {
    const key = p.ratio ? p.ratio.exact : "none";
    const g = groups.get(key) ?? { shares: 0, ratio: p.ratio ? p.ratio.value : 0, dates: [] };
    g.shares += p.shares;
    g.dates.push(p.latestAcquired);
    groups.set(key, g);
  }
  return [...groups.values()].map((g, i) => [
    h.name,
    i === 0 ? h.common : 0,
    g.shares,
    g.ratio,
    fmt(latest(i === 0 ? [...g.dates, h.commonLatestAcquired] : g.dates)),
    false,
    "holder",
  ]);
}

/**
 * Rows for a cap table sheet: the header, then one row per stakeholder holding shares, or one
 * row per preferred ratio when a holder's classes convert at different ratios (common on the
 * first of them). Acquired date is the LATEST lot date in the row, so a Rule 144 holding period
 * computed from it is met for every share in the row (each lot's own date is in `lots`).
 * Affiliate is FALSE (OCF does not record it); Role is "holder" for preferred holders (the parties
 * to a registration rights agreement) and "no-rights" for common-only holders. Edit both as needed.
 */
export function toCapTableRows(result: OcfImport, options: CapTableRowOptions = {}): CapTableCell[][] {
  const fmt = (iso: string | null): CapTableCell =>
    iso === null ? null : options.dates === "iso" ? isoAcquiredDate(iso) : excelSerialFromIso(iso);
  const rows: CapTableCell[][] = [[...CAP_TABLE_HEADER]];
  for (const h of result.holders) rows.push(...holderRows(h, fmt));
  return rows;
}
