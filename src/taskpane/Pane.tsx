// The task pane's workflow: cap table → offering scenario (+ Rule 144) → run → results, and the
// scenarios stored in the workbook. Every workbook access goes through the WorkbookGateway; each
// step's view is its own component in ./steps, and this file holds what they share: the cap table
// read, the form, and the run.

import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { OcfImport } from "../ocf";
import { SAMPLE_SHEET, SAMPLE_TABLE, sampleCapTable, type CapField, type ColumnMapping, type ScenarioPayload } from "../scenario";
import type { RunWarning } from "../scenario";
import { ForeignContentError, type CapTableRead, type CapTableRef } from "../workbook/gateway";
import { describeFailure } from "./failure";
import { formFromPayload, validateForm } from "./form";
import { useGateway } from "./gatewayContext";
import { newId } from "./ids";
import type { PickedFile } from "./ocfFiles";
import { loadRun } from "./lazy";
import { Scenarios } from "./Scenarios";
import { useMessageChannel, useMessages } from "./messages";
import { CapTableStep } from "./steps/CapTableStep";
import { OfferingStep } from "./steps/OfferingStep";
import type { RunResult } from "./steps/Results";
import { Rule144Step } from "./steps/Rule144Step";
import { RunStep } from "./steps/RunStep";
import { holdersFrom, makeCap, type Busy, type CapState } from "./steps/capState";
import { useScenarioForm } from "./steps/useScenarioForm";
import { formatCount } from "../engine";

export { describeFailure } from "./failure";
export type { CapState } from "./steps/capState";

const OCF_SHEET = "OCF cap table";
const OCF_TABLE = "OcfCapTable";

/** initialCapTable: read this cap table on start (the preview's sample), with sample defaults. */
export function Pane({ initialCapTable }: { initialCapTable?: CapTableRef } = {}) {
  const gateway = useGateway();
  const formApi = useScenarioForm();
  const { form, setForm, setErrors } = formApi;
  const [cap, setCap] = useState<CapState | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const messages = useMessages(); // one message at a time, here or in the scenario list
  const { failure, notice, setFailure, setNotice } = useMessageChannel(messages, "pane");
  const [confirm, setConfirm] = useState<ScenarioPayload | null>(null);
  const [result, setResult] = useState<RunResult | null>(null);
  const [warnings, setWarnings] = useState<RunWarning[] | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [scenarioId, setScenarioId] = useState<string | null>(null);
  const [ocf, setOcf] = useState<OcfImport | null>(null);

  const loadCap = useCallback(
    (read: CapTableRead, base?: ColumnMapping) => {
      const state = makeCap(read, {}, base);
      setCap(state);
      setForm((f) => ({ ...f, holders: holdersFrom(state.parsed) }));
      setResult(null);
    },
    [setForm],
  );

  useEffect(() => {
    if (!initialCapTable) return;
    let live = true;
    gateway
      .readCapTable(initialCapTable)
      .then((read) => {
        if (!live) return;
        loadCap(read);
        setForm((f) => ({ ...f, capacity: f.capacity || "3,000,000", price: f.price || "20.00" }));
      })
      .catch((err: unknown) => live && setFailure(describeFailure(err, "read the cap table")));
    return () => {
      live = false;
    };
  }, [gateway, initialCapTable, loadCap, setForm, setFailure]);

  const step = async (kind: Busy, doing: string, work: () => Promise<void>) => {
    setBusy(kind);
    setFailure(null);
    setNotice(null);
    try {
      await work();
    } catch (err) {
      setFailure(describeFailure(err, doing));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  /** Names the step in progress and lets the browser paint it before the work goes on. */
  const say = async (text: string) => {
    setProgress(text);
    await new Promise((ok) => setTimeout(ok, 0));
  };

  const readSelection = () =>
    step("read", "read the cap table", async () => {
      await say("Reading the cap table…");
      const read = await gateway.readSelectedCapTable();
      await say(`Checking ${formatCount(read.rows.length)} rows…`);
      loadCap(read);
    });

  const insertSample = () =>
    step("sample", "insert the sample cap table", async () => {
      const { rows, numberFormats } = sampleCapTable();
      const ref = await gateway.insertTable(SAMPLE_SHEET, SAMPLE_TABLE, rows, numberFormats);
      loadCap(await gateway.readCapTable(ref));
      setForm((f) => ({ ...f, capacity: f.capacity || "3,000,000", price: f.price || "20.00" }));
      setNotice(`Inserted the sample cap table on the sheet "${ref.sheet}".`);
    });

  const importOcfFiles = (files: PickedFile[]) =>
    step("ocf", "import the OCF package", async () => {
      setOcf(null);
      // Parse and check the whole package first: a malformed package writes nothing.
      await say("Reading the OCF package…");
      // The OCF importer (and fflate) loads with the first import: a chunk of its own.
      const { ocfCapTable, plural } = await import(/* webpackChunkName: "ocf" */ "./ocfFiles");
      const { result, rows, numberFormats } = await ocfCapTable(files);
      await say(`Writing ${formatCount(rows.length - 1)} holders to the sheet "${OCF_SHEET}"…`);
      const ref = await gateway.insertTable(OCF_SHEET, OCF_TABLE, rows, numberFormats);
      await say("Reading the cap table back…");
      loadCap(await gateway.readCapTable(ref));
      setOcf(result);
      setNotice(
        `Imported ${plural(result.summary.holders, "holder")} of ${result.issuer} as of ${result.asOf} to the sheet "${ref.sheet}" (${plural(result.summary.transactionsApplied, "transaction")} applied, ${plural(result.summary.skipped.length, "object")} not counted; see the import report).`,
      );
    });

  const remap = (field: CapField, col: number) => {
    if (!cap) return;
    const next = makeCap(cap.read, { ...cap.overrides, [field]: col });
    setCap(next);
    setForm((f) => ({ ...f, holders: holdersFrom(next.parsed) }));
  };

  const write = async (payload: ScenarioPayload, overwriteForeign: boolean) => {
    if (!cap) return;
    // Compute first: a scenario the engine refuses writes nothing.
    await say(`Computing ${formatCount(payload.holders.length)} holders…`);
    const { buildScenarioSheet, computeScenario, readBackCheck } = await loadRun();
    const computed = computeScenario(cap.parsed, payload);
    const sheet = buildScenarioSheet(payload, cap.parsed);
    await say(`Writing ${formatCount(payload.holders.length)} rows to the sheet "${payload.sheet}"…`);
    try {
      await gateway.writeSheet(sheet, { overwriteForeign });
    } catch (err) {
      if (err instanceof ForeignContentError) {
        setConfirm(payload);
        return;
      }
      throw err;
    }
    // The sheet's own figures, read back and compared with the engine's before any is shown.
    await say("Checking the sheet against the figures…");
    const check = await readBackCheck(gateway, payload.sheet, computed);
    await say("Saving the scenario…");
    const existing = (await gateway.scenarios.list()).scenarios.find((s) => s.name === payload.sheet);
    const id = existing?.id ?? newId();
    await gateway.scenarios.save({ id, name: payload.sheet, updatedAt: new Date().toISOString(), payload });
    setScenarioId(id);
    setResult({ name: payload.sheet, result: computed, daily: payload.rule144?.volumes.kind === "daily", check });
    const agrees =
      check.differences.length === 0 && check.calculating === 0
        ? ` Its ${formatCount(check.checked)} checked cells agree with the figures below.`
        : "";
    setNotice(`Wrote the scenario sheet "${payload.sheet}" and saved the scenario.${agrees}`);
    try {
      await gateway.activateSheet(payload.sheet);
    } catch {
      /* showing the sheet is a courtesy */
    }
  };

  /** anyway: the user has read the warnings and runs regardless. */
  const run = async (anyway = false) => {
    const checked = validateForm(form, cap ? { ref: cap.read.ref, mapping: cap.mapping, parsed: cap.parsed } : null);
    setErrors(checked.errors);
    setConfirm(null);
    setWarnings(null);
    setResult(null); // the new run's figures, or its failure, replace the old figures
    if (!checked.payload || !cap) {
      setFailure("Some fields need attention; nothing was written.");
      return;
    }
    const payload = checked.payload;
    // The run's code loads with the first run (a chunk of its own; see lazy.tsx).
    let runWarnings: Awaited<ReturnType<typeof loadRun>>["runWarnings"];
    try {
      ({ runWarnings } = await loadRun());
    } catch (err) {
      setFailure(describeFailure(err, "load the run"));
      return;
    }
    const list = runWarnings(payload, { ref: cap.read.ref, headers: cap.read.headers, mapping: cap.mapping, parsed: cap.parsed });
    if (list.length > 0 && !anyway) {
      // Nothing is written until the user has read them.
      setFailure(null);
      setNotice(null);
      setWarnings(list);
      return;
    }
    return step("run", "write the scenario sheet", async () => {
      const status = await gateway.sheetStatus(payload.sheet);
      if (status === "foreign") {
        setConfirm(payload);
        return;
      }
      await write(payload, false);
    });
  };

  const replaceConfirmed = () => {
    const payload = confirm;
    setConfirm(null);
    if (payload) void step("run", "write the scenario sheet", () => write(payload, true));
  };

  const openScenario = (payload: ScenarioPayload, id: string) =>
    step("open", "open the scenario", async () => {
      const { computeScenario } = await loadRun();
      const read = await gateway.readCapTable(payload.capTable);
      const state = makeCap(read, {}, payload.mapping);
      setCap(state);
      setForm(formFromPayload(payload));
      setScenarioId(id);
      setErrors({});
      setResult(
        state.parsed.problems.length === 0
          ? { name: payload.sheet, result: computeScenario(state.parsed, payload), daily: payload.rule144?.volumes.kind === "daily" }
          : null,
      );
      setNotice(`Opened the scenario "${payload.sheet}".`);
      if ((await gateway.sheetStatus(payload.sheet)) !== "absent") await gateway.activateSheet(payload.sheet);
    });

  return (
    <>
      {failure && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <CapTableStep
        cap={cap}
        ocf={ocf}
        busy={busy}
        progress={progress}
        capTableError={formApi.errors.capTable}
        onRead={readSelection}
        onSample={insertSample}
        onImport={(files) => void importOcfFiles(files)}
        onRemap={remap}
      />
      <OfferingStep cap={cap} formApi={formApi} />
      <Rule144Step formApi={formApi} />
      <RunStep
        busy={busy !== null}
        running={busy === "run"}
        progress={progress}
        confirm={confirm}
        result={result}
        onRun={() => void run()}
        warnings={warnings}
        onRunAnyway={() => void run(true)}
        onDismissWarnings={() => setWarnings(null)}
        onReplace={replaceConfirmed}
        onKeep={() => setConfirm(null)}
      />
      <Scenarios
        gateway={gateway}
        onOpen={openScenario}
        onRenamed={(id, name) => id === scenarioId && formApi.setField("name", name)}
        currentId={scenarioId}
        messages={messages}
      />
    </>
  );
}
