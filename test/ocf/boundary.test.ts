// src/ocf runs in the task pane's browser bundle: it may import only the engine, fflate and itself.
import { readdirSync, readFileSync } from "fs";
import { join } from "path";

const DIR = join(__dirname, "..", "..", "src", "ocf");

describe("src/ocf imports", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".ts"));

  it.each(files)("%s imports only ../engine, fflate and ./ modules", (file) => {
    const source = readFileSync(join(DIR, file), "utf8");
    const specifiers = [...source.matchAll(/\bfrom\s+"([^"]+)"|\brequire\(\s*"([^"]+)"\s*\)|\bimport\(\s*"([^"]+)"\s*\)/g)].map(
      (m) => m[1] ?? m[2] ?? m[3],
    );
    for (const s of specifiers) expect(s).toMatch(/^(\.\.\/engine|fflate|\.\/[a-zA-Z]+)$/);
  });

  it("uses no browser or Node globals (window, document, Buffer, process, fetch)", () => {
    for (const file of files) {
      const code = readFileSync(join(DIR, file), "utf8").replace(/\/\/.*$/gm, "");
      expect(code).not.toMatch(/\b(window|document|Buffer|process|fetch|XMLHttpRequest|eval)\b/);
    }
  });
});
