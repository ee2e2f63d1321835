// The core of the fake Excel (see fakeExcel.ts for why it exists): errors, the proxy base class,
// and the request context whose sync runs the queued operations in order, under the host's limits.
//
// Modes (FakeExcelOptions.mode), each refusing what that host refuses:
//   "web"      Excel on the web: a request or a response larger than 5 MB fails
//              (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded), measured as
//              the UTF-8 bytes of the JSON of what the batch carries, plus a little per operation.
//              https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
//   "desktop"  Excel on Windows and Mac: no payload limit (Microsoft documents it for the web only).
// Both: a read of more than 5,000,000 cells fails; Range.values of a blank cell is "" (Microsoft:
// "the API returns a blank value ... `""`"); cell-level properties of an unbounded range (a whole
// column or row) read as null and cannot be set (excel-add-ins-ranges-unbounded).

import type { MemoryWorkbook } from "../../../src/workbook/memory";
import { CELL_EDIT_MODE, INVALID_OPERATION } from "../../../src/workbook/office/run";
import { jsonBytes } from "../../../src/workbook/office/payloadBlocks";

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export type FakeMode = "web" | "desktop";

export interface FakeExcelOptions {
  author?: string;
  nullChaining?: "null" | "throw";
  /** Which host to behave like (default "web", the stricter on payloads). */
  mode?: FakeMode;
  /**
   * What a number written into a Text ("@") cell reads back as. Undocumented by Microsoft, so the
   * tests run both: "text" ("1", the default in desktop mode) and "number" (1, in web mode).
   */
  textNumbers?: "text" | "number";
}

/** Excel on the web's limit per request and per response. */
export const WEB_PAYLOAD_LIMIT = 5_000_000;
/** Every host: a range read is limited to five million cells. */
export const READ_CELL_LIMIT = 5_000_000;
/** What one queued operation adds to a request besides its data (object path, method name). */
const OP_BYTES = 60;

export function wrapError(e: unknown): FakeOfficeError {
  if (e instanceof FakeOfficeError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (/already exists/.test(message)) return new FakeOfficeError("ItemAlreadyExists", message);
  if (/There is no/.test(message)) return new FakeOfficeError("ItemNotFound", message);
  if (/at least one visible sheet/.test(message)) return new FakeOfficeError(INVALID_OPERATION, message);
  return new FakeOfficeError("InvalidArgument", message);
}

/** A registered event handler: on one sheet (by its id) or on worksheets.onAdded. */
export interface Registration {
  sheetId: string;
  handler: (args: unknown) => Promise<void>;
}

/** What the context needs of the FakeExcel it belongs to. */
export interface FakeHost {
  readonly workbook: MemoryWorkbook;
  readonly author: string;
  readonly options: FakeExcelOptions;
  readonly mode: FakeMode;
  readonly textNumbers: "text" | "number";
  readonly handlers: Set<Registration>;
  syncs: number;
  editModeFailures: number;
  invalidOperationFailures: number;
  failNext: { remaining: number; code: string } | null;
  /** A selection the workbook model cannot hold (a whole column: "B:B"). */
  selectionOverride: { sheet: string; address: string } | null;
  idOf(sheet: string): string | undefined;
  nameOf(key: string): string | undefined;
  /** Largest request and response seen, in bytes (what the payload tests assert). */
  largestRequest: number;
  largestResponse: number;
}

type Op = () => void;

export class FakeContext {
  queue: Op[] = [];
  /** Bytes of data the queued operations send. */
  requestBytes = 0;
  /** Bytes of data the running sync's loads return. */
  responseBytes = 0;
  /** Set by FakeExcel.context() (kept out of the constructor to avoid an import cycle). */
  workbook!: unknown;
  private readonly nullParents = new WeakSet<object>();

  constructor(readonly fake: FakeHost) {}

  markChained(child: object, parent: Proxy<unknown>): void {
    this.nullParents.add(child);
    (child as { parent?: Proxy<unknown> }).parent = parent;
  }

  chainedNull(p: object): boolean {
    return this.nullParents.has(p) && this.fake.options.nullChaining !== "throw";
  }

  get throwsOnNull(): boolean {
    return this.fake.options.nullChaining === "throw";
  }

  async sync(): Promise<void> {
    this.fake.syncs++;
    await Promise.resolve();
    const ops = this.queue;
    const request = this.requestBytes + ops.length * OP_BYTES;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    if (this.fake.editModeFailures > 0) {
      this.fake.editModeFailures--;
      throw new FakeOfficeError(CELL_EDIT_MODE, "The requested action isn't allowed while Excel is in cell-edit mode.");
    }
    if (this.fake.invalidOperationFailures > 0) {
      this.fake.invalidOperationFailures--;
      throw new FakeOfficeError(INVALID_OPERATION, "Invalid API call in the current context.");
    }
    this.fake.largestRequest = Math.max(this.fake.largestRequest, request);
    if (this.fake.mode === "web" && request > WEB_PAYLOAD_LIMIT)
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size (${request} bytes) has exceeded the limit.`);
    for (const op of ops) {
      if (this.fake.failNext && this.fake.failNext.remaining-- === 0) {
        const { code } = this.fake.failNext;
        this.fake.failNext = null;
        throw new FakeOfficeError(code, "Injected failure.");
      }
      try {
        op();
      } catch (e) {
        throw wrapError(e);
      }
    }
    // Assumption (undocumented): the batch has run when its response is found too large, so its
    // writes stay applied; the loaded properties are not delivered.
    this.fake.largestResponse = Math.max(this.fake.largestResponse, this.responseBytes);
    if (this.fake.mode === "web" && this.responseBytes > WEB_PAYLOAD_LIMIT) {
      this.responseBytes = 0;
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
  }

  /** Queues an operation that sends data bytes with the request. */
  send(op: Op, data: unknown): void {
    this.queue.push(op);
    this.requestBytes += jsonBytes(data);
  }

  get wb(): MemoryWorkbook {
    return this.fake.workbook;
  }

  get author(): string {
    return this.fake.author;
  }
}

/** Base of all proxies: a queue on the context, and properties readable once loaded. */
export class Proxy<T> {
  protected loaded = new Set<string>();
  protected data: Record<string, unknown> = {};
  isNullObject = false;

  constructor(
    readonly context: FakeContext,
    protected readonly resolver: () => T | null,
    protected readonly nullable = false,
  ) {}

  /** The target now; null for a null object (only when nullable or chained from one). */
  target(): T | null {
    return this.resolver();
  }

  must(): T {
    const t = this.target();
    if (t === null)
      throw new FakeOfficeError(this.context.throwsOnNull ? "InvalidObjectPath" : "ItemNotFound", "The object does not exist.");
    return t;
  }

  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw new Error(`PropertyNotLoaded: ${prop} was not loaded (call load and sync first).`);
    return this.data[prop] as V;
  }

  protected read(_t: T, _prop: string): unknown {
    return undefined;
  }

  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "").split(",")).map((p) => p.trim()).filter(Boolean);
    this.context.queue.push(() => {
      const t = this.target();
      this.isNullObject = t === null;
      if (t === null && !this.nullable && !this.context.chainedNull(this))
        throw new FakeOfficeError("ItemNotFound", "The object does not exist.");
      for (const p of list) {
        this.data[p] = t === null ? undefined : this.read(t, p);
        this.loaded.add(p);
        this.context.responseBytes += jsonBytes(this.data[p] ?? null);
      }
    });
    return this;
  }
}
