// The one place that calls Excel.run. Every batch goes through OfficeSession.run, which counts
// context.sync calls, retries while Excel is in cell-edit mode (a user typing in a cell makes
// every request fail until they press Enter or Esc), and turns Office errors into plain words.

import { WorkbookError, messages } from "../errors";

/** Runs a batch against a request context: Excel.run in Office, a fake in tests. */
export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>, existing?: Excel.RequestContext) => Promise<T>;

/** The only Excel.run in the add-in. */
export const excelRun: Runner = (batch, existing) => (existing ? Excel.run(existing, batch) : Excel.run(batch));

/** Excel.ErrorCodes.invalidOperationInCellEditMode (office-js typings), as a string so tests need no Excel global. */
export const CELL_EDIT_MODE = "InvalidOperationInCellEditMode";

export interface RetryPolicy {
  /** Waits before each retry, in ms; its length is the number of retries. */
  delays: number[];
  sleep: (ms: number) => Promise<void>;
}

export const defaultRetry: RetryPolicy = {
  delays: [100, 250, 500, 1000, 2000],
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** An Office error as a sentence for the user: what failed, and what to do. Codes stay out. */
export function plainError(e: unknown, what: string): Error {
  if (e instanceof WorkbookError) return e;
  if (e instanceof Error && e.name === "ForeignContentError") return e;
  switch (codeOf(e)) {
    case CELL_EDIT_MODE:
      return new WorkbookError(messages.busyEditing, e);
    case "AccessDenied":
    case "InvalidOperation":
      return new WorkbookError(
        `Excel would not let RegRights ${what}: the sheet or workbook may be protected or read-only. Unprotect it and try again.`,
        e,
      );
    case "ItemNotFound":
      return new WorkbookError(`Excel could not ${what}: a sheet, table or range it needs is no longer there.`, e);
    case "ItemAlreadyExists":
      return new WorkbookError(`Excel could not ${what}: a sheet or table with that name already exists.`, e);
    case "InvalidArgument":
      return new WorkbookError(`Excel could not ${what}: it refused a value, formula or name RegRights gave it.`, e);
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new WorkbookError(messages.tooLarge, e);
    case "ApiNotFound":
      return new WorkbookError(messages.notSupported, e);
    case "Conflict":
      return new WorkbookError(`Excel could not ${what}: someone else changed the same cells at the same moment. Try again.`, e);
    default:
      return new WorkbookError(messages.generic(what), e);
  }
}

export class OfficeSession {
  /** context.sync calls made through this session. */
  syncs = 0;
  private readonly countedContexts = new WeakSet<object>();

  constructor(
    private readonly runner: Runner = excelRun,
    private readonly retry: RetryPolicy = defaultRetry,
  ) {}

  /**
   * Runs batch in a fresh context (or an existing one, for event handlers), counting every
   * context.sync it makes. Retries the whole batch while Excel is in cell-edit mode; any other
   * failure becomes a WorkbookError in plain words.
   */
  async run<T>(what: string, batch: (context: Excel.RequestContext) => Promise<T>, existing?: Excel.RequestContext): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.runner(async (context) => batch(this.counted(context)), existing);
      } catch (e) {
        if (codeOf(e) === CELL_EDIT_MODE && attempt < this.retry.delays.length) {
          await this.retry.sleep(this.retry.delays[attempt]);
          continue;
        }
        throw plainError(e, what);
      }
    }
  }

  /** The context with its sync counted (once per context, however often it is reused). */
  private counted(context: Excel.RequestContext): Excel.RequestContext {
    if (this.countedContexts.has(context)) return context;
    this.countedContexts.add(context);
    const sync = context.sync.bind(context);
    context.sync = (<T>(passThroughValue?: T) => {
      this.syncs++;
      return sync(passThroughValue);
    }) as typeof context.sync;
    return context;
  }
}
