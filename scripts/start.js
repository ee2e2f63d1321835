#!/usr/bin/env node
// `npm start`:
//   1. install dependencies if node_modules is missing or older than package-lock.json;
//   2. build (development);
//   3. Windows / macOS: sideload into Excel desktop with office-addin-debugging (fetched by
//      npx on purpose: it is not a dependency, its native keytar build fails on some machines);
//      Linux / CI (no Excel): start webpack-dev-server on the configured port in the
//      background, record its pid for `npm stop`, and print the task pane URL and the preview URL
//      (dist/preview.html: the real pane beside a grid of the in-memory workbook).
//
// Options (Linux): --foreground   keep the dev server attached to this terminal (Ctrl+C stops it).
"use strict";

const fs = require("fs");
const http = require("http");
const https = require("https");
const net = require("net");
const path = require("path");
const { spawn, spawnSync } = require("child_process");
const { ensureDeps, npmCommand } = require("./ensure-deps");
const state = require("./dev-server-state");

const ROOT = path.resolve(__dirname, "..");
const pkg = require(path.join(ROOT, "package.json"));
const PORT = Number(process.env.npm_package_config_dev_server_port || (pkg.config && pkg.config.dev_server_port) || 3000);
const READY_TIMEOUT_MS = 120_000;
const shell = process.platform === "win32";

function log(msg) {
  console.log(`[regrights] ${msg}`);
}

function fail(msg) {
  console.error(`[regrights] ${msg}`);
  process.exit(1);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", shell });
  if (r.error) fail(`${cmd} ${args.join(" ")} could not be started: ${r.error.message}`);
  return r.status ?? 1;
}

function build() {
  log("building (development) ...");
  const status = run(npmCommand(), ["run", "build:dev"]);
  if (status !== 0) fail(`build failed (exit code ${status})`);
}

function sideloadDesktop() {
  log("sideloading into Excel desktop (npx office-addin-debugging@6) ...");
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const status = run(npx, ["--yes", "office-addin-debugging@6", "start", "manifest.xml", "desktop", "--app", "excel"]);
  process.exit(status);
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, "localhost");
  });
}

/** GET url; resolves with the status code, or undefined when nothing answers. */
function probe(url) {
  return new Promise((resolve) => {
    const lib = url.startsWith("https:") ? https : http;
    const req = lib.get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(undefined));
  });
}

/** Waits until the dev server answers on https or http; returns the page URL. */
async function waitUntilServing(child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited = null;
  child.once("exit", (code, signal) => (exited = { code, signal }));
  while (Date.now() < deadline) {
    if (exited) return { exited };
    for (const scheme of ["https", "http"]) {
      const url = `${scheme}://localhost:${PORT}/taskpane.html`;
      if ((await probe(url)) === 200) return { url };
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return {};
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

async function serveForBrowser() {
  const foreground = process.argv.includes("--foreground");

  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const args = [webpackCli, "serve", "--mode", "development"];
  const logFile = state.stateFile().replace(/\.json$/, ".log");
  fs.mkdirSync(path.dirname(logFile), { recursive: true });

  let child;
  if (foreground) {
    child = spawn(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
  } else {
    const out = fs.openSync(logFile, "w");
    child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", out, out], detached: true });
    fs.closeSync(out);
  }
  const file = state.writeState({
    pid: child.pid,
    url: `localhost:${PORT}`,
    log: foreground ? null : logFile,
    started: new Date().toISOString(),
  });

  const ready = await waitUntilServing(child);
  if (!ready.url) {
    state.clearState();
    if (!ready.exited) {
      try {
        process.kill(foreground ? child.pid : -child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
    }
    const why = ready.exited ? `exited (code ${ready.exited.code}, signal ${ready.exited.signal})` : "did not answer in time";
    fail(`the dev server ${why}.${foreground ? "" : `\nLast lines of ${logFile}:\n${tail(logFile)}`}`);
  }
  state.writeState({ pid: child.pid, url: ready.url, log: foreground ? null : logFile, started: new Date().toISOString() });

  console.log("");
  // The preview first: it is the page to open in a browser. The task pane URL is what Excel loads.
  log(`Open in a browser: ${ready.url.replace(/taskpane\.html$/, "preview.html")}`);
  log("  (the preview: the task pane beside a sample workbook in memory, with the RR functions live; no Excel needed)");
  log(`Task pane for Excel: ${ready.url}`);
  log("  (what manifest.xml points Excel at; in a plain browser it only links to the preview)");
  log(
    `Excel is not available on this machine (${process.platform}), so the add-in is served for a browser ` +
      "or for sideloading into Excel on the web (upload manifest.xml via Home > Add-ins > More add-ins > Upload My Add-in).",
  );
  if (ready.url.startsWith("http:")) {
    // The webpack config prints why it chose plain HTTP; repeat it here from the log.
    const why = foreground
      ? []
      : tail(logFile, 400)
          .split("\n")
          .filter((l) => l.startsWith("[regrights] dev server:"));
    for (const line of why) console.log(line);
    log("Note: served over plain HTTP; Excel on the web needs HTTPS (run `npx office-addin-dev-certs install` once).");
  }
  log(foreground ? "Press Ctrl+C to stop." : `Dev server pid ${child.pid}, log ${logFile}, state ${file}. Stop it with \`npm stop\`.`);

  if (foreground) {
    const stop = () => child.kill("SIGTERM");
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    child.on("exit", (code) => {
      state.clearState();
      process.exit(code ?? 0);
    });
  } else {
    child.unref();
  }
}

async function main() {
  try {
    ensureDeps({ root: ROOT, log });
  } catch (err) {
    fail(err.message);
  }
  const desktop = process.platform === "win32" || process.platform === "darwin";
  if (!desktop) {
    // Before building: is our dev server already up, or is the port taken?
    const previous = state.readState();
    if (previous && state.isAlive(previous.pid) && state.looksLikeDevServer(previous.pid)) {
      log(`a dev server started earlier is still running (pid ${previous.pid}): ${previous.url}`);
      log("it rebuilds on change; run `npm stop` to end it.");
      return;
    }
    state.clearState();
    if (!(await portIsFree(PORT))) {
      fail(`port ${PORT} is already in use by another program; free it (or change config.dev_server_port in package.json).`);
    }
  }
  build();
  if (desktop) {
    sideloadDesktop();
  } else {
    await serveForBrowser();
  }
}

main().catch((err) => fail(err && err.stack ? err.stack : String(err)));
