// npm run bench — speed figures for the shipped functions bundle (dist/functions.js, as Excel loads
// it), against dinero.js's allocate on the same input in the same process. Prints figures; asserts
// nothing about time (a benchmark, not a test), but does check that the answers are exact.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { dinero, allocate } from "dinero.js";
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

/**
 * Another build of the bundle (an older commit's), its functions in their own table. Where that
 * build has its own taskpane.html beside functions.js, the scripts it loads before functions.js (its
 * engine chunk) are loaded too, under their own webpack chunk table: with the shared one, the older
 * functions.js would find this build's engine modules (same module ids) and time them instead.
 */
function loadBundle(file) {
  const fns = {};
  const associate = globalThis.CustomFunctions.associate;
  globalThis.CustomFunctions.associate = (id, fn) => (fns[id] = fn);
  const dir = path.dirname(file);
  const page = path.join(dir, "taskpane.html");
  const srcs = fs.existsSync(page) ? pageScriptsOf(page) : [];
  const scripts = srcs.includes("functions.js")
    ? srcs.slice(0, srcs.indexOf("functions.js") + 1).map((src) => path.join(dir, src))
    : [file];
  for (const script of scripts) {
    const text = fs.readFileSync(script, "utf8").replaceAll("webpackChunkregrights", "webpackChunkregrightsBaseline");
    vm.runInThisContext(text, { filename: script });
  }
  globalThis.CustomFunctions.associate = associate;
  return fns;
}

// Deterministic input: a 32-bit LCG, so every run measures the same rows.
function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function median(samples) {
  const sorted = samples.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function time(fn, runs) {
  fn(); // warm-up
  const samples = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return { ms: median(samples), result: fn() };
}

/**
 * Two functions timed in batches, a's runs then b's, twice over (a a a b b b a a a b b b), each
 * batch after an untimed call of its own function (unless `warm` is false), which also takes the
 * collection of what the other batch left. Not call by call in turn: then each call
 * pays for the collection of the other's garbage, and dinero.js leaves far more (its objects
 * survive its call into the old generation, whose full collection then falls in RR.CUTBACK's
 * turn). No result is kept alive while the other runs; the results are from one more call of
 * each after the timing (b's only if asked for). No forced GC between batches: node's gc() also
 * throws away compiled code ("weak objects"), so the next call would measure recompiling it.
 */
function timePair(fa, fb, runs, warm = true) {
  const sa = [];
  const sb = [];
  const batch = Math.max(1, Math.ceil(runs / 2));
  for (let round = 0; round < 2; round++) {
    for (const [f, samples] of [
      [fa, sa],
      [fb, sb],
    ]) {
      if (warm) f();
      for (let k = 0; k < batch; k++) {
        const t0 = performance.now();
        f();
        samples.push(performance.now() - t0);
      }
    }
  }
  return {
    a: { ms: median(sa), result: fa() },
    b: {
      ms: median(sb),
      get result() {
        return fb();
      },
    },
  };
}

const fmt = (ms) => `${ms.toFixed(1).padStart(8)} ms`;
const SIZES = [5_000, 100_000, 1_000_000];
const MAGNITUDES = [1e5, 2e6, 1e9];

/**
 * The rows of one case: requests of 1 to `top` shares; weights (shares owned) of at least the
 * request, up to request + top; tiers 1–3 at random, or all 1; capacity 37% of the total requested.
 */
function cutbackCase(n, top, tiers, weighted, cell = (x) => x) {
  const next = rng(n + top + 10 * tiers + (weighted ? 1 : 0));
  const requests = new Array(n);
  const weights = weighted ? new Array(n) : null;
  const priority = new Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const r = 1 + Math.floor(next() * top);
    requests[i] = cell(r);
    total += r;
    if (weighted) weights[i] = cell(r + Math.floor(next() * top));
    priority[i] = cell(tiers === 1 ? 1 : 1 + Math.floor(next() * tiers));
  }
  return { requests, weights, priority, capacity: Math.floor(total * 0.37) };
}

/**
 * The BigInt reference the bench checks every answer against: the cutback clause in BigInt (tiers
 * from the highest; in the cut tier, rows capped at their request while r × W ≤ K × w, re-split
 * until none is; K × w / W floored, the leftover shares to the largest remainders, then the larger
 * request, then the earlier row). Written apart from src/engine and far simpler; slow but O(n) per
 * re-split round plus one sort, so it can check a million rows.
 */
function referenceCutback(requests, priority, capacity, weights) {
  const n = requests.length;
  const out = new Array(n).fill(0);
  const tierTotal = new Map();
  for (let i = 0; i < n; i++) tierTotal.set(priority[i], (tierTotal.get(priority[i]) ?? 0n) + BigInt(requests[i]));
  let left = BigInt(capacity);
  for (const tier of [...tierTotal.keys()].sort((a, b) => b - a)) {
    const rows = [];
    for (let i = 0; i < n; i++) if (priority[i] === tier) rows.push(i);
    if (tierTotal.get(tier) <= left) {
      for (const i of rows) out[i] = requests[i];
      left -= tierTotal.get(tier);
      continue;
    }
    if (left === 0n) continue;
    const r = (i) => BigInt(requests[i]);
    const w = (i) => BigInt(weights ? weights[i] : requests[i]);
    let open = rows.filter((i) => requests[i] > 0 && w(i) > 0n);
    let K = left;
    for (;;) {
      // One round: every row at or below the level K / W is capped, with the round's K and W.
      const W = open.reduce((a, i) => a + w(i), 0n);
      const capped = [];
      const keep = [];
      for (const i of open) (r(i) * W <= K * w(i) ? capped : keep).push(i);
      if (capped.length === 0) break;
      for (const i of capped) {
        out[i] = requests[i];
        K -= r(i);
      }
      open = keep;
    }
    const W = open.reduce((a, i) => a + w(i), 0n);
    if (K > 0n && W === 0n) throw new Error("reference: nothing left to split by");
    const rem = new Float64Array(n); // each remainder is below W ≤ 2^53, so a Number holds it exactly
    let given = 0n;
    for (const i of open) {
      const p = K * w(i);
      const q = p / W;
      out[i] = Number(q);
      rem[i] = Number(p - q * W);
      given += q;
    }
    const ranked = open.filter((i) => rem[i] > 0).sort((a, b) => rem[b] - rem[a] || requests[b] - requests[a] || a - b);
    for (let k = 0; k < Number(K - given); k++) out[ranked[k]] += 1;
    left = 0n;
  }
  return out;
}

/** Peak resident memory of a fresh process that builds one 1M-row case and runs RR.CUTBACK once. */
function peakRss(top, tiers, weighted) {
  const script = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, ["--expose-gc", script, "--rss", String(top), String(tiers), weighted ? "1" : "0"], {
    encoding: "utf8",
  });
  return JSON.parse(out);
}

if (process.argv[2] === "--rss") {
  const [top, tiers, weighted] = process.argv.slice(3).map(Number);
  // The same rows as the timed case, built as the Excel-shaped ranges the host passes (one-cell
  // rows) straight away: plain arrays first, mapped afterwards, left their garbage's pages resident
  // and the baseline 30-40 MB higher or not from run to run.
  const c = cutbackCase(1_000_000, top, tiers, weighted === 1, (x) => [x]);
  const args = [c.requests, c.priority, c.capacity, c.weights];
  global.gc(); // run with --expose-gc: the baseline is the inputs, not the garbage of building them
  const before = process.memoryUsage().rss;
  const out = RR["CUTBACK"](...args);
  process.stdout.write(JSON.stringify({ inputs: before, peak: process.resourceUsage().maxRSS * 1024, rows: out.length }));
  process.exit(0);
}

// BENCH_ONLY=cutback,indemnity,rows,workbook,sizes runs those sections alone (all by default).
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(",").map((w) => w.trim()) : null;
const wanted = (section) => only === null || only.includes(section);

console.log(
  `RegRights benchmark — node ${process.version}, ${process.platform}/${process.arch}; times are medians of repeated runs after a warm-up\n`,
);

if (wanted("cutback")) {
  console.log("RR.CUTBACK (Excel-shaped ranges in and out) vs dinero.js allocate (number calculator) on the same rows, same process.");
  console.log("Requests 1..max shares; weights = shares owned (request .. request + max); capacity 37% of the total requested.");
  console.log("dinero.js splits the capacity over all the rows by the same ratios (requests, or weights); it has no tiers or caps.");
  console.log("exact = every row equals the BigInt reference (scripts/bench.mjs, referenceCutback).\n");
  console.log("|      rows | max request | tiers | weights | RR.CUTBACK |  dinero.js | ratio | exact |");
  console.log("|----------:|------------:|------:|:-------:|-----------:|-----------:|------:|:-----:|");
  const ratios = [];
  for (const n of SIZES) {
    // Repetitions shrink with size to keep the run near five minutes; every case still runs.
    const runs = n >= 1_000_000 ? 4 : n >= 100_000 ? 5 : 15;
    for (const top of MAGNITUDES) {
      for (const tiers of [1, 3]) {
        for (const weighted of [false, true]) {
          const c = cutbackCase(n, top, tiers, weighted);
          const requested = c.requests.map((r) => [r]);
          const priority = tiers === 1 ? [[1]] : c.priority.map((t) => [t]);
          const weights = weighted ? c.weights.map((x) => [x]) : null;
          const ratiosFor = weighted ? c.weights : c.requests;
          const { a: rr, b: dn } = timePair(
            () => RR["CUTBACK"](requested, priority, c.capacity, weights),
            () => allocate(dinero({ amount: c.capacity, currency: USD, scale: 0 }), ratiosFor),
            runs,
          );
          const ref = referenceCutback(c.requests, c.priority, c.capacity, c.weights);
          let wrong = 0;
          for (let i = 0; i < n; i++) if (rr.result[i][0] !== ref[i]) wrong++;
          const ratio = rr.ms / dn.ms;
          ratios.push({ n, ratio });
          console.log(
            `| ${n.toLocaleString("en-US").padStart(9)} | ${top.toExponential(0).padStart(11)} | ${String(tiers).padStart(5)} | ${(weighted ? "yes" : "no").padEnd(7)} | ${fmt(rr.ms)} | ${fmt(dn.ms)} | ${ratio.toFixed(2).padStart(5)} | ${wrong === 0 ? " yes " : `NO: ${wrong} rows`} |`,
          );
        }
      }
    }
  }
  const worst = (n) => Math.max(...ratios.filter((r) => r.n === n).map((r) => r.ratio));
  console.log(
    `\nWorst ratio: ${SIZES.map((n) => `${n.toLocaleString("en-US")} rows ${worst(n).toFixed(2)}`).join(", ")} (target ≤ 0.2 at 100,000 and 1,000,000).`,
  );

  console.log(
    "\nPeak RSS of a fresh process holding one 1,000,000-row case (Excel-shaped ranges) and running RR.CUTBACK once (target < 400 MB):",
  );
  for (const [top, tiers, weighted] of [
    [1e9, 1, false],
    [1e9, 3, false],
    [1e9, 1, true],
    [1e9, 3, true],
  ]) {
    const { inputs, peak } = peakRss(top, tiers, weighted);
    console.log(
      `  max request ${top.toExponential(0)}, ${tiers} tier${tiers > 1 ? "s" : ""}, ${weighted ? "with" : "without"} weights: peak ${(peak / 2 ** 20).toFixed(0)} MB (inputs alone ${(inputs / 2 ** 20).toFixed(0)} MB)`,
    );
  }
}
if (wanted("indemnity")) {
  console.log('\nRR.INDEMNITY.ALLOCATE, 100,000 parties (fault weights with two decimals, caps or "none")');
  {
    const n = 100_000;
    const next = rng(11);
    const fault = Array.from({ length: n }, () => [Math.floor(next() * 10_000) / 100]);
    const cap = Array.from({ length: n }, () => [next() < 0.1 ? "none" : Math.floor(next() * 1e8) / 100]);
    const loss = 123_456_789.01;
    const res = time(() => RR["INDEMNITY.ALLOCATE"](loss, fault, cap), 5);
    const errors = res.result.filter((row) => typeof row[0] !== "number").length;
    console.log(`  RR.INDEMNITY.ALLOCATE ${fmt(res.ms)}  (${((res.ms * 1000) / n).toFixed(2)} µs/party; ${errors} error cells)`);
  }
}
if (wanted("rows")) {
  console.log("\nRR.REGISTRABLE and RR.RULE144.CEASED over 100,000 rows (Excel-shaped columns)");
  {
    const n = 100_000;
    const next = rng(7);
    const common = Array.from({ length: n }, () => [Math.floor(next() * 1e6)]);
    const convertible = Array.from({ length: n }, () => [Math.floor(next() * 1e6)]);
    // Ratios as a cell typed 1.234 holds them ((1000 + k) / 1000, the double nearest the decimal);
    // 1 + k / 1000 would add a rounding error (1.2340000000000002) that takes the decimal.js path.
    const ratio = Array.from({ length: n }, () => [(1000 + Math.floor(next() * 1000)) / 1000]);
    const affiliate = Array.from({ length: n }, () => [next() < 0.2]);
    const acquired = Array.from({ length: n }, () => [39000 + Math.floor(next() * 6000)]);
    const asOf = [[45000]];
    const registrable = RR["REGISTRABLE"](common, convertible, ratio, null, null);
    const calls = {
      "RR.REGISTRABLE   ": (fns) => fns["REGISTRABLE"](common, convertible, ratio, null, null),
      "RR.RULE144.CEASED": (fns) => fns["RULE144.CEASED"](registrable, affiliate, acquired, asOf, [[250_000]], null),
    };
    // BENCH_BASELINE=path/to/an/older/functions.js times that bundle too, in turn with this one, and
    // checks that both give the same cells (the speed-up is a ratio, stable across machines).
    const baseline = process.env.BENCH_BASELINE ? loadBundle(path.resolve(process.env.BENCH_BASELINE)) : null;
    for (const [label, call] of Object.entries(calls)) {
      const errors = call(RR).filter((row) => row[0] instanceof Error).length;
      if (!baseline) {
        const t = time(() => call(RR), 9);
        console.log(`  ${label} ${fmt(t.ms)}  (${((t.ms * 1000) / n).toFixed(2)} µs/row; ${errors} error cells)`);
        continue;
      }
      const { a: now, b: before } = timePair(
        () => call(RR),
        () => call(baseline),
        9,
      );
      const same = JSON.stringify(now.result) === JSON.stringify(before.result);
      console.log(
        `  ${label} ${fmt(now.ms)}  (${((now.ms * 1000) / n).toFixed(2)} µs/row; ${errors} error cells); baseline ${fmt(before.ms)}; speed-up ${(before.ms / now.ms).toFixed(1)}×; same cells: ${same ? "yes" : "NO"}`,
      );
    }
  }
}
if (wanted("workbook")) {
  // Workbook gateway (src/workbook): context.sync calls of the Office.js gateway against the Excel
  // fake of test/workbook/support, and the in-memory workbook's recalculation, for 5,000 holders. The
  // TypeScript sources run through ts-node (scripts/bench-workbook.ts).
  console.log("\nWorkbook gateway, 5,000-holder cap table and its scenario sheet");
  {
    const out = execFileSync(process.execPath, ["-r", "ts-node/register", path.join(root, "scripts", "bench-workbook.ts")], {
      cwd: root,
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "1", TS_NODE_PROJECT: path.join(root, "tsconfig.json") },
      encoding: "utf8",
    });
    process.stdout.write(out);
  }
}
// Bundle sizes (issue 9 item 7, issue 13 item 4): every dist/*.js raw and gzip -9, and what
// taskpane.html loads at start (its <script> tags) against what it loads on demand.
function pageScriptsOf(page) {
  const html = fs.readFileSync(path.isAbsolute(page) ? page : path.join(root, "dist", page), "utf8");
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
if (wanted("sizes")) await bundleSizes();
