// Property: however stock moves between holders by transfers (partial or whole, to one or several
// transferees), when every remainder is issued under its own security id (as OCF requires) the
// total of each class is conserved and every lot keeps the issuance date of the security it
// descends from; when a partial transfer leaves its remainder implicit (a balance id with no
// issuance, or no balance id at all), the whole package is refused.
import fc from "fast-check";
import { importOcf } from "../../src/ocf";
import { zipFiles } from "./support";

interface Plan {
  holders: number;
  issued: number[]; // one issuance per holder (shares, may be 0 → skipped)
  transfers: { from: number; fraction: number; to: number[]; balance: "issued" | "implied" | "in-place" }[];
}

const money = (a: string) => ({ amount: a, currency: "USD" });

/** Builds an OCF package from a plan; returns the files and what each class should total. */
function build(plan: Plan): { files: Record<string, string>; total: number; dates: Map<string, string>; implicit: boolean } {
  const stakeholders = Array.from({ length: plan.holders }, (_, i) => ({
    object_type: "STAKEHOLDER",
    id: `sh-${i}`,
    name: { legal_name: `Holder ${i}` },
    stakeholder_type: "INDIVIDUAL",
  }));
  const classes = [{ object_type: "STOCK_CLASS", id: "sc-common", name: "Common", class_type: "COMMON", price_per_share: money("0.01") }];
  const txs: object[] = [];
  const live: { id: string; holder: number; shares: number; origin: string }[] = [];
  const dates = new Map<string, string>();
  let total = 0;
  let n = 0;
  let implicit = false;
  plan.issued.forEach((q, i) => {
    if (q === 0) return;
    const id = `S-${n++}`;
    const date = `2015-0${(i % 9) + 1}-1${i % 10}`;
    txs.push({
      object_type: "TX_STOCK_ISSUANCE",
      id: `tx-${id}`,
      date,
      security_id: id,
      stakeholder_id: `sh-${i}`,
      stock_class_id: "sc-common",
      quantity: String(q),
      share_price: money("0.01"),
      stock_legend_ids: [],
    });
    live.push({ id, holder: i, shares: q, origin: id });
    dates.set(id, date);
    total += q;
  });
  plan.transfers.forEach((t, k) => {
    if (live.length === 0) return;
    const src = live[t.from % live.length];
    const quantity = Math.max(1, Math.floor(src.shares * t.fraction));
    const date = `2020-01-01`;
    // Split the quantity among the transferees: the first gets the rounding remainder.
    const parts = t.to.map(() => Math.floor(quantity / t.to.length));
    parts[0] += quantity - parts.reduce((a, b) => a + b, 0);
    const resulting: string[] = [];
    t.to.forEach((to, j) => {
      if (parts[j] === 0) return;
      const id = `S-${n++}`;
      resulting.push(id);
      txs.push({
        object_type: "TX_STOCK_ISSUANCE",
        id: `tx-${id}`,
        date,
        security_id: id,
        stakeholder_id: `sh-${to % plan.holders}`,
        stock_class_id: "sc-common",
        quantity: String(parts[j]),
        share_price: money("1"),
        stock_legend_ids: [],
      });
      live.push({ id, holder: to % plan.holders, shares: parts[j], origin: src.origin });
    });
    const rest = src.shares - quantity;
    const tx: Record<string, unknown> = {
      object_type: "TX_STOCK_TRANSFER",
      id: `tx-t${k}`,
      date,
      security_id: src.id,
      quantity: String(quantity),
      resulting_security_ids: resulting,
    };
    live.splice(live.indexOf(src), 1);
    if (rest > 0 && t.balance !== "issued") implicit = true;
    if (rest > 0 && t.balance !== "in-place") {
      const id = `S-${n++}`;
      tx.balance_security_id = id;
      if (t.balance === "issued")
        txs.push({
          object_type: "TX_STOCK_ISSUANCE",
          id: `tx-${id}`,
          date,
          security_id: id,
          stakeholder_id: `sh-${src.holder}`,
          stock_class_id: "sc-common",
          quantity: String(rest),
          share_price: money("0.01"),
          stock_legend_ids: [],
        });
      live.push({ id, holder: src.holder, shares: rest, origin: src.origin });
    } else if (rest > 0) {
      live.push({ ...src, shares: rest });
    }
    txs.push(tx);
  });
  const file = (name: string, body: object) => [name, JSON.stringify(body)] as const;
  const files = Object.fromEntries([
    file("m.ocf.json", {
      ocf_version: "1.2.0",
      file_type: "OCF_MANIFEST_FILE",
      issuer: { legal_name: "Prop Co" },
      as_of: "2024-12-31",
      stakeholders_files: [{ filepath: "sh.ocf.json", md5: "" }],
      stock_classes_files: [{ filepath: "sc.ocf.json", md5: "" }],
      transactions_files: [{ filepath: "tx.ocf.json", md5: "" }],
    }),
    file("sh.ocf.json", { file_type: "OCF_STAKEHOLDERS_FILE", items: stakeholders }),
    file("sc.ocf.json", { file_type: "OCF_STOCK_CLASSES_FILE", items: classes }),
    file("tx.ocf.json", { file_type: "OCF_TRANSACTIONS_FILE", items: txs }),
  ]);
  return { files, total, dates, implicit };
}

const planArb: fc.Arbitrary<Plan> = fc.integer({ min: 1, max: 6 }).chain((holders) =>
  fc.record({
    holders: fc.constant(holders),
    issued: fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: holders, maxLength: holders }),
    transfers: fc.array(
      fc.record({
        from: fc.nat(),
        fraction: fc.double({ min: 0, max: 1, noNaN: true }),
        to: fc.array(fc.nat({ max: holders - 1 }), { minLength: 1, maxLength: 3 }),
        // Mostly issued remainders (valid OCF), so both outcomes are exercised often.
        balance: fc.oneof(
          { arbitrary: fc.constant("issued" as const), weight: 12 },
          { arbitrary: fc.constant("implied" as const), weight: 1 },
          { arbitrary: fc.constant("in-place" as const), weight: 1 },
        ),
      }),
      { maxLength: 12 },
    ),
  }),
);

describe("OCF transfers (property)", () => {
  it("conserve the total shares and keep each lot's original issuance date, or are refused when a remainder is implicit", () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const { files, total, dates, implicit } = build(plan);
        if (implicit) {
          expect(() => importOcf(files)).toThrow(/^tx\.ocf\.json: TX_STOCK_TRANSFER "tx-t\d+", field balance_security_id: /);
          return;
        }
        const result = importOcf(files);
        const lots = result.holders.flatMap((h) => h.lots);
        expect(lots.reduce((s, l) => s + l.shares, 0)).toBe(total);
        expect(result.holders.reduce((s, h) => s + h.common, 0)).toBe(total);
        for (const l of lots) expect(l.acquired).toBe(dates.get(l.originSecurityId));
      }),
      { numRuns: 150 },
    );
  });

  it("give the same result from the zip as from the files", () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const { files, implicit } = build(plan);
        fc.pre(!implicit);
        expect(importOcf(zipFiles(files))).toEqual(importOcf(files));
      }),
      { numRuns: 30 },
    );
  });
});
