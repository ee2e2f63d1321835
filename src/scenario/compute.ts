// The scenario computed with the engine directly: what the pane shows next to the live formulas
// it writes, with a plain-words explanation per holder.

import {
  assessCessation,
  cessationDate,
  cutback,
  holdingPeriodEnd,
  indemnityCap,
  isoDate,
  priorityTier,
  RuleError,
  volumeLimit,
  type Offering,
} from "../engine";
import type { ParsedCapTable } from "./capTable";
import type { ScenarioPayload } from "./payload";
import { ScenarioError } from "./scenarioError";

/** What each tier is, per cutback clause (1 = excluded first). */
export const TIER_NAMES: Record<Offering, Record<number, string>> = {
  demand: { 1: "Company and holders without rights", 2: "Holders with other rights", 3: "Holders" },
  company: { 1: "Selling holders", 2: "Company" },
  "other-demand": { 1: "Company and holders without rights", 2: "Holders other than the initiating holders", 3: "Initiating holders" },
};

export interface HolderResult {
  row: number;
  name: string;
  role: string;
  registrable: number;
  requested: number;
  tier: number;
  included: number;
  cutBack: number;
  /** Fraction of the request cut back, 0..1. */
  cutFraction: number;
  /** Net proceeds = indemnity cap, as a decimal string to the cent. */
  cap: string;
  explanation: string;
  /** tested: the shares Rule 144 is applied to (the registrable count before cessation (iii)). */
  rule144?: {
    volumeLimit: number;
    tested: number;
    holdEnd: string | null;
    ceased: boolean | null;
    status: string;
    /** When the registration rights lapse under cessation (iii), inputs held fixed: a serial, or null with the reason. */
    lapse?: { date: number | null; reason: string };
  };
}

export interface ScenarioResult {
  holders: HolderResult[];
  totals: { registrable: number; requested: number; included: number; cutBack: number; cap: string };
}

export { ScenarioError };

/** "; rights lapse on 2009-01-02 (Rule 144, inputs held fixed)", or why they never lapse; nothing once ceased. */
function lapseNote(lapse: { date: number | null; reason: string } | undefined, ceased: boolean): string {
  if (!lapse || ceased) return "";
  if (lapse.date !== null) return `; rights lapse on ${isoDate(lapse.date)} under Rule 144 (cessation (iii), inputs held fixed)`;
  return `; rights do not lapse under Rule 144 at these inputs (${lapse.reason.replace(/^never: /, "")})`;
}

function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** Computes allocations, caps and explanations; throws ScenarioError with words on bad input. */
export function computeScenario(cap: ParsedCapTable, p: ScenarioPayload): ScenarioResult {
  const byRow = new Map(cap.holders.map((h) => [h.row, h]));
  const rows = p.holders.map((c) => {
    const h = byRow.get(c.row);
    if (!h || h.asConverted === null) throw new ScenarioError(`Row ${c.row + 1} (${c.name}) of the cap table has a problem or is missing.`);
    if (h.name !== c.name) {
      throw new ScenarioError(
        `The cap table changed since this scenario was saved: row ${c.row + 1} is now "${h.name}", not "${c.name}". Read the cap table again and re-run.`,
      );
    }
    const requested = c.requested ?? h.asConverted;
    return { c, h, requested, tier: priorityTier(c.role, p.offering) };
  });
  let weeklyLimit: number | null = null;
  if (p.rule144 && p.rule144.volumes.kind === "weekly") {
    weeklyLimit = volumeLimit(p.rule144.outstanding, p.rule144.volumes.weeks, p.rule144.venue);
  }
  // Cessation (iii) first: a holder whose shares could all be sold under Rule 144 holds no
  // Registrable Securities, so it requests nothing and leaves the cutback.
  const assessed = rows.map((r) => {
    const gross = r.h.asConverted ?? 0;
    if (!p.rule144 || weeklyLimit === null) return { gross, rule144: undefined };
    const rr = p.rule144;
    if (r.h.acquired === null)
      return { gross, rule144: { volumeLimit: weeklyLimit, tested: gross, holdEnd: null, ceased: null, status: "No acquired date." } };
    const input = {
      registrable: gross,
      affiliate: r.h.affiliate,
      acquired: r.h.acquired,
      volumeLimit: weeklyLimit,
      reporting: rr.reporting,
    };
    try {
      const c = assessCessation({ ...input, asOf: rr.asOf });
      const holdEnd = isoDate(holdingPeriodEnd(r.h.acquired, rr.reporting));
      // When the rights lapse (RR.RULE144.CEASEDATE, inputs held fixed): a date, or why never.
      let lapse: { date: number | null; reason: string };
      try {
        lapse = { date: cessationDate(input), reason: "" };
      } catch (err) {
        lapse = { date: null, reason: err instanceof Error ? err.message : String(err) };
      }
      return { gross, rule144: { volumeLimit: weeklyLimit, tested: gross, holdEnd, ceased: c.ceased, status: c.explanation, lapse } };
    } catch (err) {
      const status = err instanceof Error ? err.message : String(err);
      return { gross, rule144: { volumeLimit: weeklyLimit, tested: gross, holdEnd: null, ceased: null, status } };
    }
  });
  const ceased = (i: number) => assessed[i].rule144?.ceased === true;
  const requested = rows.map((r, i) => (ceased(i) ? 0 : r.requested));
  try {
    const result = cutback(
      requested,
      rows.map((r) => r.tier),
      p.capacity,
    );
    const tierStatus = new Map(result.tiers.map((t) => [t.tier, t]));
    const holders: HolderResult[] = rows.map((r, i) => {
      const asked = requested[i];
      const included = result.included[i];
      const cutBack = asked - included;
      const cutFraction = asked === 0 ? 0 : cutBack / asked;
      const tierName = TIER_NAMES[p.offering][r.tier] ?? `Tier ${r.tier}`;
      const t = tierStatus.get(r.tier);
      let how: string;
      if (ceased(i))
        how = `ceased under Rule 144 on ${isoDate(p.rule144!.asOf)}, the as-of date; no longer registrable (definition of "Registrable Securities", cessation (iii))`;
      else if (asked === 0) how = "requested nothing";
      else if (!t || t.status === "included" || cutBack === 0) how = "included in full";
      else if (t.status === "excluded" || included === 0) how = "excluded: the capacity was used by higher tiers";
      else {
        const rounding = result.roundedUp[i] ? "rounding gave +1 share" : "no rounding share";
        how = `cut ${pct(cutFraction)} pro rata by request; ${rounding}`;
      }
      const capMoney = indemnityCap(included, p.price, p.grossSpread, p.commissionPerShare);
      const out: HolderResult = {
        row: r.c.row,
        name: r.h.name,
        role: r.c.role,
        registrable: ceased(i) ? 0 : assessed[i].gross,
        requested: asked,
        tier: r.tier,
        included,
        cutBack,
        cutFraction,
        cap: capMoney.toFixed(2),
        explanation: `Tier ${r.tier} — ${tierName}, ${how}${lapseNote(assessed[i].rule144?.lapse, ceased(i))}.`,
      };
      const rule144 = assessed[i].rule144;
      if (rule144) out.rule144 = rule144;
      return out;
    });
    const sum = (f: (h: HolderResult) => number) => holders.reduce((a, h) => a + f(h), 0);
    const capTotal = holders.reduce((a, h) => a + Math.round(Number(h.cap) * 100), 0) / 100;
    return {
      holders,
      totals: {
        registrable: sum((h) => h.registrable),
        requested: sum((h) => h.requested),
        included: sum((h) => h.included),
        cutBack: sum((h) => h.cutBack),
        cap: capTotal.toFixed(2),
      },
    };
  } catch (err) {
    if (err instanceof RuleError) throw new ScenarioError(err.message);
    throw err;
  }
}
