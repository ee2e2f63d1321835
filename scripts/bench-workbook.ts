// Part of `npm run bench` (scripts/bench.mjs runs this through ts-node): the workbook gateway's
// round trips and the in-memory workbook's recalculation time for a 5,000-holder cap table.
// Prints figures; the sync budget itself is asserted in test/workbook/office.test.ts.
import { performance } from "node:perf_hooks";
import "../test/support/customFunctionsStub";
import "../test/support/rrFunctionList";
import { MemoryWorkbook, MemoryGateway } from "../src/workbook/memory";
import { OfficeGateway } from "../src/workbook/office/gateway";
import { FakeExcel } from "../test/workbook/support/fakeExcel";
import { capTableRows, CAP_FORMATS, scenarioWrite } from "../test/workbook/support/capTable";

const N = 5000;

function capBook(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.addSheet("Sheet1");
  wb.addSheet("Cap table");
  wb.setCells("Cap table", "A1", capTableRows(N), CAP_FORMATS(N));
  wb.addTable("Cap table", "CapTable", `A1:G${N + 1}`);
  return wb;
}

async function main(): Promise<void> {
  const ref = { sheet: "Cap table", address: `A1:G${N + 1}`, table: "CapTable" };

  // Office.js gateway against the Excel fake (support/fakeExcel.ts): context.sync calls.
  const wb = capBook();
  const excel = new FakeExcel(wb);
  const office = new OfficeGateway({ run: excel.run, retry: { delays: [], sleep: async () => undefined } });
  await office.readCapTable(ref);
  const read = excel.syncs;
  await office.writeSheet(scenarioWrite("Demand", "Cap table", N, 10_000_000), { overwriteForeign: false });
  const first = excel.syncs;
  await office.readCapTable(ref);
  await office.writeSheet(scenarioWrite("Demand", "Cap table", N, 9_000_000), { overwriteForeign: false });
  const rerun = excel.syncs - first;
  const saved = excel.syncs;
  const payload = { holders: Array.from({ length: N }, (_, h) => ({ row: h, name: `Holder ${h + 1}`, role: "holder", requested: null })) };
  for (let i = 0; i < 50; i++)
    await office.scenarios.save({
      id: `s${i}`,
      name: `Scenario ${i}`,
      updatedAt: new Date(i).toISOString(),
      payload: { ...payload, capacity: i },
    });
  const save = (excel.syncs - saved) / 50;
  const listed = excel.syncs;
  await office.scenarios.list();
  const list = excel.syncs - listed;
  const opened = excel.syncs;
  await office.scenarios.load("s7");
  const open = excel.syncs - opened;
  console.log(`  Office.js gateway, ${N.toLocaleString("en-US")} holders, against the web-mode fake (5 MB limit; blocks of 1 MB):`);
  console.log(
    `    context.sync calls: read cap table ${read} + write scenario sheet ${first - read} = ${first} (new sheet); re-run in place ${rerun}; save a ~${Math.round(JSON.stringify(payload).length / 1000)} KB scenario ${save}; list 50 scenarios ${list}; open one ${open}; largest request ${excel.largestRequest.toLocaleString("en-US")} B, response ${excel.largestResponse.toLocaleString("en-US")} B`,
  );

  // In-memory workbook: recalculation of the scenario sheet over the cap table.
  const mem = capBook();
  const gw = new MemoryGateway(mem);
  const w = scenarioWrite("Demand", "Cap table", N, 10_000_000);
  const t0 = performance.now();
  await gw.writeSheet(w, { overwriteForeign: false });
  mem.calculate();
  const writeMs = performance.now() - t0;
  const first1 = mem.lastRecalc;
  mem.setCell("Cap table", "B2", 1234);
  mem.calculate();
  const edit = mem.lastRecalc;
  const check = mem.value("Demand", `E${N + 4}`);
  console.log(`  In-memory workbook, ${N.toLocaleString("en-US")} holders, ${first1.formulas.toLocaleString("en-US")} formulas:`);
  console.log(
    `    write + recalculate ${writeMs.toFixed(0)} ms (recalculation ${first1.ms.toFixed(0)} ms, ${first1.passes} pass${first1.passes === 1 ? "" : "es"}); recalculation after a cap table edit ${edit.ms.toFixed(0)} ms (${edit.passes} pass); total included ${check === 10_000_000 ? "= capacity" : `WRONG (${String(check)})`}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
