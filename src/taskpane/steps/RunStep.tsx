// Step 4: run. Writes the scenario sheet, asks before replacing a sheet RegRights did not write,
// shows the read-back check, then the figures.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Subtitle2 } from "@fluentui/react-components";
import type { RunWarning, ScenarioPayload } from "../../scenario";
import { Results, SheetCheckBar } from "../lazy";
import type { RunResult } from "./Results";
import { useStepStyles } from "./styles";

export function RunStep(props: {
  busy: boolean;
  running: boolean;
  /** The step in progress, in words. */
  progress?: string | null;
  confirm: ScenarioPayload | null;
  result: RunResult | null;
  onRun: () => void;
  /** Likely mistakes found before the run; nothing is written until the user runs anyway. */
  warnings: RunWarning[] | null;
  onRunAnyway: () => void;
  onDismissWarnings: () => void;
  onReplace: () => void;
  onKeep: () => void;
}) {
  const { confirm, result, warnings, onRun, onReplace, onKeep } = props;
  const styles = useStepStyles();
  return (
    <section className={styles.section} aria-labelledby="run-heading">
      <Subtitle2 as="h2" id="run-heading">
        4. Run
      </Subtitle2>
      <div className={styles.row}>
        <Button appearance="primary" onClick={onRun} disabled={props.busy}>
          Run scenario
        </Button>
        {props.running && <Spinner size="tiny" label={props.progress ?? "Writing the scenario sheet…"} />}
      </div>
      {warnings && warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              Check {warnings.length === 1 ? "this" : `these ${warnings.length} points`} before running; nothing has been written.
            </MessageBarTitle>
            <ul className={styles.list} aria-label="Warnings before the run">
              {warnings.map((w) => (
                <li key={w.text}>{w.text}</li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={props.onRunAnyway} disabled={props.busy}>
              Run anyway
            </Button>
            <Button onClick={props.onDismissWarnings}>Go back</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {confirm && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Replace the sheet "{confirm.sheet}"?</MessageBarTitle>
            It has cells RegRights did not write. Replacing it deletes them.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onReplace}>Replace the sheet</Button>
            <Button onClick={onKeep}>Keep it</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {result?.check && <SheetCheckBar sheet={result.name} check={result.check} />}
      {result && <Results name={result.name} result={result.result} daily={result.daily} />}
    </section>
  );
}
