// Where `npm start` records the dev server it launched on Linux, so `npm stop` can end it.
"use strict";

const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");

/** A state file per checkout, in the system temp directory. */
function stateFile(root = ROOT) {
  const key = crypto.createHash("sha1").update(path.resolve(root)).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), "regrights", `dev-server-${key}.json`);
}

/** @returns {{ pid: number, url: string, log: string, started: string } | undefined} */
function readState(root = ROOT) {
  try {
    return JSON.parse(fs.readFileSync(stateFile(root), "utf8"));
  } catch {
    return undefined;
  }
}

function writeState(state, root = ROOT) {
  const file = stateFile(root);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(state, null, 2));
  return file;
}

function clearState(root = ROOT) {
  fs.rmSync(stateFile(root), { force: true });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

/**
 * Guards against a recycled pid: on Linux the recorded process must still be webpack (whose
 * CLI retitles itself "webpack", so its arguments are not visible) running in this checkout.
 * Where /proc is not readable we trust the record.
 */
function looksLikeDevServer(pid, root = ROOT) {
  let cmdline;
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return true;
  }
  if (!cmdline.includes("webpack")) return false;
  try {
    return path.resolve(fs.readlinkSync(`/proc/${pid}/cwd`)) === path.resolve(root);
  } catch {
    return true;
  }
}

module.exports = { stateFile, readState, writeState, clearState, isAlive, looksLikeDevServer };
