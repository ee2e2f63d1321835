// Browser benchmark of the preview with a big cap table (issue 9, item 5 of "What to build"):
// the time to read a 5,000-holder cap table and to run a demand over it, in Debian Chromium over the
// built dist/preview.html. Prints figures; it is not a test. Run: `npm run build && node scripts/bench-preview.mjs [holders]`.
/* global window, document -- page.evaluate callbacks run in the browser */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// BENCH_DIST: time another build (an older commit's dist/, say) with the same script.
const DIST = process.env.BENCH_DIST ?? path.join(ROOT, "dist");
const n = Number(process.argv[2] ?? 5000);

const server = http.createServer((req, res) => {
  const file = path.join(DIST, decodeURIComponent(new URL(req.url, "http://x").pathname));
  fs.readFile(file, (err, data) => {
    if (err) return res.writeHead(404).end();
    const type = file.endsWith(".html") ? "text/html" : file.endsWith(".js") ? "text/javascript" : "application/octet-stream";
    res.writeHead(200, { "content-type": type }).end(data);
  });
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}`;
const settings = JSON.parse(fs.readFileSync(path.join(ROOT, "scripts/chromium.json"), "utf8"));
const browser = await chromium.launch({
  executablePath: process.env.REGRIGHTS_CHROMIUM ?? settings.executablePath,
  args: settings.args,
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.route("**/*", (r) => (r.request().url().startsWith(base) ? r.continue() : r.abort()));
await page.goto(`${base}/preview.html`);
await page.getByText(/Read 10 holders from CapTable!A1:G11/).waitFor();

// A fund-sized cap table of n holders on its own sheet, selected as a user would before "Read".
await page.evaluate((count) => {
  const { workbook } = window.regrightsPreview;
  const roles = ["Holder", "Holder", "Other", "No rights", "Holder", "Initiating holder"];
  const rows = [["Holder", "Role", "Common shares", "Series B Preferred", "Conv. ratio", "Date acquired", "Affiliate"]];
  for (let i = 0; i < count; i++)
    rows.push([
      `Holder ${i + 1}`,
      roles[i % roles.length],
      (i * 7919) % 2_000_000,
      (i * 104729) % 2_000_000,
      1.25,
      36000 + (i % 3000),
      i % 10 === 0,
    ]);
  workbook.addSheet("Big");
  workbook.setCells("Big", "A1", rows);
  workbook.select("Big", `A1:G${count + 1}`);
}, n);

const time = async (label, act, done) => {
  const t0 = Date.now();
  await act();
  await done();
  const ms = Date.now() - t0;
  console.log(`${label.padEnd(44)} ${String(ms).padStart(7)} ms`);
  return ms;
};

console.log(`RegRights preview, ${n.toLocaleString("en-US")} holders (times vary by machine)`);
await time(
  "Read selected cap table",
  () => page.getByRole("button", { name: "Read selected cap table" }).click(),
  () => page.getByText(new RegExp(`Read ${n.toLocaleString("en-US")} holders|Read ${n} holders`)).waitFor({ timeout: 600_000 }),
);
await page.getByLabel("Underwriter capacity (shares)").fill("1,000,000,000");
await page.getByLabel("Offering price ($)").fill("20");
await time(
  "Run scenario (write, evaluate, read back)",
  () => page.getByRole("button", { name: "Run scenario" }).click(),
  () => page.getByText(/Wrote the scenario sheet/).waitFor({ timeout: 600_000 }),
);
const height = await page.evaluate(() => Math.round(document.querySelector("#pane").scrollHeight));
console.log(`${"Pane height after the run".padEnd(44)} ${String(height).padStart(7)} px`);
await browser.close();
server.close();
