// The scenario computed with the engine directly: what the pane shows next to the live formulas
// it writes, with a plain-words explanation per holder.

import {
  assessCessation,
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
  rule144?: { volumeLimit: number; holdEnd: string | null; ceased: boolean | null; status: string };
}

export interface ScenarioResult {
  holders: HolderResult[];
  totals: { registrable: number; requested: number; included: number; cutBack: number; cap: string };
}

export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScenarioError";
  }
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
  try {
    const result = cutback(
      rows.map((r) => r.requested),
      rows.map((r) => r.tier),
      p.capacity,
    );
    const tierStatus = new Map(result.tiers.map((t) => [t.tier, t]));
    let weeklyLimit: number | null = null;
    if (p.rule144 && p.rule144.volumes.kind === "weekly") {
      weeklyLimit = volumeLimit(p.rule144.outstanding, p.rule144.volumes.weeks, p.rule144.venue);
    }
    const holders: HolderResult[] = rows.map((r, i) => {
      const included = result.included[i];
      const cutBack = r.requested - included;
      const cutFraction = r.requested === 0 ? 0 : cutBack / r.requested;
      const tierName = TIER_NAMES[p.offering][r.tier] ?? `Tier ${r.tier}`;
      const t = tierStatus.get(r.tier);
      let how: string;
      if (r.requested === 0) how = "requested nothing";
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
        registrable: r.h.asConverted ?? 0,
        requested: r.requested,
        tier: r.tier,
        included,
        cutBack,
        cutFraction,
        cap: capMoney.toFixed(2),
        explanation: `Tier ${r.tier} — ${tierName}, ${how}.`,
      };
      if (p.rule144 && weeklyLimit !== null) {
        const rr = p.rule144;
        if (r.h.acquired === null) {
          out.rule144 = { volumeLimit: weeklyLimit, holdEnd: null, ceased: null, status: "No acquired date." };
        } else {
          try {
            const c = assessCessation({
              registrable: out.registrable,
              affiliate: r.h.affiliate,
              acquired: r.h.acquired,
              asOf: rr.asOf,
              volumeLimit: weeklyLimit,
              reporting: rr.reporting,
            });
            out.rule144 = {
              volumeLimit: weeklyLimit,
              holdEnd: isoDate(holdingPeriodEnd(r.h.acquired, rr.reporting)),
              ceased: c.ceased,
              status: c.explanation,
            };
          } catch (err) {
            out.rule144 = {
              volumeLimit: weeklyLimit,
              holdEnd: null,
              ceased: null,
              status: err instanceof Error ? err.message : String(err),
            };
          }
        }
      }
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
