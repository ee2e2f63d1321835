// Explain cell: select a cell holding an RR formula (or a cell its result spills into) and this
// view says what it holds and why: the formula, the value, an error's full message with the
// argument, row and cell behind it, the clause of the agreement or Rule 144 paragraph the function
// rests on, and for CUTBACK, CEASED/STATUS and DEMAND.CHECK the reasons row by row. Excel desktop
// and Mac show a custom function's error value but not its message (office-js issues #4971 and
// #4813), so the message is rebuilt here from the same inputs (src/workbook/explain/explain.ts).
// The view follows the selection while it is shown (WorkbookGateway.onSelectionChanged).

import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { explainCell, type Explanation, type Reason } from "../workbook/explain/explain";
import { useGateway } from "./gatewayContext";
import { describeFailure } from "./failure";

/** Reasons shown in the list (the selected row is always shown, first). A 5,000-row spill is read in Excel. */
const MAX_REASONS = 100;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0,1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    "& dd": { margin: 0, overflowWrap: "anywhere" },
    "& dt": { color: tokens.colorNeutralForeground3 },
  },
  formula: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  reasons: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  reason: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0,1fr)",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
  bad: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center" },
});

function ReasonItem({ reason }: { reason: Reason }) {
  const styles = useStyles();
  return (
    <li className={mergeClasses(styles.reason, reason.selected && styles.selected)} aria-current={reason.selected ? "true" : undefined}>
      <span>{reason.label}</span>
      <span className={reason.error ? styles.bad : undefined}>{reason.text}</span>
    </li>
  );
}

function Reasons({ title, reasons }: { title: string; reasons: Reason[] }) {
  const styles = useStyles();
  const selected = reasons.find((r) => r.selected);
  const others = reasons.filter((r) => !r.selected);
  const shown = others.slice(0, MAX_REASONS);
  return (
    <section className={styles.section} aria-labelledby="explain-reasons">
      <Subtitle2 as="h3" id="explain-reasons">
        {title}
      </Subtitle2>
      <ul className={styles.reasons} aria-labelledby="explain-reasons">
        {selected && <ReasonItem reason={selected} />}
        {shown.map((r) => (
          <ReasonItem key={r.label} reason={r} />
        ))}
      </ul>
      {others.length > shown.length && (
        <Caption1 className={styles.muted}>
          {others.length - shown.length} more rows are not listed here; select a cell in one of them to see its reason.
        </Caption1>
      )}
    </section>
  );
}

function ExplanationView({ e }: { e: Explanation }) {
  const styles = useStyles();
  return (
    <>
      <dl className={styles.facts} aria-label="The selected cell">
        <dt>Cell</dt>
        <dd>{e.cell}</dd>
        {e.formula && (
          <>
            <dt>Formula</dt>
            <dd>
              <code className={styles.formula}>{e.formula.text}</code>
              {e.formula.spilled && <Caption1 className={styles.muted}> (in {e.formula.cell}; this cell is part of its spill)</Caption1>}
            </dd>
          </>
        )}
        <dt>Value</dt>
        <dd>{e.value}</dd>
        {e.function && (
          <>
            <dt>Rests on</dt>
            <dd>
              {e.function.name}: {e.function.clause}
            </dd>
          </>
        )}
      </dl>
      {e.problem && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{e.problem}</MessageBarBody>
        </MessageBar>
      )}
      {e.result?.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {e.result.error.code}
              {e.result.error.cell ? ` because of ${e.result.error.cell}` : ""}
            </MessageBarTitle>
            {e.result.error.message || "The function gave no message."}
          </MessageBarBody>
        </MessageBar>
      )}
      {e.result && !e.result.error && e.result.text !== e.value && e.inputErrors.length === 0 && (
        <Body1>
          From the same inputs {e.function?.name} gives {e.result.text}; Excel may not have recalculated yet.
        </Body1>
      )}
      {e.inputErrors.length > 0 && (
        <section className={styles.section} aria-labelledby="explain-inputs">
          <Subtitle2 as="h3" id="explain-inputs">
            Inputs holding an error
          </Subtitle2>
          <ul aria-labelledby="explain-inputs">
            {e.inputErrors.map((i) => (
              <li key={i.cell}>
                {i.cell} ({i.argument}) holds {i.code}
              </li>
            ))}
          </ul>
        </section>
      )}
      {e.reasonsTitle && e.reasons.length > 0 && <Reasons title={e.reasonsTitle} reasons={e.reasons} />}
    </>
  );
}

/** The Explain cell view: reads the selected cell now and whenever the selection changes. */
export function ExplainCell() {
  const gateway = useGateway();
  const styles = useStyles();
  const [explanation, setExplanation] = useState<Explanation | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  // Only the latest read is shown: a slow read must not overwrite a newer selection's.
  const latest = useRef(0);

  const read = useCallback(
    async (ticket: number) => {
      try {
        const cell = await gateway.readFormulaCell();
        if (ticket !== latest.current) return;
        setExplanation(explainCell(cell));
        setFailure(null);
      } catch (err) {
        if (ticket !== latest.current) return;
        setExplanation(null);
        setFailure(describeFailure(err, "read the selected cell"));
      } finally {
        if (ticket === latest.current) setBusy(false);
      }
    },
    [gateway],
  );

  const refresh = useCallback(() => {
    setBusy(true);
    void read(++latest.current);
  }, [read]);

  useEffect(() => {
    const counter = latest;
    let unsubscribe: (() => Promise<void>) | null = null;
    let gone = false;
    void read(++counter.current);
    gateway
      .onSelectionChanged(refresh)
      .then((off) => {
        if (gone) void off();
        else unsubscribe = off;
      })
      .catch((err: unknown) => setFailure(describeFailure(err, "follow the selection")));
    return () => {
      gone = true;
      counter.current++;
      if (unsubscribe) void unsubscribe();
    };
  }, [gateway, read, refresh]);

  return (
    <section className={styles.section} aria-labelledby="explain-heading">
      <Subtitle2 as="h2" id="explain-heading">
        Explain cell
      </Subtitle2>
      <Caption1 className={styles.muted}>
        Select a cell with an RR formula. Excel desktop and Mac show an error value without its message; it is shown here.
      </Caption1>
      <div className={styles.row}>
        <Button onClick={refresh} disabled={busy}>
          Explain the selected cell
        </Button>
        {busy && <Spinner size="tiny" label="Reading the cell…" />}
      </div>
      {failure && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      {explanation && <ExplanationView e={explanation} />}
    </section>
  );
}
