import type { WorkbookGateway } from "../workbook/gateway";
import { OfficeGateway } from "../workbook/office/gateway";
import type { HostInfo } from "./App";
import { renderPane, showFatal } from "./start";

/** How long to wait for Office.onReady() before rendering anyway. */
const READY_TIMEOUT_MS = 10_000;

function officeIsDark(): boolean {
  try {
    const theme = Office.context?.officeTheme;
    if (!theme) return false;
    if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
    // Older hosts: judge by the body background colour ("#RRGGBB").
    const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(theme.bodyBackgroundColor ?? "");
    if (!m) return false;
    const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
  } catch {
    return false;
  }
}

/**
 * Waits for office.js as a promise. Outside Office, Office.onReady() resolves with host null;
 * when office.js could not be loaded at all (it comes from Microsoft's CDN) we render anyway.
 */
async function waitForOffice(): Promise<HostInfo> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return { officeLoaded: false, host: null, platform: null, dark: false };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), READY_TIMEOUT_MS);
  });
  try {
    const ready = await Promise.race([Office.onReady(), timedOut]);
    if (ready === null) {
      return {
        officeLoaded: true,
        host: null,
        platform: null,
        dark: false,
        note: `Office did not report ready within ${READY_TIMEOUT_MS / 1000} s; the host is unknown.`,
      };
    }
    return {
      officeLoaded: true,
      host: ready.host ? String(ready.host) : null,
      platform: ready.platform ? String(ready.platform) : null,
      dark: ready.host ? officeIsDark() : false,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** The Office.js workbook inside Excel; anywhere else the pane says to open it from Excel. */
function officeGateway(info: HostInfo): WorkbookGateway | null {
  if (info.host !== "Excel") return null;
  return new OfficeGateway();
}

async function main(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) throw new Error('The task pane page has no element with id "container".');
  const info = await waitForOffice();
  renderPane(container, info, officeGateway(info));
}

main().catch((err: unknown) => showFatal(document.getElementById("container"), err));
