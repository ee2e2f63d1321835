// The scripts the built pages load, read from dist/*.html (the HtmlWebpackPlugin output), so the
// tests load the bundles as the page does: taskpane.html loads the shared engine chunk, then
// functions.js, then taskpane.js (webpack.config.js).
import * as fs from "fs";
import * as path from "path";

export const DIST = path.resolve(__dirname, "..", "..", "dist");

/** The add-in's own scripts a page loads at start, in order (office.js from the CDN left out). */
export function pageScripts(page: string): string[] {
  const html = fs.readFileSync(path.join(DIST, page), "utf8");
  return [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)["']?[^>]*>/gi)]
    .map((m) => m[1])
    .filter((src) => !/^[a-z]+:/i.test(src))
    .map((src) => src.replace(/^\.?\//, ""));
}

/** The scripts of taskpane.html up to functions.js: what registers the RR functions (the engine chunk, then functions.js). */
export function functionsScripts(): { file: string; code: string }[] {
  const srcs = pageScripts("taskpane.html");
  const end = srcs.indexOf("functions.js");
  if (end < 0) throw new Error("dist/taskpane.html does not load functions.js");
  return srcs.slice(0, end + 1).map((src) => {
    const file = path.join(DIST, src);
    return { file, code: fs.readFileSync(file, "utf8") };
  });
}
