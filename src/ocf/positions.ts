// Each stakeholder's position on the as-of date, built from the securities the walk left
// outstanding: common, preferred per class, and as converted. Totals are BigInt until the end;
// a total too large for a worksheet cell is refused at the stakeholder it belongs to.

import { Money } from "../engine";
import { type ClassState, publicRatio, ratioValue, roundShares } from "./classes";
import { type Place, exactCount } from "./fields";
import type { Security } from "./walk";
import type { HolderPosition, Lot, PreferredPosition } from "./types";

const ZERO = BigInt(0);

export interface Holder {
  id: string;
  name: string;
  type: string;
  order: number;
  place: Place;
}

function byDateThenId(a: Lot, b: Lot): number {
  if (a.acquired !== b.acquired) return a.acquired < b.acquired ? -1 : 1;
  return a.securityId < b.securityId ? -1 : a.securityId > b.securityId ? 1 : 0;
}

/** "S-1", "S-2" and 3 more: the securities behind a total, for a message. */
function named(lots: Lot[]): string {
  const ids = lots.map((l) => `"${l.securityId}"`);
  return ids.length <= 3 ? ids.join(", ") : `${ids.slice(0, 3).join(", ")} and ${ids.length - 3} more`;
}

export function buildPositions(
  holders: Map<string, Holder>,
  classes: Map<string, ClassState>,
  securities: Map<string, Security>,
): HolderPosition[] {
  const lotsBy = new Map<string, Lot[]>();
  for (const s of securities.values()) {
    if (!s.active || s.shares === ZERO) continue;
    const cls = classes.get(s.classId) as ClassState;
    const lot: Lot = {
      securityId: s.id,
      stockClassId: s.classId,
      classType: cls.classType,
      shares: Number(s.shares), // each security's count was checked when issued or split
      acquired: s.acquired,
      originSecurityId: s.origin,
    };
    const lots = lotsBy.get(s.stakeholderId) ?? [];
    lots.push(lot);
    lotsBy.set(s.stakeholderId, lots);
  }
  const classOrder = [...classes.keys()];
  const positions: HolderPosition[] = [];
  for (const h of [...holders.values()].sort((a, b) => a.order - b.order)) {
    const lots = lotsBy.get(h.id);
    if (!lots) continue;
    lots.sort(byDateThenId);
    const commonLots = lots.filter((l) => l.classType === "COMMON");
    const common = commonLots.reduce((n, l) => n + BigInt(l.shares), ZERO);
    let total = ZERO;
    let asConverted = common;
    const preferred: PreferredPosition[] = [];
    for (const classId of classOrder) {
      const classLots = lots.filter((l) => l.stockClassId === classId && l.classType === "PREFERRED");
      if (classLots.length === 0) continue;
      const cls = classes.get(classId) as ClassState;
      const shares = classLots.reduce((n, l) => n + BigInt(l.shares), ZERO);
      const conv = cls.ratio ? roundShares(new Money(shares.toString()).times(ratioValue(cls.ratio)), cls.ratio.rounding) : ZERO;
      total += shares;
      asConverted += conv;
      const what = `${cls.name} (${classId}) held in ${named(classLots)}`;
      const ratio = cls.ratio ? ratioValue(cls.ratio).toString() : "0";
      preferred.push({
        stockClassId: classId,
        className: cls.name,
        shares: exactCount(shares, h.place, (n) => `the ${what} add up to ${n} shares`),
        ratio: cls.ratio ? publicRatio(cls.ratio) : null,
        asConverted: exactCount(conv, h.place, (n) => `the ${what} convert at ${ratio} into ${n} common`),
        earliestAcquired: classLots[0].acquired,
        latestAcquired: classLots[classLots.length - 1].acquired,
      });
    }
    positions.push({
      stakeholderId: h.id,
      name: h.name,
      stakeholderType: h.type,
      common: exactCount(common, h.place, (n) => `the common shares held in ${named(commonLots)} add up to ${n}`),
      commonEarliestAcquired: commonLots[0]?.acquired ?? null,
      commonLatestAcquired: commonLots[commonLots.length - 1]?.acquired ?? null,
      preferred,
      totalPreferred: exactCount(total, h.place, (n) => `the preferred shares of all classes add up to ${n}`),
      asConverted: exactCount(asConverted, h.place, (n) => `the shares held in ${named(lots)} come to ${n} as converted`),
      lots,
    });
  }
  return positions;
}
