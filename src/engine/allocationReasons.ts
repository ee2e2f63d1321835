// One holder's cutback outcome in words (clause "Additional Procedures in Underwritten Offerings;
// Holder Lockups; Cutbacks"), for Explain cell: given a row of cutback()'s result, say whether it
// was included in full, excluded because higher tiers used the capacity, or cut pro rata (and
// whether the largest-remainder rounding gave it the extra share). Kept beside cutback.ts, not in
// it, so that the allocation itself stays one concern. The scenario's results (src/scenario/compute.ts)
// word the same outcomes the same way.

import type { TierOutcome } from "./cutback";

export function describeAllocation(row: {
  requested: number;
  included: number;
  /** The row's tier in cutback()'s tiers. */
  tier: TierOutcome | undefined;
  /** cutback()'s roundedUp flag for the row. */
  roundedUp: boolean;
  /** The pro rata split was by weights rather than by request. */
  byWeights?: boolean;
}): string {
  const cut = row.requested - row.included;
  if (row.requested === 0) return "requested nothing";
  if (!row.tier || row.tier.status === "included" || cut === 0) return "included in full";
  // A row of the cut tier that the rounding left at 0 is cut (100%), not excluded: its tier kept shares.
  if (row.tier.status === "excluded") return "excluded: the capacity was used by higher tiers";
  const rounding = row.roundedUp ? "rounding gave +1 share" : "no rounding share";
  return `cut ${((cut / row.requested) * 100).toFixed(1)}% pro rata by ${row.byWeights ? "weight" : "request"}; ${rounding}`;
}
