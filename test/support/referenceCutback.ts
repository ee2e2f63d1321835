// A deliberately plain reference for cutbacks, written from the contract's words and nothing else:
// BigInt rationals, naive re-splitting, a full sort. Slow and obviously right; the engine is
// checked against it on random inputs, small (fast path) and huge (exact path).

export function referenceCutback(requested: bigint[], tiers: number[], capacity: bigint, weights?: bigint[]): bigint[] {
  const n = requested.length;
  const total = requested.reduce((a, b) => a + b, 0n);
  if (total <= capacity) return requested.slice();
  const result = requested.map(() => 0n);
  let left = capacity;
  const order = [...new Set(tiers)].sort((a, b) => b - a);
  for (const tier of order) {
    const rows = [...Array(n).keys()].filter((i) => tiers[i] === tier);
    const tierTotal = rows.reduce((a, i) => a + requested[i], 0n);
    if (tierTotal <= left) {
      rows.forEach((i) => (result[i] = requested[i]));
      left -= tierTotal;
      continue;
    }
    // Pro rata by weight (default: the request), capped at the request, surplus re-split.
    const w = (i: number) => (weights ? weights[i] : requested[i]);
    let open = rows.filter((i) => w(i) > 0n && requested[i] > 0n);
    let K = left;
    for (;;) {
      const W = open.reduce((a, i) => a + w(i), 0n);
      const capped = open.filter((i) => requested[i] * W <= K * w(i));
      if (capped.length === 0 || W === 0n) break;
      capped.forEach((i) => {
        result[i] = requested[i];
        K -= requested[i];
      });
      open = open.filter((i) => !capped.includes(i));
    }
    const W = open.reduce((a, i) => a + w(i), 0n);
    if (K > 0n && W === 0n) throw new Error("unsplittable");
    if (open.length > 0) {
      const rem = new Map<number, bigint>();
      let given = 0n;
      for (const i of open) {
        result[i] = (K * w(i)) / W;
        rem.set(i, (K * w(i)) % W);
        given += result[i];
      }
      const ranked = open.slice().sort((a, b) => {
        const ra = rem.get(a)!;
        const rb = rem.get(b)!;
        if (ra !== rb) return ra > rb ? -1 : 1;
        if (requested[a] !== requested[b]) return requested[a] > requested[b] ? -1 : 1;
        return a - b;
      });
      for (let k = 0n; k < K - given; k++) result[ranked[Number(k)]] += 1n;
    }
    left = 0n;
  }
  return result;
}
