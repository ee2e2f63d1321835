// docs/functions.md is generated from the build; a stale copy fails the suite (and so CI).
import { spawnSync } from "child_process";
import * as path from "path";

test("docs/functions.md matches what npm run docs generates", () => {
  const root = path.resolve(__dirname, "..");
  const run = spawnSync(process.execPath, [path.join(root, "scripts", "docs.mjs"), "--check"], { cwd: root, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
});
