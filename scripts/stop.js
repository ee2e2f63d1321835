#!/usr/bin/env node
// `npm stop`: the counterpart of scripts/start.js.
//   Windows / macOS: unload the add-in from Excel desktop and stop its dev server
//   (npx office-addin-debugging@6 stop manifest.xml).
//   Linux: end the dev server that `npm start` launched (recorded in a state file in the
//   system temp directory); nothing else is touched.
"use strict";

const path = require("path");
const { spawnSync } = require("child_process");
const state = require("./dev-server-state");

const ROOT = path.resolve(__dirname, "..");

function log(msg) {
  console.log(`[regrights] ${msg}`);
}

function stopDesktop() {
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const r = spawnSync(npx, ["--yes", "office-addin-debugging@6", "stop", "manifest.xml"], {
    cwd: ROOT,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (r.error) {
    console.error(`[regrights] office-addin-debugging could not be started: ${r.error.message}`);
    process.exit(1);
  }
  process.exit(r.status ?? 1);
}

function signalGroup(pid, signal) {
  // start.js launches the server detached, so it leads its own process group.
  try {
    process.kill(-pid, signal);
    return;
  } catch {
    /* not a group leader (foreground mode): signal the process itself */
  }
  try {
    process.kill(pid, signal);
  } catch {
    /* already gone */
  }
}

async function stopDevServer() {
  const s = state.readState();
  if (!s) {
    log("no dev server started by `npm start` is recorded; nothing to stop.");
    return;
  }
  if (!state.isAlive(s.pid)) {
    log(`the recorded dev server (pid ${s.pid}) is no longer running.`);
    state.clearState();
    return;
  }
  if (!state.looksLikeDevServer(s.pid)) {
    log(`pid ${s.pid} is no longer the dev server (the pid was reused); not touching it.`);
    state.clearState();
    return;
  }
  signalGroup(s.pid, "SIGTERM");
  for (let i = 0; i < 50 && state.isAlive(s.pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (state.isAlive(s.pid)) signalGroup(s.pid, "SIGKILL");
  state.clearState();
  log(`stopped the dev server (pid ${s.pid}, ${s.url}).`);
}

if (process.platform === "win32" || process.platform === "darwin") {
  stopDesktop();
} else {
  stopDevServer().catch((err) => {
    console.error(`[regrights] ${err.message}`);
    process.exit(1);
  });
}
