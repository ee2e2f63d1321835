// The 5 MB limit: Excel on the web refuses a request or a response larger than 5 MB
// (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded), and on every host a range
// read is limited to 5,000,000 cells. Microsoft: "Split the operation into smaller pieces as needed.
// Call context.sync() for each sub-operation"
// (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins,
// https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices).
//
// So every large write and read here goes in blocks of rows (or, for a store record, of columns)
// whose serialized size, measured as the UTF-8 bytes of the JSON of what the batch carries
// (values, formulas, number formats), stays under BLOCK_BUDGET: a fifth of the limit, leaving room
// for what the protocol adds around the data (object paths, property names), which Microsoft does
// not document. One sync per block. A read cannot know a response's size before it comes, so reads
// start from a guess, size the next block from the bytes per row actually received, and halve a
// block that Excel refuses as too large.

import { Block, blockAddress, parseBlock } from "../address";
import type { CellValue } from "../gateway";

/** Excel on the web's limit per request and per response (5 MB; bytes, the stricter reading). */
export const PAYLOAD_LIMIT = 5_000_000;
/** What one of our requests or responses may carry: a fifth of the limit. */
export const BLOCK_BUDGET = 1_000_000;
/** First guess of a cell's size in a response (a formula of the scenario sheet is 30–90 bytes). */
const GUESS_BYTES_PER_CELL = 100;
const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

/** UTF-8 bytes of a string (what it costs on the wire). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair: one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a value's JSON: the measure of what a batch sends or receives. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "");
}

/** A run of consecutive items: rows of a grid, or cells of a row. */
export interface Span {
  start: number;
  count: number;
}

/**
 * Cuts items with these costs (bytes) into consecutive spans of at most budget bytes each. An item
 * larger than the budget gets a span of its own; the caller refuses it if it exceeds PAYLOAD_LIMIT.
 */
export function spans(costs: readonly number[], budget = BLOCK_BUDGET): Span[] {
  const out: Span[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < costs.length; i++) {
    if (i > start && bytes + costs[i] > budget) {
      out.push({ start, count: i - start });
      start = i;
      bytes = 0;
    }
    bytes += costs[i];
  }
  if (costs.length > start) out.push({ start, count: costs.length - start });
  return out;
}

export type GridProp = "values" | "formulas";
export type Grids = Record<GridProp, CellValue[][]>;

/**
 * Queues, in the caller's first batch, the head of a range: its rows within sheet rows 1..rows
 * (the intersection with those whole rows), loaded with its address and props. Most of what
 * RegRights reads starts near row 1 and fits, so it arrives in that first sync; readRows reads
 * the rest. rows = 0 queues nothing (the caller's retry after Excel refused the head as too large).
 */
export function queueHead(sheet: Excel.Worksheet, range: Excel.Range, props: GridProp[], rows: number): Excel.Range | null {
  if (rows <= 0) return null;
  const head = range.getIntersectionOrNullObject(sheet.getRange(`1:${rows}`));
  head.load(["address", ...props]);
  return head;
}

/** How many rows of cols columns a head should take, by the first guess of a cell's size. */
export function headRows(cols: number, budget = BLOCK_BUDGET): number {
  return Math.max(1, Math.floor(budget / (Math.max(1, cols) * GUESS_BYTES_PER_CELL)));
}

/** True when Excel refused a response as too large (Excel on the web). */
export function responseTooLarge(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === RESPONSE_TOO_LARGE;
}

/**
 * Reads props of block (sheet coordinates) in row blocks under the budget, one sync each, after
 * the head already loaded (if any). A block Excel refuses as too large is halved and read again.
 */
export async function readRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  block: Block,
  props: GridProp[],
  head: Excel.Range | null,
  budget = BLOCK_BUDGET,
): Promise<Grids> {
  const out: Grids = { values: [], formulas: [] };
  const cols = block.right - block.left + 1;
  let next = block.top;
  let bytesPerRow = cols * GUESS_BYTES_PER_CELL;
  if (head && !head.isNullObject) {
    const h = parseBlock(splitLocal(head.address));
    if (h.top === block.top && h.left === block.left && h.right === block.right) {
      for (const p of props) out[p].push(...(head[p] as CellValue[][]));
      bytesPerRow = Math.max(1, measured(head, props) / (h.bottom - h.top + 1));
      next = h.bottom + 1;
    }
  }
  while (next <= block.bottom) {
    let rows = Math.min(block.bottom - next + 1, Math.max(1, Math.floor(budget / (bytesPerRow * 1.25))));
    for (;;) {
      const range = sheet.getRange(blockAddress({ top: next, bottom: next + rows - 1, left: block.left, right: block.right }));
      // eslint-disable-next-line office-addins/no-empty-load -- props names the properties
      range.load(props);
      try {
        await context.sync();
      } catch (e) {
        if (responseTooLarge(e) && rows > 1) {
          rows = Math.ceil(rows / 2);
          continue;
        }
        throw e;
      }
      // eslint-disable-next-line office-addins/load-object-before-read -- props were loaded above, by name
      for (const p of props) out[p].push(...(range[p] as CellValue[][]));
      bytesPerRow = Math.max(bytesPerRow, measured(range, props) / rows);
      next += rows;
      break;
    }
  }
  return out;
}

function measured(range: Excel.Range, props: GridProp[]): number {
  return props.reduce((n, p) => n + jsonBytes(range[p]), 0);
}

function splitLocal(address: string): string {
  return address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
}
