// Warnings before a run (issue 9, item 3): inputs that are valid but most likely wrong. Each is
// listed in words, naming the rows and columns, and the user may run anyway. Errors (a field that
// cannot be read) are the form's business; these never stop a run on their own.

import { andList, formatCount, listRows } from "../engine";
import { CAP_FIELDS, FIELD_LABELS, REQUIRED_FIELDS, type CapField, type ColumnMapping, type ParsedCapTable } from "./capTable";
import type { ScenarioPayload } from "./payload";
import { parseAddress } from "./sheet";
import type { CapTableLocation } from "./types";

export interface RunWarning {
  /** Stable id, for tests and keys. */
  kind: "mapped-twice" | "unmapped" | "no-ratio" | "duplicate-name" | "zero-price" | "spread";
  text: string;
}

/** Gross spreads outside this band are unusual enough to ask about (fractions: 0.01 = 1%). */
export const USUAL_SPREAD = { low: 0.01, high: 0.1 } as const;

function pct(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(10))}%`;
}

export function runWarnings(
  p: ScenarioPayload,
  cap: { ref: CapTableLocation; headers: string[]; mapping: ColumnMapping; parsed: ParsedCapTable },
): RunWarning[] {
  const out: RunWarning[] = [];
  const column = (i: number) => `column "${cap.headers[i] || `(column ${i + 1})`}"`;

  // One column read as two fields: e.g. Common mapped to the Series B column counts it twice.
  const byColumn = new Map<number, CapField[]>();
  for (const f of CAP_FIELDS) {
    const i = cap.mapping[f];
    if (i !== undefined) byColumn.set(i, [...(byColumn.get(i) ?? []), f]);
  }
  for (const [i, fields] of byColumn)
    if (fields.length > 1)
      out.push({
        kind: "mapped-twice",
        text: `${andList(fields.map((f) => FIELD_LABELS[f]))} all read ${column(i)}: each share there would be counted ${fields.length} times.`,
      });

  const unmapped = CAP_FIELDS.filter((f) => cap.mapping[f] === undefined && !REQUIRED_FIELDS.includes(f));
  const relevant = unmapped.filter(
    (f) => f !== "ratio" && (f !== "acquired" || p.rule144 !== null) && (f !== "affiliate" || p.rule144 !== null),
  );
  for (const f of relevant) {
    const effect: Record<CapField, string> = {
      holder: "",
      common: "",
      convertible: "every holder is taken to hold no convertible shares",
      ratio: "",
      acquired: "no holder gets a Rule 144 test",
      affiliate: "every holder is taken as a non-affiliate for Rule 144",
      role: "the roles come from the pane's role boxes only",
    };
    out.push({ kind: "unmapped", text: `No column is mapped to ${FIELD_LABELS[f]}: ${effect[f]}.` });
  }

  if (cap.mapping.ratio === undefined && cap.parsed.totals.convertible > 0)
    out.push({
      kind: "no-ratio",
      text: `No column is mapped to ${FIELD_LABELS.ratio}, but the holders hold ${formatCount(cap.parsed.totals.convertible)} convertible shares: each is counted as 1 common share.`,
    });

  // Excel rows of the cap table, for naming duplicates where the user will look for them.
  let top = 1;
  try {
    top = parseAddress(cap.ref.address).row;
  } catch {
    // The address was read from Excel; if it cannot be parsed, name body rows from the top.
  }
  const byName = new Map<string, number[]>();
  for (const h of cap.parsed.holders) {
    const key = h.name.trim().replace(/\s+/g, " ").toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), top + 1 + h.row]);
  }
  for (const rows of byName.values())
    if (rows.length > 1) {
      const name = cap.parsed.holders.find((h) => top + 1 + h.row === rows[0])!.name;
      out.push({
        kind: "duplicate-name",
        text: `"${name}" appears in ${listRows(rows)} of ${cap.ref.sheet}: one holder's shares are aggregated for Rule 144 and its cutback; if these are two holders, tell them apart.`,
      });
    }

  if (p.price === 0)
    out.push({ kind: "zero-price", text: "The offering price is $0: every holder's net proceeds, and so its indemnity cap, would be $0." });

  if (p.grossSpread > 0 && p.grossSpread < USUAL_SPREAD.low)
    out.push({
      kind: "spread",
      text: `A gross spread of ${pct(p.grossSpread)} is unusually low. For 6%, type 6% or 0.06.`,
    });
  else if (p.grossSpread > USUAL_SPREAD.high)
    out.push({ kind: "spread", text: `A gross spread of ${pct(p.grossSpread)} is unusually high. For 6%, type 6% or 0.06.` });

  return out;
}
