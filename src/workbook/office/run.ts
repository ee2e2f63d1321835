// The one place that calls Excel.run. Every batch goes through OfficeSession.run, which counts
// context.sync calls, asks Excel to wait while a cell is being edited, retries when Excel refuses
// anyway (a user typing in a cell makes requests fail until they press Enter or Esc), and turns
// Office errors into plain words.
//
// Cell-edit mode: Excel.run({ delayForCellEdit: true }, …) makes Excel hold the batch until the
// user leaves the cell (https://learn.microsoft.com/javascript/api/excel/excel.runoptions;
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit). The
// RunOptions page names no requirement set; Microsoft's ExcelApi 1.5 requirement-set table lists
// RunOptions.delayForCellEdit, and RegRights asks for ExcelApi 1.11 before using it, which is safe
// either way (the add-in needs 1.12 for customProperties). Hosts have failed with
// InvalidOperationInCellEditMode even with the option (office-js #3019), and older calls during cell
// edit fail with a generic InvalidOperation ("Invalid API call in the current context", office-js
// #761), which is also what a protected sheet gives: both are retried, and the message says both.

import { WorkbookError, messages } from "../errors";

/** Runs a batch against a request context: Excel.run in Office, a fake in tests. */
export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>, existing?: Excel.RequestContext) => Promise<T>;

/** ExcelApi version that RegRights requires before passing delayForCellEdit. */
export const DELAY_FOR_CELL_EDIT_SET = "1.11";

function delaySupported(): boolean {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", DELAY_FOR_CELL_EDIT_SET);
  } catch {
    return false;
  }
}

/** The only Excel.run in the add-in. Event handlers pass the context they were registered in. */
export const excelRun: Runner = (batch, existing) => {
  if (existing) return Excel.run(existing, batch);
  return delaySupported() ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch);
};

/** Excel.ErrorCodes.invalidOperationInCellEditMode (office-js typings), as a string so tests need no Excel global. */
export const CELL_EDIT_MODE = "InvalidOperationInCellEditMode";
/** Excel.ErrorCodes.invalidOperation: cell-edit mode on some hosts, or protection. */
export const INVALID_OPERATION = "InvalidOperation";

export interface RetryPolicy {
  /** Waits before each retry, in ms; its length is the number of retries. */
  delays: number[];
  /** Retries of a plain InvalidOperation (cell edit or protection: fewer, as protection lasts). */
  invalidOperationRetries?: number;
  sleep: (ms: number) => Promise<void>;
}

export const defaultRetry: RetryPolicy = {
  delays: [100, 250, 500, 1000, 2000],
  invalidOperationRetries: 2,
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
    case INVALID_OPERATION:
      return new WorkbookError(messages.editOrProtected(what), e);
    case "AccessDenied":
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

  private get invalidRetries(): number {
    return Math.min(this.retry.invalidOperationRetries ?? 0, this.retry.delays.length);
  }

  /**
   * Runs batch in a fresh context (or an existing one, for event handlers), counting every
   * context.sync it makes. Retries the whole batch while Excel is in cell-edit mode (and, fewer
   * times, on a plain InvalidOperation, which may be cell edit); any other failure becomes a
   * WorkbookError in plain words. A batch that writes must leave nothing half-done when it fails,
   * since it may run again (the sheet writer and the store see to that).
   */
  async run<T>(what: string, batch: (context: Excel.RequestContext) => Promise<T>, existing?: Excel.RequestContext): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.runner(async (context) => batch(this.counted(context)), existing);
      } catch (e) {
        const code = codeOf(e);
        const retries = code === CELL_EDIT_MODE ? this.retry.delays.length : code === INVALID_OPERATION ? this.invalidRetries : 0;
        if (attempt < retries) {
          await this.retry.sleep(this.retry.delays[Math.min(attempt, this.retry.delays.length - 1)]);
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
