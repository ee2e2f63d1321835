// The report shown after an OCF import: the as-of date, shares per class, what was not counted
// (grouped by reason, with counts) and the warnings. The text is selectable, and "Copy report"
// puts the same words on the clipboard so a lawyer can paste them into a memo.

import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import { formatCount } from "../engine";
import { importReport, importReportText, plural, type OcfImport } from "../ocf";

const useStyles = makeStyles({
  report: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, userSelect: "text" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  objects: { color: tokens.colorNeutralForeground3 },
});

/**
 * Copies text: the async Clipboard API first; where a host blocks it (Office on the web's iframe
 * has no clipboard-write permission: https://github.com/OfficeDev/office-js/issues/1991), a
 * temporary textarea and execCommand("copy"), which keeps line breaks. False if neither worked.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the textarea
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  try {
    area.select();
    return typeof document.execCommand === "function" && document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export function ImportReport({ result }: { result: OcfImport }) {
  const styles = useStyles();
  const report = useMemo(() => importReport(result), [result]);
  const text = useMemo(() => importReportText(report), [report]);
  const [status, setStatus] = useState<string | null>(null);
  const body = useRef<HTMLDivElement>(null);

  const copy = async () => {
    if (await copyText(text)) {
      setStatus("Copied the report.");
      return;
    }
    // Last resort: select the report so Ctrl+C (⌘C) copies it.
    const range = document.createRange();
    if (body.current) range.selectNodeContents(body.current);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
    setStatus("This host does not allow copying from the add-in; the report is selected, press Ctrl+C (⌘C on a Mac).");
  };

  const notCounted = report.skipped.reduce((n, g) => n + g.count, 0);
  return (
    <MessageBar intent={report.warnings.length > 0 ? "warning" : "info"} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>OCF import report</MessageBarTitle>
        <div ref={body} className={styles.report} role="region" aria-label="OCF import report">
          <Body1>
            {report.issuer || "(issuer not named)"}, as of {report.asOf}
          </Body1>
          {report.overview.map((line) => (
            <Caption1 key={line}>{line}</Caption1>
          ))}
          <Subtitle2>Shares outstanding by class</Subtitle2>
          <ul className={styles.list} aria-label="Shares by class">
            {report.classes.map((c) => (
              <li key={c.id}>
                {c.name} ({c.classType.toLowerCase()}, {c.id}): {plural(c.shares, "share")} held by {plural(c.holders, "holder")}
              </li>
            ))}
          </ul>
          <Subtitle2>{notCounted === 0 ? "Not counted: nothing" : `Not counted (${plural(notCounted, "object")})`}</Subtitle2>
          <ul className={styles.list} aria-label="Not counted">
            {report.skipped.map((g) => (
              <li key={g.reason}>
                {plural(g.count, "object")}: {g.reason}
                <div className={styles.objects}>{g.objects.join("; ")}</div>
              </li>
            ))}
          </ul>
          <Subtitle2>{report.warnings.length === 0 ? "Warnings: none" : `Warnings (${formatCount(report.warnings.length)})`}</Subtitle2>
          <ul className={styles.list} aria-label="Import warnings">
            {report.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
        <Button size="small" onClick={() => void copy()}>
          Copy report
        </Button>
        {status && <Caption1 role="status">{status}</Caption1>}
      </MessageBarBody>
    </MessageBar>
  );
}
