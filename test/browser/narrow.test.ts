// The task pane at 350 px, Excel's usual pane width (issue 9, item 5), in Chromium over the built
// preview: a demand run with the Rule 144 columns, a second run and a comparison. Then nothing in
// the pane may be wider than the pane, no two pieces of visible text may overlap, and no text may
// be clipped. A screenshot is taken (docs/taskpane-350.png with SCREENSHOT=docs).
import fs from "fs";
import os from "os";
import path from "path";
import type { Page } from "playwright-core";
import { ROOT, browserSuite, openBrowser, type Browser } from "./support";

// The committed docs/taskpane-350.png is refreshed only on request (SCREENSHOT=docs), so that a
// test run leaves the working tree as it found it; otherwise the picture goes to the system's temp folder.
const SCREENSHOT =
  process.env.SCREENSHOT === "docs" ? path.join(ROOT, "docs/taskpane-350.png") : path.join(os.tmpdir(), "regrights-taskpane-350.png");
const suite = browserSuite();
jest.setTimeout(180_000);

/** What breaks a narrow layout, measured in the page: elements past the pane, overlapping text, clipped text. */
function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector("#pane")!;
    const box = pane.getBoundingClientRect();
    const faults: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
    const visible = (el: Element) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const texts: [Element, DOMRect][] = [];
    for (const el of pane.querySelectorAll("*")) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > box.right + 0.5 || r.left < box.left - 0.5)
        faults.push(
          `wider than the pane: ${name(el)} (${Math.round(r.left)}–${Math.round(r.right)} of ${Math.round(box.left)}–${Math.round(box.right)})`,
        );
      const style = getComputedStyle(el);
      const hides = style.overflowX === "hidden" || style.overflowX === "clip" || style.textOverflow === "ellipsis";
      if (hides && el.scrollWidth > el.clientWidth + 1 && el.children.length === 0) faults.push(`clipped: ${name(el)}`);
      if ([...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== "")) texts.push([el, r]);
    }
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++) {
        const [a, ra] = texts[i];
        const [b, rb] = texts[j];
        if (a.contains(b) || b.contains(a)) continue;
        const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (x > 1 && y > 1) faults.push(`overlap: ${name(a)} and ${name(b)}`);
      }
    // Selects show their chosen option in full.
    for (const s of pane.querySelectorAll("select")) {
      if (!visible(s)) continue;
      const text = s.selectedOptions[0]?.textContent ?? "";
      const probe = document.createElement("span");
      probe.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;font:${getComputedStyle(s).font}`;
      probe.textContent = text;
      document.body.appendChild(probe);
      // Room for the arrow and the padding: about 40 px.
      if (probe.getBoundingClientRect().width > s.getBoundingClientRect().width - 40) faults.push(`select cut: "${text}"`);
      probe.remove();
    }
    return faults;
  });
}

suite("the task pane at 350 px (Chromium, built preview)", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await openBrowser({ width: 1200, height: 3000 });
    page = browser.page;
    await page.goto(`${browser.base}/preview.html`);
    await page.addStyleTag({
      content:
        "#pane { box-sizing: border-box !important; width: 350px !important; min-width: 350px !important; max-width: 350px !important; }",
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("a run with Rule 144, a second run and a comparison: nothing wider than the pane, overlapping or clipped", async () => {
    expect(await page.evaluate(() => Math.round(document.querySelector("#pane")!.getBoundingClientRect().width))).toBe(350);
    await page.getByText(/Read 10 holders from CapTable!A1:G11/).waitFor();
    await page.getByLabel("Underwriter capacity (shares)").fill("3,000,000");
    await page.getByLabel("Offering price ($)").fill("20");
    await page.getByLabel("Add the Rule 144 tests to the scenario sheet").check();
    await page.getByLabel("As of (date of sale)").fill("2001-04-01");
    await page.getByLabel("Shares outstanding").fill("20,000,000");
    for (let i = 1; i <= 4; i++) await page.getByLabel(`Week ${i} volume`).fill("150,000");
    await page.getByRole("combobox", { name: "Role of Northfield Telecom Investors, L.P." }).selectOption("other");
    await page.getByRole("button", { name: "Run scenario" }).click();
    await page.getByRole("grid", { name: "Rule 144 by holder" }).waitFor();
    // The results are cards: each row labelled, the header kept for screen readers only.
    expect(await page.locator('[data-stacked="true"]').count()).toBeGreaterThanOrEqual(2);

    await page.getByLabel("Scenario name (the sheet it writes)").fill("Demand 2");
    await page.getByLabel("Underwriter capacity (shares)").fill("4,000,000");
    await page.getByRole("button", { name: "Run scenario" }).click();
    await page.getByText(/Wrote the scenario sheet "Demand 2"/).waitFor();
    await page.getByRole("listitem", { name: "Demand 2" }).waitFor();
    await page.getByLabel("Compare scenario A").selectOption({ label: "Demand 1" });
    await page.getByLabel("with scenario B").selectOption({ label: "Demand 2" });
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await page.getByRole("grid", { name: "Scenario comparison" }).waitFor();

    expect(await layoutFaults(page)).toEqual([]);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.locator("#pane").screenshot({ path: SCREENSHOT });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    expect(browser.pageErrors).toEqual([]);
  });

  test("a request that needs attention in a holder row scrolled out of the list scrolls back into view", async () => {
    const list = page.getByRole("list", { name: "Holders" });
    const last = "CTC Communications Group, Inc. (primary)";
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.getByRole("textbox", { name: `Requested shares of ${last}` }).fill("lots");
    await list.evaluate((el) => (el.scrollTop = 0));
    expect(await list.evaluate((el) => el.scrollTop)).toBe(0);
    await page.getByRole("button", { name: "Run scenario" }).click();
    await page.getByText("Some fields need attention; nothing was written.").waitFor();
    expect(await page.getByRole("textbox", { name: `Requested shares of ${last}` }).getAttribute("aria-invalid")).toBe("true");
    // The list scrolled to the row (its last), so the message under the field is in view.
    expect(await list.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await page.getByRole("textbox", { name: `Requested shares of ${last}` }).fill("");
  });
});
