// npm run bench — speed figures for the shipped functions bundle (dist/functions.js, as Excel loads
// it), against dinero.js's allocate on the same input in the same process. Prints figures; asserts
// nothing about time (a benchmark, not a test), but does check that the answers are exact.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { dinero, allocate, toSnapshot } from "dinero.js";
import { USD } from "dinero.js/currencies";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bundle = path.join(root, "dist", "functions.js");
if (!fs.existsSync(bundle)) {
  console.error("dist/functions.js is missing: run `npm run build` first (`npm run bench` does).");
  process.exit(1);
}

// Load the bundle the way Excel does: a script in the page's own JavaScript realm that calls
// CustomFunctions.associate(id, fn). (A separate vm context would make every argument a
// cross-realm object and measure that instead.)
const RR = {};
class ExcelError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}
globalThis.CustomFunctions = {
  associate: (id, fn) => (RR[id] = fn),
  Error: ExcelError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
};
// taskpane.html's scripts up to functions.js: the shared engine chunk, then functions.js.
for (const file of functionsScripts()) vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });

// Deterministic input: a 32-bit LCG, so every run measures the same rows.
function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function time(fn, runs) {
  fn(); // warm-up
  const samples = [];
  let result;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    result = fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)], result };
}

const fmt = (ms) => `${ms.toFixed(1).padStart(8)} ms`;
console.log(
  `RegRights benchmark — node ${process.version}, ${process.platform}/${process.arch}; median of repeated runs after a warm-up\n`,
);

console.log("RR.CUTBACK (one tier, pro rata by request, Excel-shaped range in and out) vs dinero.js allocate (number calculator)");
console.log("     rows |   RR.CUTBACK |      dinero.js | ratio RR/dinero | exact?");
for (const n of [100_000, 1_000_000]) {
  const next = rng(n);
  const requests = Array.from({ length: n }, () => 1 + Math.floor(next() * 100_000));
  const total = requests.reduce((a, b) => a + b, 0);
  const capacity = Math.floor(total * 0.6);
  const requestedRange = requests.map((r) => [r]);
  const runs = n >= 1_000_000 ? 5 : 15;

  const rr = time(() => RR["CUTBACK"](requestedRange, [[1]], capacity, null), runs);
  const dn = time(() => allocate(dinero({ amount: capacity, currency: USD, scale: 0 }), requests), runs);

  const got = rr.result.map((row) => row[0]);
  const sum = got.reduce((a, b) => a + b, 0);
  const within = got.every((g, i) => Number.isInteger(g) && g <= requests[i] && Math.abs(g - (capacity * requests[i]) / total) < 1 + 1e-6);
  const dinSum = dn.result.reduce((a, d) => a + toSnapshot(d).amount, 0);
  const exact = sum === capacity && within ? "yes" : `NO (sum ${sum} vs ${capacity})`;
  console.log(
    `${String(n).padStart(9)} | ${fmt(rr.ms)} | ${fmt(dn.ms)}   | ${(rr.ms / dn.ms).toFixed(2).padStart(15)} | ${exact}; dinero sum ${dinSum === capacity ? "ok" : dinSum}`,
  );
}

console.log("\nRR.REGISTRABLE and RR.RULE144.CEASED over 100,000 rows (Excel-shaped columns)");
{
  const n = 100_000;
  const next = rng(7);
  const common = Array.from({ length: n }, () => [Math.floor(next() * 1e6)]);
  const convertible = Array.from({ length: n }, () => [Math.floor(next() * 1e6)]);
  const ratio = Array.from({ length: n }, () => [1 + Math.floor(next() * 1000) / 1000]);
  const reg = time(() => RR["REGISTRABLE"](common, convertible, ratio, null, null), 9);
  console.log(`  RR.REGISTRABLE    ${fmt(reg.ms)}  (${((reg.ms * 1000) / n).toFixed(2)} µs/row)`);

  const registrable = reg.result;
  const affiliate = Array.from({ length: n }, () => [next() < 0.2]);
  const acquired = Array.from({ length: n }, () => [39000 + Math.floor(next() * 6000)]);
  const asOf = [[45000]];
  const ceased = time(() => RR["RULE144.CEASED"](registrable, affiliate, acquired, asOf, [[250_000]], null), 9);
  const errors = ceased.result.filter((row) => typeof row[0] !== "boolean").length;
  console.log(`  RR.RULE144.CEASED ${fmt(ceased.ms)}  (${((ceased.ms * 1000) / n).toFixed(2)} µs/row; ${errors} error cells)`);
}

// Workbook gateway (src/workbook): context.sync calls of the Office.js gateway against the Excel
// fake of test/workbook/support, and the in-memory workbook's recalculation, for 5,000 holders. The
// TypeScript sources run through ts-node (scripts/bench-workbook.ts).
console.log("\nWorkbook gateway, 5,000-holder cap table and its scenario sheet");
{
  const { execFileSync } = await import("node:child_process");
  const out = execFileSync(process.execPath, ["-r", "ts-node/register", path.join(root, "scripts", "bench-workbook.ts")], {
    cwd: root,
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "1", TS_NODE_PROJECT: path.join(root, "tsconfig.json") },
    encoding: "utf8",
  });
  process.stdout.write(out);
}

// Bundle sizes (issue 9 item 7, issue 13 item 4): every dist/*.js raw and gzip -9, and what
// taskpane.html loads at start (its <script> tags) against what it loads on demand.
function pageScriptsOf(page) {
  const html = fs.readFileSync(path.join(root, "dist", page), "utf8");
  return [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)["']?[^>]*>/gi)]
    .map((m) => m[1])
    .filter((src) => !/^[a-z]+:/i.test(src))
    .map((src) => src.replace(/^\.?\//, ""));
}

function functionsScripts() {
  const srcs = pageScriptsOf("taskpane.html");
  return srcs.slice(0, srcs.indexOf("functions.js") + 1).map((src) => path.join(root, "dist", src));
}

async function bundleSizes() {
  const { gzipSync } = await import("node:zlib");
  const dist = path.join(root, "dist");
  const kb = (n) => `${(n / 1024).toFixed(1).padStart(8)} KB`;
  const size = (f) => {
    const bytes = fs.readFileSync(path.join(dist, f));
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const initial = pageScriptsOf("taskpane.html");
  const preview = pageScriptsOf("preview.html");
  console.log("\nBundle sizes (dist/, gzip -9)");
  console.log(`  ${"file".padEnd(28)} ${"raw".padStart(11)} ${"gzip".padStart(11)}  loaded by`);
  const files = fs.readdirSync(dist).filter((f) => f.endsWith(".js"));
  for (const f of files.sort()) {
    const { raw, gzip } = size(f);
    const by = initial.includes(f) ? "taskpane.html at start" : preview.includes(f) ? "preview.html at start" : "on demand";
    console.log(`  ${f.padEnd(28)} ${kb(raw)} ${kb(gzip)}  ${by}`);
  }
  const total = initial.map(size).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
  console.log(`  taskpane.html initial load (${initial.join(" + ")}): ${kb(total.raw).trim()} raw, ${kb(total.gzip).trim()} gzip`);
}
await bundleSizes();
