import {
  Body1,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { RR_FUNCTIONS, RR_NAMESPACE } from "./functionList";

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
  header: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
  },
  logo: {
    width: "32px",
    height: "32px",
    flexShrink: 0,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  fn: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
  },
  footer: {
    color: tokens.colorNeutralForeground3,
  },
});

function hostLine(info: HostInfo): string {
  if (!info.officeLoaded) {
    return "Office.js did not load, so this page is running outside Office (or offline). The functions need Excel.";
  }
  if (info.host === null) {
    return info.note ?? "Not running inside Office: open this add-in from Excel to use the functions.";
  }
  return `Running in ${info.host}${info.platform ? ` (${info.platform})` : ""}.`;
}

export function App({ info }: { info: HostInfo }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={info.dark ? webDarkTheme : webLightTheme}>
      <main className={styles.root}>
        <header className={styles.header}>
          <img className={styles.logo} src="assets/icon-64.png" alt="" />
          <Title3 as="h1">RegRights</Title3>
        </header>

        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Scenario forms arrive in a later release.</MessageBarTitle>
            For now, RegRights works through worksheet functions: type them in any cell.
          </MessageBarBody>
        </MessageBar>

        <Subtitle2 as="h2">Functions available now</Subtitle2>
        <ul className={styles.list} aria-label="RR functions">
          {RR_FUNCTIONS.map((f) => (
            <li key={f.name} className={styles.item}>
              <span className={styles.fn}>
                {RR_NAMESPACE}.{f.name}
              </span>
              <Body1>{f.summary}</Body1>
            </li>
          ))}
        </ul>

        <Caption1 className={styles.footer}>{hostLine(info)}</Caption1>
      </main>
    </FluentProvider>
  );
}
