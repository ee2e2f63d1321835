/**
 * Checks the built functions bundle (run after `npm run build`; npm test builds first):
 * it loads in a bare JavaScript context with only a CustomFunctions stub (no window, self or
 * document), with the engine chunk taskpane.html loads before it, and registers exactly the
 * functions that dist/functions.json declares. Also the shared runtime page's scripts: the engine
 * once, every chunk in dist/ itself, and the pane's size budget.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import * as zlib from "zlib";
import { customFunctionsStub } from "./support/customFunctionsStub";
import { functionsScripts, pageScripts } from "./support/distScripts";

const DIST = path.resolve(__dirname, "..", "dist");

interface FunctionsJson {
  functions: { id: string; name: string }[];
}

function loadFunctionsBundle(): { associations: [string, unknown][] } {
  const associations: [string, unknown][] = [];
  // Only the CustomFunctions global: a bare context with no window, self or document.
  const context = vm.createContext({
    console,
    CustomFunctions: { ...customFunctionsStub, associate: (id: string, fn: unknown) => associations.push([id, fn]) },
  });
  // As taskpane.html loads them: the shared engine chunk, then functions.js.
  for (const { file, code } of functionsScripts()) vm.runInContext(code, context, { filename: file });
  return { associations };
}

function declaredIds(): string[] {
  const json = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as FunctionsJson;
  return json.functions.map((f) => f.id);
}

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, "functions.js"))) {
    throw new Error("dist/ is missing: run `npm run build` first (npm test does).");
  }
});

test("functions.json declares at least one function", () => {
  expect(declaredIds().length).toBeGreaterThan(0);
});

test("functions.js loads without a DOM and associates every declared function once", () => {
  const { associations } = loadFunctionsBundle();
  const ids = associations.map(([id]) => id);
  expect([...ids].sort()).toEqual([...declaredIds()].sort());
  for (const [, fn] of associations) expect(typeof fn).toBe("function");
});

describe("what dist/ serves (production build)", () => {
  test("no source maps and no sourceMappingURL: the hidden maps are in build/sourcemaps, outside dist/", () => {
    const served = fs.readdirSync(DIST, { recursive: true }).map(String);
    expect(served.filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const js of served.filter((f) => f.endsWith(".js"))) {
      expect([js, fs.readFileSync(path.join(DIST, js), "utf8").includes("sourceMappingURL=")]).toEqual([js, false]);
    }
    const maps = path.resolve(DIST, "..", "build", "sourcemaps");
    expect(fs.readdirSync(maps).sort()).toEqual(expect.arrayContaining(["functions.js.map", "taskpane.js.map"]));
  });
});

test("the task pane's bundle does not register the functions again (it shares the page with functions.js)", () => {
  // Explain cell evaluates through src/functions/implementations.ts, not the custom-functions entry.
  expect(fs.readFileSync(path.join(DIST, "taskpane.js"), "utf8")).not.toContain("CustomFunctions.associate");
});

// ---------------------------------------------------------------------------------------------
// The shared runtime page (taskpane.html): what it loads at start, and what it loads on demand.

const gzip = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length;
const KB = 1024;
const servedJs = () => fs.readdirSync(DIST).filter((f) => f.endsWith(".js"));
/** Every script taskpane.html can run: all of dist/*.js but preview.js (preview.html's own bundle). */
const paneJs = () => servedJs().filter((f) => f !== "preview.js");

/**
 * Budgets, in gzip bytes (gzip -9, as `npm run bench` prints them). Issue 9 asks for 150 KB for
 * taskpane.js; what is in it is the first screen (React DOM alone is 63 KB, Fluent's provider,
 * griffel and tokens about 20 KB, the form's controls about 30 KB: see `npm run bench`). What is
 * shown only after an action loads on demand (the chunks below). The page's initial scripts add
 * the engine chunk (33 KB) and functions.js; that budget stands a few KB above the figure reached.
 */
const TASKPANE_JS_BUDGET = 150 * KB;
const INITIAL_SCRIPTS_BUDGET = 180 * KB;

describe("dist/taskpane.html (shared runtime: functions.js and taskpane.js on one page)", () => {
  test("loads the engine chunk, then functions.js, then taskpane.js, each a file in dist/ itself", () => {
    const srcs = pageScripts("taskpane.html");
    expect(srcs.slice(-2)).toEqual(["functions.js", "taskpane.js"]);
    expect(srcs).toContain("engine.js");
    expect(srcs.indexOf("engine.js")).toBeLessThan(srcs.indexOf("functions.js"));
    for (const src of srcs) {
      // Served from dist/'s root, beside the page the manifest's SourceLocation names.
      expect([src, src.includes("/"), fs.existsSync(path.join(DIST, src))]).toEqual([src, false, true]);
    }
  });

  test("functions.js alone holds no engine: without the engine chunk it registers nothing", () => {
    const associations: string[] = [];
    const context = vm.createContext({
      console,
      CustomFunctions: { ...customFunctionsStub, associate: (id: string) => associations.push(id) },
    });
    vm.runInContext(fs.readFileSync(path.join(DIST, "functions.js"), "utf8"), context);
    expect(associations).toEqual([]);
  });

  // A string only decimal.js has, and one only src/engine has (terms.ts: the clause names).
  test.each([
    ["decimal.js", "[DecimalError]"],
    ["src/engine", "more than this fraction of Registrable Securities outstanding"],
  ])("%s is in exactly one of the files the page can load (engine.js)", (_, marker) => {
    const holding = paneJs().filter((f) => fs.readFileSync(path.join(DIST, f), "utf8").includes(marker));
    expect(holding).toEqual(["engine.js"]);
  });

  test("every chunk is a .js file in dist/ itself: no sub-folder for the page to miss", () => {
    const nested = fs
      .readdirSync(DIST, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".js") && f.includes(path.sep));
    expect(nested).toEqual([]);
  });

  test("the views loaded on demand are chunks of their own, not in taskpane.js", () => {
    const taskpane = fs.readFileSync(path.join(DIST, "taskpane.js"), "utf8");
    const chunks = paneJs().filter((f) => !pageScripts("taskpane.html").includes(f));
    // Named by webpackChunkName in src/taskpane/lazy.tsx, Pane.tsx and the Office gateway, with a content hash.
    for (const name of ["ocf", "import-report", "explain", "grid", "run", "compare", "rule144", "workbook", "holders"]) {
      expect([name, chunks.some((f) => new RegExp(`^${name}\\.[0-9a-f]{8}\\.js$`).test(f))]).toEqual([name, true]);
    }
    // The OCF importer's inflate (fflate), the DataGrid and the explainer's catalogue stay out.
    expect(taskpane).not.toContain("invalid zip data");
    expect(taskpane).not.toContain("fui-DataGrid");
    expect(taskpane).not.toContain("unknown compression type");
    // The run's work (the scenario sheet's words), and tabster (DataGrid's arrow keys) stay out too.
    expect(taskpane).not.toContain("Requested vs included shares");
    expect(taskpane).not.toContain("data-tabster");
  });

  test(`budget: taskpane.js is at most ${TASKPANE_JS_BUDGET / KB} KB gzip, the page's initial scripts at most ${INITIAL_SCRIPTS_BUDGET / KB} KB`, () => {
    const initial = pageScripts("taskpane.html").map((f) => [f, gzip(f)] as const);
    const total = initial.reduce((sum, [, n]) => sum + n, 0);
    expect(gzip("taskpane.js")).toBeLessThanOrEqual(TASKPANE_JS_BUDGET);
    expect(total).toBeLessThanOrEqual(INITIAL_SCRIPTS_BUDGET);
  });
});
