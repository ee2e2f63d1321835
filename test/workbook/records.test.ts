import { HEADER, PART_LENGTH, SCHEMA_VERSION, readStore, recordToRow, rowForSave, rowToRecord, padRow } from "../../src/workbook/records";
import type { CellValue, ScenarioRecord } from "../../src/workbook/gateway";

const rec = (id: string, name: string, payload: unknown = { capacity: 6_000_000 }): ScenarioRecord => ({
  id,
  name,
  updatedAt: "2026-11-25T01:00:00.000Z",
  payload,
});

describe("scenario rows", () => {
  test("round trip", () => {
    const r = rec("s1", "Demand, 6m", { capacity: 6_000_000, holders: [{ role: "holder", requested: 100 }], note: "=not a formula" });
    const row = recordToRow(r);
    expect(row.slice(0, 5)).toEqual(["s1", "Demand, 6m", "2026-11-25T01:00:00.000Z", SCHEMA_VERSION, 1]);
    expect(rowToRecord(row, 2)).toEqual({ kind: "record", record: r });
  });

  test("a payload longer than one cell is split into parts and joined back", () => {
    const big = { text: "x".repeat(PART_LENGTH * 2 + 123), n: 1 };
    const row = recordToRow(rec("big", "Big", big));
    expect(row[4]).toBe(3);
    expect(row).toHaveLength(8);
    for (const part of row.slice(5)) expect(String(part).length).toBeLessThanOrEqual(32_767);
    const back = rowToRecord(row, 2);
    expect(back.kind === "record" && back.record.payload).toEqual(big);
  });

  test("a corrupt row is reported by name (or row) and the others still load", () => {
    const good1 = recordToRow(rec("a", "Alpha"));
    const broken = recordToRow(rec("b", "Bravo"));
    broken[5] = "~{not json";
    const noName: CellValue[] = ["c", "", "2026-11-25T01:00:00.000Z", 1, 1, "~{}"];
    const good2 = recordToRow(rec("d", "Delta"));
    const list = readStore([[...HEADER], good1, broken, [], noName, good2]);
    // The list reads the index cells only; a damaged payload is found when the record is read.
    expect(list.scenarios.map((s) => s.name)).toEqual(["Alpha", "Bravo", "Delta"]);
    expect(list.problems).toEqual([{ name: "row 5", problem: expect.stringMatching(/no name/) }]);
    expect(rowToRecord(broken, 3)).toEqual({ kind: "problem", name: "Bravo", problem: expect.stringMatching(/damaged/) });
    // Schema and parts read back as numeric strings are accepted.
    expect(rowToRecord(["d", "Delta", "2026-11-25T01:00:00.000Z", "1", "1", "~{}"], 2)).toMatchObject({ kind: "record" });
  });

  test("a newer schema version is refused with a reason; a missing part is named", () => {
    const newer = recordToRow(rec("a", "From the future"));
    newer[3] = SCHEMA_VERSION + 1;
    expect(rowToRecord(newer, 2)).toEqual({ kind: "problem", name: "From the future", problem: expect.stringMatching(/newer version/) });
    const short = recordToRow(rec("b", "Short", { t: "y".repeat(PART_LENGTH + 1) }));
    short.pop();
    expect(rowToRecord(short, 3)).toMatchObject({ kind: "problem", problem: expect.stringMatching(/part 2 of 2/) });
    expect(rowToRecord(["x", "No version", "2026-11-25T01:00:00.000Z", "", 1, "~1"], 4)).toMatchObject({
      kind: "problem",
      problem: expect.stringMatching(/schema/),
    });
  });

  test("save goes to the record's own row, else an empty row chosen by the id", () => {
    const rows: CellValue[][] = [[...HEADER], recordToRow(rec("a", "A")), recordToRow(rec("b", "B"))];
    expect(rowForSave(rows, "b")).toBe(2);
    const fresh = rowForSave(rows, "new-id");
    expect(fresh).toBeGreaterThanOrEqual(1);
    expect(rows[fresh]).toBeUndefined();
    // Two new ids usually get different rows, so simultaneous first saves do not collide.
    const ids = Array.from({ length: 20 }, (_, i) => `scenario-${i}`);
    expect(new Set(ids.map((id) => rowForSave(rows, id))).size).toBe(20);
  });

  test("padRow clears the tail of a longer record written before", () => {
    expect(padRow(["a", "b"], 4)).toEqual(["a", "b", "", ""]);
    expect(() => recordToRow(rec("", "No id"))).toThrow();
  });
});
