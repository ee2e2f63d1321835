#!/usr/bin/env node
// Makes sure node_modules is installed and not older than package-lock.json; runs `npm ci`
// when it is missing or stale. Used by scripts/start.js; usable on its own:
//   node scripts/ensure-deps.js
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");

function mtimeMs(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Whether dependencies must be (re)installed.
 * npm rewrites node_modules/.package-lock.json on every install, so it is the marker for
 * "when node_modules was last brought in line with the lock file".
 * @param {string} [root]
 * @returns {{ needed: boolean, reason: string }}
 */
function needsInstall(root = ROOT) {
  const nodeModules = path.join(root, "node_modules");
  if (!fs.existsSync(nodeModules)) return { needed: true, reason: "node_modules is missing" };
  const lock = mtimeMs(path.join(root, "package-lock.json"));
  if (lock === undefined) return { needed: false, reason: "no package-lock.json to compare with" };
  const installed = mtimeMs(path.join(nodeModules, ".package-lock.json")) ?? mtimeMs(nodeModules);
  if (installed === undefined || installed < lock) {
    return { needed: true, reason: "node_modules is older than package-lock.json" };
  }
  return { needed: false, reason: "node_modules is up to date" };
}

/** Command line for npm on this platform (npm is a .cmd script on Windows). */
function npmCommand() {
  return process.platform === "win32" ? "npm.cmd" : "npm";
}

/**
 * Runs `npm ci` when needsInstall() says so. Throws if the install fails.
 * @param {{ root?: string, log?: (msg: string) => void }} [options]
 * @returns {boolean} whether an install was run
 */
function ensureDeps({ root = ROOT, log = (m) => console.log(m) } = {}) {
  const { needed, reason } = needsInstall(root);
  if (!needed) return false;
  log(`[regrights] ${reason}: running npm ci ...`);
  const result = spawnSync(npmCommand(), ["ci"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (result.error) throw new Error(`npm ci could not be started: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`npm ci failed (exit code ${result.status})`);
  return true;
}

module.exports = { needsInstall, ensureDeps, npmCommand };

if (require.main === module) {
  try {
    const ran = ensureDeps();
    if (!ran) console.log(`[regrights] ${needsInstall().reason}.`);
  } catch (err) {
    console.error(`[regrights] ${err.message}`);
    process.exit(1);
  }
}
