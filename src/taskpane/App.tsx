import {
  Caption1,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { CapTableRef, WorkbookGateway } from "../workbook/gateway";
import { GatewayContext } from "./gatewayContext";
import { Pane } from "./Pane";
import { ExplainCell } from "./lazy";
import { ViewTabs } from "./ViewTabs";
import { useState } from "react";

/** What the pane learned about its host at start-up. */
export interface HostInfo {
  /** office.js was loaded (it comes from Microsoft's CDN, so it can be missing offline). */
  readonly officeLoaded: boolean;
  /** Office host name ("Excel"), or null outside Office / unknown. */
  readonly host: string | null;
  /** Office platform ("PC", "Mac", "OfficeOnline"...), or null. */
  readonly platform: string | null;
  /** Office reports a dark theme. */
  readonly dark: boolean;
  /** Why the host is unknown, when it is. */
  readonly note?: string;
}

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM },
  logo: { width: "32px", height: "32px", flexShrink: 0 },
  footer: { color: tokens.colorNeutralForeground3 },
  view: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

const VIEWS = [
  { value: "scenario", label: "Scenario" },
  { value: "explain", label: "Explain cell" },
] as const;

function hostLine(info: HostInfo): string {
  if (!info.officeLoaded) {
    return "Office.js did not load, so this page is running outside Office (or offline).";
  }
  if (info.host === null) {
    return info.note ?? "Not running inside Office: open this add-in from Excel to use it.";
  }
  return `Running in ${info.host}${info.platform ? ` (${info.platform})` : ""}.`;
}

/**
 * The task pane. `gateway` is the workbook it works on (Office.js in Excel, the in-memory one in
 * the preview); without one (opened outside Excel) it explains that instead of showing forms.
 */
export function App({
  info,
  gateway,
  hostNote,
  initialCapTable,
}: {
  info: HostInfo;
  gateway: WorkbookGateway | null;
  hostNote?: string;
  /** A cap table to read on start (the preview's sample). */
  initialCapTable?: CapTableRef;
}) {
  const styles = useStyles();
  // The scenario workflow stays mounted (hidden) while Explain cell is shown, so its form survives.
  const [view, setView] = useState<"scenario" | "explain">("scenario");
  return (
    <FluentProvider theme={info.dark ? webDarkTheme : webLightTheme}>
      <main className={styles.root}>
        <header className={styles.header}>
          <img className={styles.logo} src="assets/icon-64.png" alt="" />
          <Title3 as="h1">RegRights</Title3>
        </header>
        {gateway ? (
          <GatewayContext.Provider value={gateway}>
            <ViewTabs label="RegRights views" tabs={VIEWS} selected={view} onSelect={setView} panelId={(v) => `view-${v}`} />
            <div
              role="tabpanel"
              id="view-scenario"
              aria-labelledby="view-scenario-tab"
              className={view === "scenario" ? styles.view : undefined}
              hidden={view !== "scenario"}
            >
              <Pane initialCapTable={initialCapTable} />
            </div>
            {view === "explain" && (
              <div role="tabpanel" id="view-explain" aria-labelledby="view-explain-tab" className={styles.view}>
                <ExplainCell />
              </div>
            )}
          </GatewayContext.Provider>
        ) : (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Open RegRights from Excel.</MessageBarTitle>
              The scenario forms work on an Excel workbook. The RR.* worksheet functions work in any cell.
              {info.host === null && (
                <>
                  {" "}
                  This page is the task pane Excel loads. To try RegRights in this browser, open the{" "}
                  <Link href="preview.html">preview</Link>: the same pane beside a sample workbook.
                </>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        <Caption1 className={styles.footer}>{hostNote ?? hostLine(info)}</Caption1>
      </main>
    </FluentProvider>
  );
}
