// The Office gateway's reads against office-addin-mock (Microsoft's mock of the Office.js object
// model): loads must be synced before reading, and the count of context.sync calls is ours.
// office-addin-mock cannot load a collection's items ("items/name" fails: "Property name needs to
// be present in object model before load is called", with or without items), runs methods at once
// rather than at sync, and has no error codes or null objects; so readSelectedCapTable, the writes,
// the errors and co-authoring are tested against support/fakeExcel.ts (office.test.ts).
import { OfficeMockObject } from "office-addin-mock";
import { OfficeGateway } from "../../src/workbook/office/gateway";
import type { Runner } from "../../src/workbook/office/run";

const values: (string | number)[][] = [
  ["Holder", "Common", "Preferred"],
  ["Fund I", 100, 10],
  ["Fund II", 200, 20],
];

function mocked(data: object) {
  const mock = new OfficeMockObject(data) as unknown as { context: Excel.RequestContext };
  let syncs = 0;
  const context = mock.context;
  const sync = context.sync.bind(context);
  context.sync = (async () => {
    syncs++;
    await sync();
  }) as typeof context.sync;
  const run: Runner = (batch) => batch(context);
  return { gw: new OfficeGateway({ run }), syncs: () => syncs };
}

test("readCapTable by table name: one context.sync, values as Excel returns them", async () => {
  const { gw, syncs } = mocked({
    context: {
      workbook: {
        tables: {
          table: {
            range: {
              address: "'Cap table'!A1:C3",
              values,
              worksheet: { getRange: () => ({}) },
              // The head of the read (its rows within sheet rows 1..n): here the whole table.
              getIntersectionOrNullObject: function () {
                return this;
              },
            },
            getRange: function () {
              return this.range;
            },
          },
          getItem: function () {
            return this.table;
          },
        },
      },
    },
  });
  const read = await gw.readCapTable({ sheet: "Cap table", address: "A1:C3", table: "CapTable" });
  expect(syncs()).toBe(1);
  expect(read).toEqual({
    ref: { sheet: "Cap table", address: "A1:C3", table: "CapTable" },
    headers: ["Holder", "Common", "Preferred"],
    rows: values.slice(1),
  });
});
