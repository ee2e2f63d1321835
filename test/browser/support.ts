// What the browser tests share: Debian Chromium driven by playwright-core over the built dist/,
// served by a tiny static server on a free loopback port. Nothing leaves the machine: office.js
// comes from node_modules (the CDN URL is intercepted), anything else off-host is aborted.
import fs from "fs";
import http from "http";
import os from "os";
import path from "path";
import chromiumSettings from "../../scripts/chromium.json";
import type { AddressInfo } from "net";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
export const CHROMIUM = process.env.REGRIGHTS_CHROMIUM ?? chromiumSettings.executablePath;
const OFFICE_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
const inCI = Boolean(process.env.CI);
const haveChromium = fs.existsSync(CHROMIUM);

/** describe, or describe.skip with a message when Chromium is missing outside CI (CI requires it). */
export function browserSuite(): jest.Describe {
  if (!haveChromium && !inCI)
    console.warn(
      `[regrights] browser test skipped: no Chromium at ${CHROMIUM} (install it with \`sudo apt-get install -y chromium\`). In CI it is required.`,
    );
  return haveChromium || inCI ? describe : describe.skip;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = path.normalize(path.join(dir, rel));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export interface Browser {
  base: string;
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  close(): Promise<void>;
}

/** Serves dist/ and opens Chromium on it. */
export async function openBrowser(viewport = { width: 1600, height: 900 }): Promise<Browser> {
  if (!fs.existsSync(path.join(DIST, "preview.html")))
    throw new Error("dist/preview.html is missing: run `npm run build` first (npm test does).");
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "regrights-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: chromiumSettings.args,
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    // The CDN folder (office.js, o15apptofilemappingtable.js, ...) from node_modules.
    const cdn = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/([\w.-]+\.js)$/.exec(url);
    const local = cdn && path.join(OFFICE_DIST, cdn[1]);
    if (local && fs.existsSync(local)) {
      return route.fulfill({ status: 200, contentType: "text/javascript", body: fs.readFileSync(local, "utf8") });
    }
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  return {
    base,
    context,
    page,
    pageErrors,
    async close() {
      await context.close();
      await new Promise((r) => server.close(r));
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
