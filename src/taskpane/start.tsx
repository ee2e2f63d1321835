// Start-up shared by the Excel page (index.tsx) and the preview page (src/preview/): render the
// pane with a gateway, and show any start-up failure as text.

import { createRoot } from "react-dom/client";
import type { CapTableRef, WorkbookGateway } from "../workbook/gateway";
import { App, type HostInfo } from "./App";

/** Shows a start-up failure as plain text (React itself may be what failed). */
export function showFatal(container: HTMLElement | null, err: unknown): void {
  const text = err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ""}` : String(err);
  console.error("RegRights task pane failed to start:", err);
  const target = container ?? document.body;
  const heading = document.createElement("h1");
  heading.textContent = "RegRights could not start";
  const detail = document.createElement("pre");
  detail.style.whiteSpace = "pre-wrap";
  detail.textContent = text;
  target.replaceChildren(heading, detail);
}

export function renderPane(
  container: HTMLElement,
  info: HostInfo,
  gateway: WorkbookGateway | null,
  options: { hostNote?: string; initialCapTable?: CapTableRef } = {},
): void {
  const root = createRoot(container, {
    onUncaughtError: (error) => showFatal(container, error),
  });
  root.render(<App info={info} gateway={gateway} hostNote={options.hostNote} initialCapTable={options.initialCapTable} />);
}
