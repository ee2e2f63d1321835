// The built preview (dist/preview.html) in a real browser: Debian Chromium driven by
// playwright-core. Serves dist/ with a tiny static server on a free loopback port; office.js is
// never fetched from the internet. Needs `npm run build` first (`npm test` does it).
//
// Skipped, with a message, only when /usr/bin/chromium is missing and CI is not set; in CI it runs
// (.ci/run installs chromium with apt-get).

import fs from "fs";
import path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { cutback, formatCount, indemnityCap } from "../../src/engine";
import { parseCapTable, recogniseColumns, sampleCapTable } from "../../src/scenario";
import { importOcf, toCapTableRows } from "../../src/ocf";
import { ROOT, browserSuite, openBrowser, type Browser } from "./support";

const SCREENSHOT = path.join(ROOT, "docs/taskpane-preview.png");
const suite = browserSuite();
jest.setTimeout(180_000);

/** The engine's allocation and caps for the sample, every holder requesting everything, demand. */
function engineFor(capacity: number) {
  const rows = sampleCapTable().rows;
  const parsed = parseCapTable(rows.slice(1), recogniseColumns(rows[0] as string[]));
  const tier = { holder: 3, initiating: 3, other: 2, "no-rights": 1, company: 1 } as const;
  const included = cutback(
    parsed.holders.map((h) => h.asConverted!),
    parsed.holders.map((h) => tier[h.role!]),
    capacity,
  ).included;
  return { names: parsed.holders.map((h) => h.name), included, caps: included.map((n) => indemnityCap(n, 20, 0.06).toFixed(2)) };
}

async function gridColumn(page: Page, grid: string, col: number): Promise<string[]> {
  const rows = page.getByRole("grid", { name: grid }).getByRole("row");
  const n = await rows.count();
  const out: string[] = [];
  for (let i = 1; i < n; i++) out.push(((await rows.nth(i).getByRole("gridcell").nth(col).textContent()) ?? "").trim());
  return out;
}

async function sheetCells(page: Page, sheet: string, addresses: string[]): Promise<string[]> {
  const table = page.getByRole("table", { name: `Sheet ${sheet}` });
  return Promise.all(addresses.map(async (a) => ((await table.locator(`td[data-address="${a}"]`).textContent()) ?? "").trim()));
}

async function hasSheet(page: Page, sheet: string): Promise<boolean> {
  return page.evaluate(
    (s) =>
      (window as unknown as { regrightsPreview: { workbook: { hasSheet(n: string): boolean } } }).regrightsPreview.workbook.hasSheet(s),
    sheet,
  );
}

suite("preview in Chromium (built dist/)", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await openBrowser();
    ({ context, page, base, pageErrors } = browser);
    await page.goto(`${base}/preview.html`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("opens labelled as a preview, with the sample cap table read", async () => {
    await page.getByText("Preview — not connected to Excel", { exact: true }).waitFor();
    await page.getByText(/Read 10 holders from CapTable!A1:G11/).waitFor();
    expect(await page.getByRole("tab", { name: "CapTable" }).getAttribute("aria-selected")).toBe("true");
    // Keyboard: the first Tab lands on the pane's view tabs (Scenario, Explain cell), the next on its first action.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Scenario");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Read selected cap table");
    expect(pageErrors).toEqual([]);
  });

  test("inserts the sample cap table as a new table", async () => {
    await page.getByRole("button", { name: "Insert sample cap table" }).click();
    await page.getByText(/Read 10 holders from CapTable \(2\)!A1:G11/).waitFor();
    await page.getByRole("tab", { name: "CapTable (2)" }).waitFor();
    expect(await hasSheet(page, "CapTable (2)")).toBe(true);
  });

  test("a bad capacity shows a field message and writes nothing", async () => {
    const capacity = page.getByLabel("Underwriter capacity (shares)");
    await capacity.fill("-5");
    await page.getByRole("button", { name: "Run scenario" }).click();
    await page.getByText("The underwriter capacity cannot be negative.").waitFor();
    expect(await capacity.getAttribute("aria-invalid")).toBe("true");
    expect(await hasSheet(page, "Demand 1")).toBe(false);
    expect(await page.getByRole("tab", { name: "Demand 1" }).count()).toBe(0);
  });

  test("runs a demand scenario: the pane and the sheet show the engine's allocation", async () => {
    await page.getByLabel("Underwriter capacity (shares)").fill("3,000,000");
    await page.getByLabel("Offering price ($)").fill("20");
    await page.getByRole("button", { name: "Run scenario" }).click();
    await page.getByRole("grid", { name: "Allocation by holder" }).waitFor();
    // The pane read the sheet back: every checked cell equals the engine's figure, and no warning shows.
    await page
      .getByText(/Wrote the scenario sheet "Demand 1" and saved the scenario\. Its [\d,]+ checked cells agree with the figures below\./)
      .waitFor();
    expect(await page.getByRole("alert", { name: /^The sheet / }).count()).toBe(0);
    const engine = engineFor(3_000_000);
    expect(await gridColumn(page, "Allocation by holder", 2)).toEqual(engine.included.map((n) => formatCount(n)));
    // The scenario sheet, evaluated by the preview's workbook from live RR formulas.
    await page.getByRole("tab", { name: "Demand 1", selected: true }).waitFor();
    const rows = engine.included.map((_, i) => 15 + i);
    expect(
      await sheetCells(
        page,
        "Demand 1",
        rows.map((r) => `F${r}`),
      ),
    ).toEqual(engine.included.map((n) => formatCount(n)));
    const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
    expect(
      await sheetCells(
        page,
        "Demand 1",
        rows.map((r) => `I${r}`),
      ),
    ).toEqual(engine.caps.map((c) => money.format(Number(c))));
    await page.locator('td[data-address="F15"]').click();
    expect(await page.getByRole("status", { name: "Formula bar" }).textContent()).toContain("=RR.CUTBACK(D15:D24,E15:E24,$B$3)");
    // Arrow keys move the selection: F16 is filled by the spill, I15 holds the cap formula.
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("status", { name: "Formula bar" }).textContent()).toBe(`F16(spilled) ${formatCount(engine.included[1])}`);
    await page.keyboard.press("ArrowUp");
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("status", { name: "Formula bar" }).textContent()).toBe(
      "I15=IF(ISNUMBER(F15),RR.INDEMNITY.CAP(F15,$B$4,$B$5,$B$6),NA())",
    );
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");

    // The screenshot: the pane's results at the top, the sheet scrolled back to column A.
    await page.evaluate(() => {
      document.querySelector('[aria-label="Results of Demand 1"]')?.scrollIntoView({ block: "start" });
      const grid = document.querySelector(".wb-scroll");
      if (grid) grid.scrollLeft = 0;
    });
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
  });

  test("saves a second scenario and compares the two side by side", async () => {
    await page.getByLabel("Scenario name (the sheet it writes)").fill("Demand 2");
    await page.getByLabel("Underwriter capacity (shares)").fill("4000000");
    await page.getByRole("button", { name: "Run scenario" }).click();
    await page.getByText('Wrote the scenario sheet "Demand 2" and saved the scenario.').waitFor();
    await page.getByRole("listitem", { name: "Demand 2" }).waitFor();

    await page.getByLabel("Compare scenario A").selectOption({ label: "Demand 1" });
    await page.getByLabel("with scenario B").selectOption({ label: "Demand 2" });
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await page.getByRole("grid", { name: "Scenario comparison" }).waitFor();
    const a = engineFor(3_000_000).included;
    const b = engineFor(4_000_000).included;
    expect(await gridColumn(page, "Scenario comparison", 1)).toEqual(a.map((n) => formatCount(n)));
    expect(await gridColumn(page, "Scenario comparison", 2)).toEqual(b.map((n) => formatCount(n)));
    expect(await gridColumn(page, "Scenario comparison", 3)).toEqual(
      a.map((n, i) => (b[i] === n ? "—" : `${b[i] > n ? "+" : "−"}${formatCount(Math.abs(b[i] - n))}`)),
    );
    expect(pageErrors).toEqual([]);
  });

  test.each(["seed", "series-b", "transfer"])(
    "imports the %s OCF fixture: the sheet holds the importer's per-holder counts",
    async (fixture) => {
      const dir = path.resolve(__dirname, "..", "fixtures", "ocf", fixture);
      const names = fs.readdirSync(dir);
      const expected = toCapTableRows(importOcf(Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(dir, n), "utf8")]))));
      // The new sheet's name is unique: "OCF cap table", then "OCF cap table (2)", …
      const before = await page.getByRole("tab", { name: /^OCF cap table/ }).count();
      const sheet = before === 0 ? "OCF cap table" : `OCF cap table (${before + 1})`;
      await page.getByLabel("OCF package files (.ocf.zip, or the .ocf.json files)").setInputFiles(names.map((n) => path.join(dir, n)));
      await page.getByText(`Read ${expected.length - 1} holders from ${sheet}!A1:G${expected.length}`).waitFor();
      const shown = await sheetCells(
        page,
        sheet,
        expected.slice(1).flatMap((_, i) => [`A${i + 2}`, `B${i + 2}`, `C${i + 2}`]),
      );
      const want = expected.slice(1).flatMap((row) => [String(row[0]), formatCount(Number(row[1])), formatCount(Number(row[2]))]);
      expect(shown).toEqual(want);
      expect(pageErrors).toEqual([]);
    },
  );

  test("Explain cell: a CUTBACK row with a bad request shows its message and clause, and the view follows the selection", async () => {
    // A banker types text where a share count belongs (row 2 of the requested column, D16).
    await page.evaluate(() =>
      (
        window as unknown as { regrightsPreview: { workbook: { setCell(s: string, a: string, v: string): void } } }
      ).regrightsPreview.workbook.setCell("Demand 1", "D16", "lots"),
    );
    await page.getByRole("tab", { name: "Explain cell" }).click();
    await page.getByRole("heading", { name: "Explain cell" }).waitFor();
    await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: "Demand 1" }).click();
    await page.locator('td[data-address="F16"]').click();
    // The contract: the bad row's own error names the argument and its row; the clause of §3.
    await page.getByText("#VALUE! because of 'Demand 1'!D16").waitFor();
    const facts = page.getByLabel("The selected cell");
    expect(await facts.textContent()).toContain("=RR.CUTBACK(D15:D24,E15:E24,$B$3)");
    expect(await facts.textContent()).toContain('RR.CUTBACK: "Additional Procedures in Underwritten Offerings; Holder Lockups; Cutbacks"');
    expect(await page.getByText(/^requested \(row 2\)/).count()).toBe(1);
    // Another holder's cell: its allocation is listed first and marked; the bad row takes no part.
    await page.locator('td[data-address="F15"]').click();
    const list = page.getByRole("list", { name: "Allocation by row" });
    await list.waitFor();
    const first = list.getByRole("listitem").first();
    expect(await first.getAttribute("aria-current")).toBe("true");
    expect(await first.textContent()).toMatch(/^Row 1 \(F15\)Tier \d+: /);
    expect(
      await list
        .getByRole("listitem")
        .filter({ hasText: /^Row 2 \(F16\)#VALUE! requested \(row 2\)/ })
        .count(),
    ).toBe(1);
    await page.getByRole("tab", { name: "Scenario" }).click();
    expect(pageErrors).toEqual([]);
  });

  test("the Excel page opened in a plain browser links to the preview, with no page error", async () => {
    const excel = await context.newPage();
    const errors: string[] = [];
    excel.on("pageerror", (e) => errors.push(e.message));
    excel.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    const officeJs = excel.waitForRequest(/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js$/);
    await excel.goto(`${base}/taskpane.html`);
    await officeJs;
    await excel.getByText("Open RegRights from Excel.").waitFor();
    // office.js loaded and reported no host (Office.onReady resolves with host null outside Office).
    expect(await excel.getByText("Not running inside Office: open this add-in from Excel to use it.").count()).toBe(1);
    expect(await excel.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("object");
    const link = excel.getByRole("link", { name: "preview" });
    expect(await link.getAttribute("href")).toBe("preview.html");
    await link.click();
    await excel.waitForURL(`${base}/preview.html`);
    await excel.getByRole("button", { name: /insert sample cap table/i }).waitFor();
    expect(errors).toEqual([]);
    await excel.close();
  });

  test("the Excel page itself starts when the office.js CDN is unreachable", async () => {
    const excel = await context.newPage();
    const errors: string[] = [];
    excel.on("pageerror", (e) => errors.push(e.message));
    await excel.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    await excel.goto(`${base}/taskpane.html`);
    await excel.getByText("Open RegRights from Excel.").waitFor();
    expect(await excel.getByText(/Office\.js did not load/).count()).toBe(1);
    expect(await excel.getByRole("link", { name: "preview" }).getAttribute("href")).toBe("preview.html");
    // functions.js ran without a CustomFunctions global and registered nothing, quietly.
    expect(errors).toEqual([]);
    await excel.close();
  });
});
