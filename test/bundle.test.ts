/**
 * Checks the built functions bundle (run after `npm run build`; npm test builds first):
 * it loads in a bare JavaScript context with only a CustomFunctions stub (no window, self or
 * document), and registers exactly the functions that dist/functions.json declares.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { customFunctionsStub } from "./support/customFunctionsStub";

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
  const file = path.join(DIST, "functions.js");
  vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
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
