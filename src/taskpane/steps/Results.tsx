// The engine's figures for a run: one line of totals, the allocation by holder with the reason for
// each, and the Rule 144 assessment.
import { Body1, Button, Caption1, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { formatCount } from "../../engine";
import type { ScenarioResult, SheetCheck } from "../../scenario";
import type { GridColumn } from "../Grid";
import { Grid } from "../lazy";
import { useStepStyles } from "./styles";

export interface RunResult {
  name: string;
  result: ScenarioResult;
  daily: boolean;
  check?: SheetCheck;
}

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

type Row = ScenarioResult["holders"][number];

const RESULT_COLUMNS: GridColumn<Row>[] = [
  {
    id: "holder",
    title: "Holder",
    grow: 2,
    render: (h) => (
      <span style={{ display: "flex", flexDirection: "column", paddingBlock: tokens.spacingVerticalXS }}>
        <span>{h.name}</span>
        <Caption1 style={{ color: tokens.colorNeutralForeground3 }}>{h.explanation}</Caption1>
      </span>
    ),
  },
  { id: "requested", title: "Requested", render: (h) => formatCount(h.requested), numeric: true },
  { id: "included", title: "Included", render: (h) => formatCount(h.included), numeric: true },
  { id: "cut", title: "Cut back", render: (h) => formatCount(h.cutBack), numeric: true },
  { id: "cap", title: "Net proceeds (cap)", grow: 1.8, render: (h) => money.format(Number(h.cap)), numeric: true },
];

const RULE_COLUMNS: GridColumn<Row>[] = [
  { id: "holder", title: "Holder", grow: 1.5, render: (h) => h.name },
  { id: "holdEnd", title: "Holding period ends", render: (h) => h.rule144?.holdEnd ?? "—" },
  {
    id: "ceased",
    title: "Ceased?",
    render: (h) => (h.rule144?.ceased === null || h.rule144 === undefined ? "—" : h.rule144.ceased ? "Yes" : "No"),
  },
  { id: "status", title: "Status", grow: 3, render: (h) => h.rule144?.status ?? "" },
];

/** Rows shown before "Show all": a 5,000-holder result stays a pane, not a 160,000-px page. */
export const RESULT_ROWS_SHOWN = 50;

export function Results({ name, result, daily = false }: { name: string; result: ScenarioResult; daily?: boolean }) {
  const styles = useStepStyles();
  const t = result.totals;
  const [all, setAll] = useState(false);
  const n = result.holders.length;
  const shown = all || n <= RESULT_ROWS_SHOWN ? result.holders : result.holders.slice(0, RESULT_ROWS_SHOWN);
  return (
    <div
      aria-label={`Results of ${name}`}
      role="region"
      style={{ display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS }}
    >
      <Body1>
        <strong>{name}</strong>: {formatCount(t.included)} of {formatCount(t.requested)} requested shares included ({formatCount(t.cutBack)}{" "}
        cut back); net proceeds {money.format(Number(t.cap))}.
      </Body1>
      <div className={styles.scroll}>
        <Grid label="Allocation by holder" items={shown} columns={RESULT_COLUMNS} rowId={(h) => String(h.row)} />
      </div>
      {shown.length < n && (
        <div className={styles.row}>
          <Caption1 className={styles.muted}>
            Showing the first {formatCount(shown.length)} of {formatCount(n)} holders; the sheet "{name}" has every one.
          </Caption1>
          <Button size="small" onClick={() => setAll(true)}>
            Show all {formatCount(n)}
          </Button>
        </div>
      )}
      {result.holders.some((h) => h.rule144) && (
        <div className={styles.scroll}>
          <Grid label="Rule 144 by holder" items={shown} columns={RULE_COLUMNS} rowId={(h) => String(h.row)} />
        </div>
      )}
      {daily && (
        <Caption1 className={styles.muted}>
          Rule 144 with daily volumes: the volume limit, holding periods and status are on the sheet, where RR.RULE144.WEEKLY reads the
          daily data.
        </Caption1>
      )}
      <Caption1 className={styles.muted}>Figures computed by the RR engine; the sheet holds the same as live RR formulas.</Caption1>
    </div>
  );
}
