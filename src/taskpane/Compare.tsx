// The comparison of two saved scenarios (Scenarios.tsx): holder by holder, the shares included
// and the net proceeds cap of A and B and their differences. Loaded on demand (lazy.tsx, the chunk
// "compare") with the first comparison.
import { Body1 } from "@fluentui/react-components";
import { formatCount } from "../engine";
import type { ScenarioResult } from "../scenario";
import type { GridColumn } from "./Grid";
import { Grid } from "./lazy";

export interface CompareRow {
  name: string;
  a: { included: number; cap: string } | null;
  b: { included: number; cap: string } | null;
}

/** Joins two results by holder name, keeping the order of A then B's extras. */
export function compareResults(a: ScenarioResult, b: ScenarioResult): CompareRow[] {
  const rows = new Map<string, CompareRow>();
  for (const h of a.holders) rows.set(h.name, { name: h.name, a: { included: h.included, cap: h.cap }, b: null });
  for (const h of b.holders) {
    const r = rows.get(h.name) ?? { name: h.name, a: null, b: null };
    r.b = { included: h.included, cap: h.cap };
    rows.set(h.name, r);
  }
  return [...rows.values()];
}

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const signed = (n: number, f: (x: number) => string) => (n === 0 ? "—" : `${n > 0 ? "+" : "−"}${f(Math.abs(n))}`);
const cents = (s: string | undefined) => Math.round(Number(s ?? 0) * 100);

const COMPARE_COLUMNS: GridColumn<CompareRow>[] = [
  { id: "holder", title: "Holder", grow: 2, render: (r) => r.name },
  { id: "aInc", title: "A included", render: (r) => (r.a ? formatCount(r.a.included) : "—"), numeric: true },
  { id: "bInc", title: "B included", render: (r) => (r.b ? formatCount(r.b.included) : "—"), numeric: true },
  { id: "dInc", title: "Δ shares", render: (r) => signed((r.b?.included ?? 0) - (r.a?.included ?? 0), formatCount), numeric: true },
  { id: "aCap", title: "A cap", render: (r) => (r.a ? money.format(Number(r.a.cap)) : "—"), numeric: true },
  { id: "bCap", title: "B cap", render: (r) => (r.b ? money.format(Number(r.b.cap)) : "—"), numeric: true },
  { id: "dCap", title: "Δ cap", render: (r) => signed(cents(r.b?.cap) - cents(r.a?.cap), (c) => money.format(c / 100)), numeric: true },
];

/** The comparison shown under the pickers: which is A and which B, then the table. */
export function Comparison({ a, b, rows }: { a: string; b: string; rows: CompareRow[] }) {
  return (
    <>
      <Body1>
        A = {a}, B = {b}
      </Body1>
      <Grid label="Scenario comparison" items={rows} columns={COMPARE_COLUMNS} rowId={(r) => r.name} />
    </>
  );
}
