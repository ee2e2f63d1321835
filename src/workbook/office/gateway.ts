// WorkbookGateway for real Excel (Office.js): the one class the pane constructs. It only wires the
// parts together; each concern has its own file:
//   run.ts            the one Excel.run: sync counting, cell-edit mode, errors in words
//   payloadBlocks.ts  Excel on the web's 5 MB limit: byte budget, row/column blocks, chunked reads
//   reads.ts          readCapTable, readSelectedCapTable, readValues
//   sheetWriter.ts    writeSheet (all or nothing), sheetStatus, insertTable
//   store.ts          the scenario store on a very hidden sheet
//   formulaCell.ts    Explain cell: the active cell's RR formula and its inputs; the selection event
//
// What the task pane's first screen does not need loads on demand (dynamic import(); the bundle,
// issue 9): the sheet writer and the cap table reads with the first read or write (the chunk
// "workbook"), the formula cell reads with Explain cell (the chunk "explain"). The scenario store
// stays: the pane lists the saved scenarios at start.
//
// Round trips (context.sync calls) per method, while what it moves fits one block (BLOCK_BUDGET,
// 1 MB; one more sync per further block): readCapTable 1 · readSelectedCapTable 2 · sheetStatus 1 ·
// writeSheet 2 · readValues 1 · activateSheet 1 · insertTable 2 · scenarios.list 1, load 2,
// save 2, rename 2, remove 2, onChange 1 · readFormulaCell 2 (1 when the cell holds no formula that refers
// to cells) · onSelectionChanged 1. Measured for 5,000 holders in src/workbook/README.md.

import type {
  CapTableRead,
  CapTableRef,
  CellInput,
  CellValue,
  FormulaCellRead,
  ScenarioStore,
  SheetStatus,
  SheetWrite,
  WorkbookGateway,
} from "../gateway";
import type { SheetWriter } from "./sheetWriter";
import { OfficeScenarioStore } from "./store";
import { BLOCK_BUDGET } from "./payloadBlocks";
import { OfficeSession, Runner, RetryPolicy, excelRun, defaultRetry } from "./run";

const reads = () => import(/* webpackChunkName: "workbook" */ "./reads");
const formulaCell = () => import(/* webpackChunkName: "explain" */ "./formulaCell");

export interface OfficeGatewayOptions {
  run?: Runner;
  retry?: RetryPolicy;
  /** Name for temporary sheets (tests make it deterministic). */
  tempName?: () => string;
  /** Bytes per request or response block (tests make it small to exercise the blocks). */
  blockBudget?: number;
}

export class OfficeGateway implements WorkbookGateway {
  readonly session: OfficeSession;
  readonly scenarios: ScenarioStore;
  private readonly tempName: () => string;
  private readonly budget: number;
  private writerLoaded: Promise<SheetWriter> | null = null;

  constructor(options: OfficeGatewayOptions = {}) {
    this.session = new OfficeSession(options.run ?? excelRun, options.retry ?? defaultRetry);
    const budget = options.blockBudget ?? BLOCK_BUDGET;
    const tempName = options.tempName ?? (() => `RR~${Math.random().toString(36).slice(2, 10)}`);
    this.tempName = tempName;
    this.budget = budget;
    this.scenarios = new OfficeScenarioStore(this.session, budget);
  }

  /** context.sync calls so far. */
  get syncs(): number {
    return this.session.syncs;
  }

  /** The sheet writer, made with the first write (its code loads then). */
  private writer(): Promise<SheetWriter> {
    this.writerLoaded ??= import(/* webpackChunkName: "workbook" */ "./sheetWriter").then(
      (m) => new m.SheetWriter(this.session, this.tempName, this.budget),
    );
    return this.writerLoaded;
  }

  async readCapTable(ref: CapTableRef): Promise<CapTableRead> {
    return (await reads()).readCapTable(this.session, ref);
  }

  async readSelectedCapTable(): Promise<CapTableRead> {
    return (await reads()).readSelectedCapTable(this.session);
  }

  async insertTable(sheetName: string, tableName: string, rows: CellInput[][], numberFormats?: (string | null)[][]): Promise<CapTableRef> {
    return (await this.writer()).insertTable(sheetName, tableName, rows, numberFormats);
  }

  async sheetStatus(sheet: string): Promise<SheetStatus> {
    return (await this.writer()).sheetStatus(sheet);
  }

  async writeSheet(write: SheetWrite, options: { overwriteForeign: boolean }): Promise<void> {
    return (await this.writer()).writeSheet(write, options);
  }

  async readValues(sheet: string, address: string): Promise<CellValue[][]> {
    return (await reads()).readValues(this.session, sheet, address);
  }

  async readFormulaCell(): Promise<FormulaCellRead> {
    return (await formulaCell()).readFormulaCell(this.session);
  }

  async onSelectionChanged(listener: () => void): Promise<() => Promise<void>> {
    return (await formulaCell()).watchSelection(this.session, listener);
  }

  activateSheet(sheet: string): Promise<void> {
    return this.session.run("show the sheet", async (context) => {
      context.workbook.worksheets.getItem(sheet).activate();
      await context.sync();
    });
  }
}
