import { uniqueName, tableNameFrom, uniqueTableName } from "../../src/workbook/names";
import { MemoryGateway, MemoryWorkbook } from "../../src/workbook/memory";

describe("names for new sheets and tables", () => {
  test("sheet names get (2), (3) … within 31 characters", () => {
    const taken = new Set(["cap table", "cap table (2)"]);
    expect(uniqueName("Cap table", (n) => taken.has(n.toLowerCase()))).toBe("Cap table (3)");
    expect(uniqueName("A".repeat(31), () => false)).toBe("A".repeat(31));
    expect(uniqueName("B".repeat(31), (n) => n === "B".repeat(31))).toBe("B".repeat(27) + " (2)");
  });

  test("table names are valid Excel names", () => {
    expect(tableNameFrom("Cap table")).toBe("Cap_table");
    expect(tableNameFrom("2021 round")).toBe("_2021_round");
    expect(tableNameFrom("AB12")).toBe("_AB12");
  });

  test("table names stay unique after Excel's conversion of the suffix", () => {
    expect(uniqueTableName("OcfCapTable", new Set())).toBe("OcfCapTable");
    expect(uniqueTableName("OcfCapTable", new Set(["ocfcaptable"]))).toBe("OcfCapTable__2_");
    expect(uniqueTableName("OcfCapTable", new Set(["ocfcaptable", "ocfcaptable__2_"]))).toBe("OcfCapTable__3_");
  });

  test("the in-memory gateway inserts the same table three times", async () => {
    const gateway = new MemoryGateway(new MemoryWorkbook());
    const refs = [];
    for (let i = 0; i < 3; i++)
      refs.push(
        await gateway.insertTable("OCF cap table", "OcfCapTable", [
          ["Holder", "Common"],
          ["A", 1],
        ]),
      );
    expect(refs.map((r) => [r.sheet, r.table])).toEqual([
      ["OCF cap table", "OcfCapTable"],
      ["OCF cap table (2)", "OcfCapTable__2_"],
      ["OCF cap table (3)", "OcfCapTable__3_"],
    ]);
  });
});
