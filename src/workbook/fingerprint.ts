// Sheet ownership, pure and shared by both implementations. When RegRights writes a scenario sheet
// it stores a fingerprint of what it wrote in a worksheet custom property; sheetStatus is "ours"
// only while the sheet still holds exactly that.
//
// What is compared (the cells as Range.formulas returns them):
//  - every formula cell of the written block: same positions, same formula text (compared without
//    case and spaces outside string literals, as Excel may re-case a formula);
//  - every constant RegRights wrote, at its position (positions kept as compact rectangles);
//  - no formula anywhere else (in the block or below it), and nothing right of the block.
// Cells RegRights wrote blank may hold values (they are where formulas spill), so a value typed
// into such a cell, or below the block, is not detected; a formula typed there is.

import type { CellInput, CellValue } from "./gateway";
import { Block, blockAddress, parseBlock } from "./address";

export const FINGERPRINT_KEY = "RegRights.fingerprint";
const VERSION = 1;
/** Custom property values are kept short (Excel trims some at 255 characters). */
const MAX_LENGTH = 250;

export interface Fingerprint {
  v: number;
  /** The written block, from A1. */
  rows: number;
  cols: number;
  /** Hash of the formula cells. */
  f: string;
  /** Hash of the constant cells, at the positions in p. */
  k: string;
  /** Rectangles holding the written constants ("A1:H1,A20"); absent when too many to list. */
  p?: string;
}

const isFormula = (v: unknown): v is string => typeof v === "string" && v.startsWith("=");
const isBlank = (v: unknown) => v === null || v === undefined || v === "";

/** Formula text as compared: upper case and no spaces outside "string literals". */
export function canonicalFormula(formula: string): string {
  let out = "";
  let inString = false;
  for (const ch of formula) {
    if (ch === '"') inString = !inString;
    if (inString || ch === '"') out += ch;
    // Also dropped: quotes around sheet names and the implicit-intersection "@", which Excel may
    // add or remove when it gives a formula back.
    else if (!" \n\r\t'@".includes(ch)) out += ch.toUpperCase();
  }
  return out;
}

/**
 * A constant as compared. Excel converts text that looks like a number, a percentage or TRUE/FALSE
 * when it is written, so those compare as the value Excel will hold (write dates as serials).
 */
function canonicalConstant(v: CellValue | CellInput): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return `n${v}`;
  const text = String(v).trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return `n${Number(text)}`;
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(text)) return `n${Number(text.slice(0, -1)) / 100}`;
  if (/^(true|false)$/i.test(text)) return text.toUpperCase();
  return `s${v}`;
}

/** 64-bit FNV-1a (two 32-bit lanes), hex. Not cryptographic: it detects edits, not attackers. */
export function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/** Rectangles covering the true cells: runs per row, merged with the row above when equal. */
function rectangles(mask: boolean[][]): Block[] {
  const open = new Map<string, Block>();
  const done: Block[] = [];
  mask.forEach((row, r) => {
    const runs: [number, number][] = [];
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      let e = c;
      while (e + 1 < row.length && row[e + 1]) e++;
      runs.push([c, e]);
      c = e;
    }
    const next = new Map<string, Block>();
    for (const [l, rt] of runs) {
      const key = `${l}:${rt}`;
      const prev = open.get(key);
      if (prev && prev.bottom === r - 1) {
        prev.bottom = r;
        next.set(key, prev);
        open.delete(key);
      } else next.set(key, { top: r, left: l, bottom: r, right: rt });
    }
    for (const b of open.values()) done.push(b);
    open.clear();
    for (const [k, b] of next) open.set(k, b);
  });
  return [...done, ...open.values()].sort((x, y) => x.top - y.top || x.left - y.left);
}

function hashCells(grid: (CellInput | CellValue)[][], pick: (v: CellInput | CellValue, r: number, c: number) => string | null): string {
  const parts: string[] = [];
  grid.forEach((row, r) =>
    row.forEach((v, c) => {
      const s = pick(v, r, c);
      if (s !== null) parts.push(`${r},${c}=${s}`);
    }),
  );
  return hash(parts.join("\n"));
}

/** The fingerprint of a block about to be written from A1 (cells as given to writeSheet). */
export function fingerprintOf(cells: CellInput[][]): string {
  const rows = cells.length;
  const cols = cells.reduce((m, r) => Math.max(m, r.length), 0);
  const grid = cells.map((r) => Array.from({ length: cols }, (_, c) => (r[c] === undefined ? null : r[c])));
  const f = hashCells(grid, (v) => (isFormula(v) ? canonicalFormula(v) : null));
  const k = hashCells(grid, (v) => (isFormula(v) || isBlank(v) ? null : canonicalConstant(v)));
  const mask = grid.map((r) => r.map((v) => !isFormula(v) && !isBlank(v)));
  const p = rectangles(mask).map(blockAddress).join(",");
  const fp: Fingerprint = { v: VERSION, rows, cols, f, k, p };
  let text = JSON.stringify(fp);
  if (text.length > MAX_LENGTH) text = JSON.stringify({ ...fp, p: undefined });
  return text;
}

export function parseFingerprint(text: unknown): Fingerprint | null {
  if (typeof text !== "string") return null;
  try {
    const fp = JSON.parse(text) as Fingerprint;
    if (
      fp &&
      fp.v === VERSION &&
      Number.isInteger(fp.rows) &&
      Number.isInteger(fp.cols) &&
      typeof fp.f === "string" &&
      typeof fp.k === "string"
    )
      return fp;
  } catch {
    /* not ours */
  }
  return null;
}

/**
 * True when the sheet still holds what the fingerprint describes. used: the sheet's used range
 * (values only) as Range.getUsedRange(true) gives it, its address and its Range.formulas; null
 * when the sheet is empty.
 */
export function matchesFingerprint(fp: Fingerprint, used: { address: string; formulas: (CellValue | CellInput)[][] } | null): boolean {
  const block = used ? parseBlock(used.address) : null;
  if (block && block.right >= Math.max(fp.cols, 1)) return false;
  const at = (r: number, c: number) => {
    if (!block || !used) return "";
    const v = used.formulas[r - block.top]?.[c - block.left];
    return v === undefined ? "" : v;
  };
  // A formula below the written block was not written by RegRights.
  if (block && used)
    for (let r = Math.max(block.top, fp.rows); r <= block.bottom; r++)
      for (let c = block.left; c <= block.right; c++) if (isFormula(at(r, c))) return false;
  const formulas = Array.from({ length: fp.rows }, (_, r) => Array.from({ length: fp.cols }, (_, c) => at(r, c)));
  const f = hashCells(formulas, (v) => (isFormula(v) ? canonicalFormula(v) : null));
  if (f !== fp.f) return false;
  if (fp.p === undefined) return true;
  const inConstants = new Set<number>();
  if (fp.p !== "")
    for (const a of fp.p.split(",")) {
      const b = parseBlock(a);
      for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) inConstants.add(r * 16384 + c);
    }
  const k = hashCells(formulas, (v, r, c) => (inConstants.has(r * 16384 + c) ? (isBlank(v) ? "blank" : canonicalConstant(v)) : null));
  return k === fp.k;
}
