// A1 addresses, pure: "C2", "$C$2:$H$13", "'Cap table'!A1:B2". Rows and columns are 0-based here.

export interface CellPos {
  row: number;
  col: number;
}

export interface Block {
  top: number;
  left: number;
  /** Inclusive. */
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export function columnName(col: number): string {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function parseCell(a1: string): CellPos {
  const m = CELL.exec(a1.trim());
  if (!m) throw new RangeError(`"${a1}" is not a cell address`);
  const pos = { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
  if (pos.row < 0 || pos.row >= MAX_ROWS || pos.col >= MAX_COLS) throw new RangeError(`"${a1}" is outside the sheet`);
  return pos;
}

/** Splits "'Cap table'!A1:B2" into sheet and address; the sheet is undefined when not given. */
export function splitSheet(address: string): { sheet?: string; address: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: address.slice(bang + 1) };
}

/** "A1:H12" (or "A1", or with a sheet prefix, which is ignored) as a block. */
export function parseBlock(address: string): Block {
  const [a, b] = splitSheet(address).address.split(":");
  const p = parseCell(a);
  const q = b === undefined ? p : parseCell(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export function cellAddress(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export function blockAddress(b: Block): string {
  const a = cellAddress(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? a : `${a}:${cellAddress(b.bottom, b.right)}`;
}

export function blockOf(top: number, left: number, rows: number, cols: number): Block {
  return { top, left, bottom: top + Math.max(rows, 1) - 1, right: left + Math.max(cols, 1) - 1 };
}

export function intersects(a: Block, b: Block): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(outer: Block, inner: Block): boolean {
  return outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;
}

/** A sheet name as it must appear in a formula: quoted when it is not a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !CELL.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
