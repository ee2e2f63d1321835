// docs/functions.md and docs/functions.html are generated from the build; a stale copy fails the
// suite (and so CI). Each function's @helpurl opens its section of the shipped help page.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..");

test("docs/functions.md and docs/functions.html match what npm run docs generates", () => {
  const run = spawnSync(process.execPath, [path.join(root, "scripts", "docs.mjs"), "--check"], { cwd: root, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
});

test("every function's help URL opens its own section of dist/help/functions.html", () => {
  const { functions } = JSON.parse(fs.readFileSync(path.join(root, "dist", "functions.json"), "utf8")) as {
    functions: { id: string; helpUrl?: string }[];
  };
  const page = fs.readFileSync(path.join(root, "dist", "help", "functions.html"), "utf8");
  expect(functions.length).toBeGreaterThan(10);
  for (const f of functions) {
    const anchor = `rr-${f.id.toLowerCase().replace(/\./g, "-")}`;
    expect([f.id, f.helpUrl]).toEqual([f.id, `https://localhost:3000/help/functions.html#${anchor}`]);
    expect([f.id, page.includes(`<section id="${anchor}">`)]).toEqual([f.id, true]);
  }
  expect(page).not.toMatch(/<script/i);
});
