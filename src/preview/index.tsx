// The preview page: the real task pane beside a read-only grid of the in-memory workbook, with the
// sample cap table loaded. No office.js, no waiting for Office: this page is not connected to Excel.

import "./customFunctionsShim";
import { createRoot } from "react-dom/client";
import { SAMPLE_SHEET, SAMPLE_TABLE, sampleCapTable } from "../scenario";
import { renderPane, showFatal } from "../taskpane/start";
import { MemoryGateway, MemoryWorkbook } from "../workbook/memory";
import { WorkbookGrid } from "./WorkbookGrid";

async function main(): Promise<void> {
  const paneEl = document.getElementById("pane");
  const gridEl = document.getElementById("grid");
  if (!paneEl || !gridEl) throw new Error('The preview page needs elements "pane" and "grid".');
  // ?host=desktop passes blank cells to the RR functions as 0, as Excel desktop does, instead of
  // the web's null. (Error values follow Excel's default, allowErrorForDataTypeAny false: the page
  // makes no network calls, so it does not read functions.json.)
  const host = new URLSearchParams(location.search).get("host") === "desktop" ? "desktop" : "web";
  const workbook = new MemoryWorkbook({ host });
  const gateway = new MemoryGateway(workbook);
  // Excel moves to the sheet the pane activates; the grid follows the same way.
  const activate = gateway.activateSheet.bind(gateway);
  gateway.activateSheet = async (sheet: string) => {
    await activate(sheet);
    window.dispatchEvent(new Event("regrights-preview-activate"));
  };
  const { rows, numberFormats } = sampleCapTable();
  const sample = await gateway.insertTable(SAMPLE_SHEET, SAMPLE_TABLE, rows, numberFormats);
  // ?theme=dark shows the pane in Office's dark theme.
  const dark = new URLSearchParams(location.search).get("theme") === "dark";
  renderPane(paneEl, { officeLoaded: false, host: null, platform: null, dark }, gateway, {
    hostNote: "Preview — not connected to Excel. The grid evaluates only the formulas the pane writes.",
    initialCapTable: sample,
  });
  createRoot(gridEl).render(<WorkbookGrid workbook={workbook} />);
  // For tests and the curious: the workbook behind the grid.
  (window as unknown as { regrightsPreview?: unknown }).regrightsPreview = { workbook, gateway };
}

main().catch((err: unknown) => showFatal(document.getElementById("pane"), err));
