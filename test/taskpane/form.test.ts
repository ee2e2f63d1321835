// The pane's percent inputs follow Excel's convention, the one RR.INDEMNITY.CAP reads (issue 9,
// item 4): "6%" and "0.06" are both 6%, and "6" is never silently read as 6%.
import { EMPTY_FORM, formFromPayload, readPercent, validateForm } from "../../src/taskpane/form";
import { parseCapTable, recogniseColumns, sampleCapTable } from "../../src/scenario";

describe("readPercent", () => {
  test.each([
    ["6%", 0.06],
    ["6 %", 0.06],
    ["0.06", 0.06],
    [".065", 0.065],
    ["6.5%", 0.065],
    ["0%", 0],
    ["6", 6],
    ["", null],
    ["six", null],
    ["%", null],
  ])("%p → %p", (text, fraction) => {
    expect(readPercent(text)).toBe(fraction);
  });
});

describe("the gross spread field", () => {
  const rows = sampleCapTable().rows;
  const mapping = recogniseColumns(rows[0] as string[]);
  const parsed = parseCapTable(rows.slice(1), mapping);
  const cap = { ref: { sheet: "CapTable", address: "A1:G11" }, mapping, parsed };
  const holders = parsed.holders.map((h) => ({ row: h.row, name: h.name, role: h.role ?? ("holder" as const), requested: "" }));
  const form = (spread: string) => ({ ...EMPTY_FORM, capacity: "3,000,000", price: "20", spread, holders });

  test("shows 6% by default, and 6% and 0.06 give the same payload", () => {
    expect(EMPTY_FORM.spread).toBe("6%");
    expect(validateForm(form("6%"), cap).payload?.grossSpread).toBe(0.06);
    expect(validateForm(form("0.06"), cap).payload?.grossSpread).toBe(0.06);
  });

  test('"6" is refused in words, saying how Excel reads it', () => {
    expect(validateForm(form("6"), cap).errors.spread).toBe("6 reads as 600%, as in Excel. For 6%, type 6% or 0.06.");
    expect(validateForm(form("120%"), cap).errors.spread).toBe(
      "Enter the gross spread as a percentage from 0% to below 100%, e.g. 6% or 0.06.",
    );
  });

  test("an opened scenario shows its spread with the percent sign", () => {
    const p = validateForm(form("6.5%"), cap).payload!;
    expect(formFromPayload(p).spread).toBe("6.5%");
  });
});

describe("the commission per share field", () => {
  const rows = sampleCapTable().rows;
  const mapping = recogniseColumns(rows[0] as string[]);
  const parsed = parseCapTable(rows.slice(1), mapping);
  const cap = { ref: { sheet: "CapTable", address: "A1:G11" }, mapping, parsed };
  const holders = parsed.holders.map((h) => ({ row: h.row, name: h.name, role: h.role ?? ("holder" as const), requested: "" }));
  const form = (commission: string) => ({ ...EMPTY_FORM, capacity: "3,000,000", price: "20", spread: "6%", commission, holders });

  // $20 less a 6% spread leaves $18.80 a share.
  test.each([
    ["18.80", undefined],
    [
      "18.81",
      "A commission of $18.81 a share is more than the $18.80 a share left after the gross spread; the holders' net proceeds would be negative.",
    ],
    ["", undefined],
  ])("commission %p → %p", (commission, message) => {
    const { errors, payload } = validateForm(form(commission), cap);
    expect(errors.commission).toBe(message);
    expect(payload === null).toBe(message !== undefined);
  });
});

describe("an opened scenario shows numbers as a fresh form does", () => {
  test("capacity, requests, outstanding and weekly volumes with thousands separators; the price to the cent", () => {
    const rows = sampleCapTable().rows;
    const mapping = recogniseColumns(rows[0] as string[]);
    const parsed = parseCapTable(rows.slice(1), mapping);
    const cap = { ref: { sheet: "CapTable", address: "A1:G11" }, mapping, parsed };
    const holders = parsed.holders.map((h, i) => ({
      row: h.row,
      name: h.name,
      role: h.role ?? ("holder" as const),
      requested: i === 0 ? "1000000" : "",
    }));
    const rule144 = {
      ...EMPTY_FORM.rule144,
      enabled: true,
      asOf: "2008-07-01",
      outstanding: "20000000",
      weeks: ["150000", "172000", "196000", "181000"] as [string, string, string, string],
    };
    const p = validateForm({ ...EMPTY_FORM, capacity: "3000000", price: "20", holders, rule144 }, cap).payload!;
    const f = formFromPayload(p);
    expect([f.capacity, f.price, f.holders[0].requested, f.holders[1].requested]).toEqual(["3,000,000", "20.00", "1,000,000", ""]);
    expect([f.rule144.outstanding, ...f.rule144.weeks]).toEqual(["20,000,000", "150,000", "172,000", "196,000", "181,000"]);
    expect(validateForm(f, cap).payload).toEqual(p); // and it reads back to the same payload
  });
});
