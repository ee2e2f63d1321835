// Security basics checked on what ships: the built pages carry a Content-Security-Policy that
// allows office.js from Microsoft's CDN and nothing else remote; the add-in's bundles make no
// network calls and evaluate no strings; the source never injects HTML. (npm test builds first.)
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..");
const dist = (f: string) => fs.readFileSync(path.join(root, "dist", f), "utf8");
const CDN = "https://appsforoffice.microsoft.com";

function policy(html: string): Map<string, string[]> {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!m) throw new Error("no Content-Security-Policy meta tag");
  return new Map(
    m[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

const remote = (sources: string[]) => sources.filter((s) => /^(https?:|wss?:|\*)/.test(s) || s === "*");

describe("Content-Security-Policy", () => {
  test("taskpane.html: scripts from the add-in and office.js's CDN only; nothing else remote", () => {
    const csp = policy(dist("taskpane.html"));
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'", CDN]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    for (const [name, sources] of csp) {
      expect([name, remote(sources).filter((s) => s !== CDN)]).toEqual([name, []]);
      expect([name, sources.includes("'unsafe-eval'")]).toEqual([name, false]);
    }
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
  });

  test("preview.html: nothing remote at all", () => {
    const csp = policy(dist("preview.html"));
    expect(csp.get("script-src")).toEqual(["'self'"]);
    for (const [name, sources] of csp) expect([name, remote(sources)]).toEqual([name, []]);
  });

  test("every script the pages load is the add-in's own or office.js from the CDN", () => {
    for (const page of ["taskpane.html", "preview.html"]) {
      const srcs = [...dist(page).matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
      expect(srcs.length).toBeGreaterThan(0);
      for (const src of srcs) expect(src.startsWith(CDN) || !/^[a-z]+:/i.test(src)).toBe(true);
    }
  });
});

describe("bundles", () => {
  test.each(fs.readdirSync(path.join(root, "dist")).filter((f) => f.endsWith(".js")))("%s makes no network calls", (file) => {
    const code = dist(file);
    expect(code.length).toBeGreaterThan(500);
    expect(code).not.toMatch(/\bfetch\(/);
    expect(code).not.toMatch(/XMLHttpRequest/);
    expect(code).not.toMatch(/\bWebSocket\b|\bEventSource\b|sendBeacon/);
  });

  // Every script the task pane page can run: its entries, the engine chunk and the chunks it loads on demand.
  const paneScripts = fs.readdirSync(path.join(root, "dist")).filter((f) => f.endsWith(".js") && f !== "preview.js");
  test.each(paneScripts)("%s evaluates no strings", (file) => {
    const code = dist(file);
    expect(code).not.toMatch(/\beval\(/);
    expect(code).not.toMatch(/new Function\(/);
  });
});

test("no source file injects HTML", () => {
  const files: string[] = [];
  const walk = (dir: string) =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .forEach((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : files.push(path.join(dir, e.name))));
  walk(path.join(root, "src"));
  const offenders = files.filter(
    (f) =>
      /\.(ts|tsx)$/.test(f) &&
      /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|document\.write/.test(fs.readFileSync(f, "utf8")),
  );
  expect(offenders).toEqual([]);
  expect(files.length).toBeGreaterThan(20);
});
