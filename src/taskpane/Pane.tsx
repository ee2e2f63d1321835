// The task pane's workflow: cap table → offering scenario (+ Rule 144) → run → results, and the
// scenarios stored in the workbook. Every workbook access goes through the WorkbookGateway.

import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { OFFERINGS, ROLES, VENUES, formatCount, type Offering, type Role, type Venue } from "../engine";
import {
  CAP_FIELDS,
  FIELD_LABELS,
  OFFERING_LABELS,
  ROLE_LABELS,
  SAMPLE_SHEET,
  SAMPLE_TABLE,
  ScenarioError,
  applyOverrides,
  buildScenarioSheet,
  computeScenario,
  parseCapTable,
  recogniseColumns,
  sampleCapTable,
  type CapField,
  type ColumnMapping,
  type ParsedCapTable,
  type ScenarioPayload,
  type ScenarioResult,
} from "../scenario";
import { WorkbookError } from "../workbook/errors";
import { ForeignContentError, type CapTableRead, type CapTableRef } from "../workbook/gateway";
import { EMPTY_FORM, formFromPayload, validateForm, type FormErrors, type ScenarioForm } from "./form";
import { Grid, type GridColumn } from "./Grid";
import { Scenarios } from "./Scenarios";
import { useGateway } from "./gatewayContext";
import { ocfCapTable, type PickedFile } from "./ocfFiles";
import { plural, type OcfImport } from "../ocf";
import { ImportReport } from "./ImportReport";
import { newId } from "./ids";
import { SheetCheckBar, readBackCheck } from "./SheetCheck";
import { useMessageChannel, useMessages } from "./messages";
import type { SheetCheck } from "../scenario";

const OCF_SHEET = "OCF cap table";
const OCF_TABLE = "OcfCapTable";

const useStyles = makeStyles({
  // The file picker is reached through its button; kept out of sight, not out of the page.
  hiddenInput: { display: "none" },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "end" },
  two: {
    display: "grid",
    gridTemplateColumns: "minmax(0,1fr) minmax(0,1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    "& .fui-Input": { minWidth: 0 },
  },
  holders: {
    display: "grid",
    gridTemplateColumns: "minmax(0,1.4fr) minmax(0,1fr) minmax(0,1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "start",
  },
  fill: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  holderName: { paddingTop: tokens.spacingVerticalS, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  scroll: { overflowX: "auto" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface CapState {
  read: CapTableRead;
  overrides: Partial<Record<CapField, number>>;
  mapping: ColumnMapping;
  parsed: ParsedCapTable;
}

function makeCap(read: CapTableRead, overrides: Partial<Record<CapField, number>> = {}, base?: ColumnMapping): CapState {
  const mapping = applyOverrides(base ?? recogniseColumns(read.headers), overrides);
  return { read, overrides, mapping, parsed: parseCapTable(read.rows, mapping) };
}

function holdersFrom(parsed: ParsedCapTable): ScenarioForm["holders"] {
  return parsed.holders.map((h) => ({ row: h.row, name: h.name, role: h.role ?? "holder", requested: "" }));
}

/** Excel and gateway failures in words: what happened, and that nothing changed. */
export function describeFailure(err: unknown, doing: string): string {
  // The gateway's own errors are already in words, and say what became of the workbook.
  if (err instanceof ScenarioError || err instanceof WorkbookError) return err.message;
  const msg = err instanceof Error ? err.message : String(err);
  return `Could not ${doing}: ${msg.replace(/\.$/, "") || "Excel gave no reason"}. Nothing in the workbook was changed by this step.`;
}

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

type Busy = null | "read" | "sample" | "ocf" | "run" | "open";

/** initialCapTable: read this cap table on start (the preview's sample), with sample defaults. */
export function Pane({ initialCapTable }: { initialCapTable?: CapTableRef } = {}) {
  const gateway = useGateway();
  const styles = useStyles();
  const [cap, setCap] = useState<CapState | null>(null);
  const [form, setForm] = useState<ScenarioForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState<Busy>(null);
  const messages = useMessages(); // one message at a time, here or in the scenario list
  const { failure, notice, setFailure, setNotice } = useMessageChannel(messages, "pane");
  const [confirm, setConfirm] = useState<ScenarioPayload | null>(null);
  const [result, setResult] = useState<{ name: string; result: ScenarioResult; daily: boolean; check?: SheetCheck } | null>(null);
  const [scenarioId, setScenarioId] = useState<string | null>(null);
  const [ocf, setOcf] = useState<OcfImport | null>(null);
  const ocfInput = useRef<HTMLInputElement>(null);

  const loadCap = useCallback((read: CapTableRead, base?: ColumnMapping) => {
    const state = makeCap(read, {}, base);
    setCap(state);
    setForm((f) => ({ ...f, holders: holdersFrom(state.parsed) }));
    setResult(null);
  }, []);

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
  }, [gateway, initialCapTable, loadCap, setFailure]);

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
    }
  };

  const readSelection = () =>
    step("read", "read the cap table", async () => {
      loadCap(await gateway.readSelectedCapTable());
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
      const { result, rows, numberFormats } = await ocfCapTable(files);
      const ref = await gateway.insertTable(OCF_SHEET, OCF_TABLE, rows, numberFormats);
      loadCap(await gateway.readCapTable(ref));
      setOcf(result);
      setNotice(
        `Imported ${result.summary.holders} holders of ${result.issuer} as of ${result.asOf} to the sheet "${ref.sheet}" (${plural(result.summary.transactionsApplied, "transaction")} applied, ${plural(result.summary.skipped.length, "object")} not counted; see the import report).`,
      );
    });

  const remap = (field: CapField, col: number) => {
    if (!cap) return;
    const next = makeCap(cap.read, { ...cap.overrides, [field]: col });
    setCap(next);
    setForm((f) => ({ ...f, holders: holdersFrom(next.parsed) }));
  };

  const setField = <K extends keyof ScenarioForm>(key: K, value: ScenarioForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setRule = <K extends keyof ScenarioForm["rule144"]>(key: K, value: ScenarioForm["rule144"][K]) =>
    setForm((f) => ({ ...f, rule144: { ...f.rule144, [key]: value } }));
  const setHolder = (row: number, patch: Partial<ScenarioForm["holders"][number]>) =>
    setForm((f) => ({ ...f, holders: f.holders.map((h) => (h.row === row ? { ...h, ...patch } : h)) }));

  const write = async (payload: ScenarioPayload, overwriteForeign: boolean) => {
    if (!cap) return;
    // Compute first: a scenario the engine refuses writes nothing.
    const computed = computeScenario(cap.parsed, payload);
    const sheet = buildScenarioSheet(payload, cap.parsed);
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
    const check = await readBackCheck(gateway, payload.sheet, computed);
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

  const run = () => {
    const checked = validateForm(form, cap ? { ref: cap.read.ref, mapping: cap.mapping, parsed: cap.parsed } : null);
    setErrors(checked.errors);
    setConfirm(null);
    setResult(null); // the new run's figures, or its failure, replace the old figures
    if (!checked.payload) {
      setFailure("Some fields need attention; nothing was written.");
      return;
    }
    const payload = checked.payload;
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

  const err = (key: string) => (errors[key] ? { validationState: "error" as const, validationMessage: errors[key] } : {});
  const headers = cap?.read.headers ?? [];

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

      <section className={styles.section} aria-labelledby="cap-heading">
        <Subtitle2 as="h2" id="cap-heading">
          1. Cap table
        </Subtitle2>
        <Caption1 className={styles.muted}>
          Select any cell of your cap table (an Excel table, or a block with a header row) and read it.
        </Caption1>
        <div className={styles.row}>
          <Button appearance="primary" onClick={readSelection} disabled={busy !== null}>
            Read selected cap table
          </Button>
          <Button onClick={insertSample} disabled={busy !== null}>
            Insert sample cap table
          </Button>
          <Button onClick={() => ocfInput.current?.click()} disabled={busy !== null}>
            Import OCF package…
          </Button>
          <input
            ref={ocfInput}
            type="file"
            multiple
            accept=".zip,.json"
            aria-label="OCF package files (.ocf.zip, or the .ocf.json files)"
            className={styles.hiddenInput}
            onChange={(e) => {
              const files = Array.from(e.currentTarget.files ?? []);
              e.currentTarget.value = "";
              if (files.length > 0) void importOcfFiles(files);
            }}
          />
          {(busy === "read" || busy === "sample" || busy === "ocf") && (
            <Spinner size="tiny" label={busy === "read" ? "Reading…" : busy === "ocf" ? "Importing…" : "Inserting…"} />
          )}
        </div>
        {ocf && <ImportReport result={ocf} />}
        {errors.capTable && (
          <MessageBar intent="warning">
            <MessageBarBody>{errors.capTable}</MessageBarBody>
          </MessageBar>
        )}
        {cap && (
          <>
            <Body1 aria-label="Cap table summary">
              Read {cap.parsed.holders.length} holders from {cap.read.ref.sheet}!{cap.read.ref.address}:{" "}
              {formatCount(cap.parsed.totals.common)} common shares, {formatCount(cap.parsed.totals.asConverted)} shares as converted.
            </Body1>
            <details>
              <summary>
                Columns ({CAP_FIELDS.filter((f) => cap.mapping[f] !== undefined).length} of {CAP_FIELDS.length} recognised)
              </summary>
              <div className={styles.two}>
                {CAP_FIELDS.map((f) => (
                  <Field key={f} label={`Column for ${FIELD_LABELS[f]}`} size="small">
                    <Select value={String(cap.mapping[f] ?? -1)} onChange={(_, d) => remap(f, Number(d.value))}>
                      <option value="-1">(none)</option>
                      {headers.map((h, i) => (
                        <option key={i} value={String(i)}>
                          {h || `(column ${i + 1})`}
                        </option>
                      ))}
                    </Select>
                  </Field>
                ))}
              </div>
            </details>
            {cap.parsed.problems.length > 0 && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Problems in the cap table</MessageBarTitle>
                  <ul className={styles.list} aria-label="Cap table problems">
                    {cap.parsed.problems.map((p, i) => (
                      <li key={i}>{p.message}</li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            )}
          </>
        )}
      </section>

      <section className={styles.section} aria-labelledby="offering-heading">
        <Subtitle2 as="h2" id="offering-heading">
          2. Offering scenario
        </Subtitle2>
        <Field label="Scenario name (the sheet it writes)" {...err("name")}>
          <Input value={form.name} onChange={(_, d) => setField("name", d.value)} />
        </Field>
        <Field label="Offering type">
          <Dropdown
            value={OFFERING_LABELS[form.offering]}
            selectedOptions={[form.offering]}
            onOptionSelect={(_, d) => d.optionValue && setField("offering", d.optionValue as Offering)}
          >
            {OFFERINGS.map((o) => (
              <Option key={o} value={o}>
                {OFFERING_LABELS[o]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <div className={styles.two}>
          <Field label="Underwriter capacity (shares)" {...err("capacity")}>
            <Input inputMode="numeric" value={form.capacity} onChange={(_, d) => setField("capacity", d.value)} />
          </Field>
          <Field label="Offering price ($)" {...err("price")}>
            <Input inputMode="decimal" value={form.price} onChange={(_, d) => setField("price", d.value)} />
          </Field>
          <Field label="Gross spread (%)" {...err("spread")}>
            <Input inputMode="decimal" value={form.spread} onChange={(_, d) => setField("spread", d.value)} />
          </Field>
          <Field label="Commission per share ($, optional)" {...err("commission")}>
            <Input inputMode="decimal" value={form.commission} onChange={(_, d) => setField("commission", d.value)} />
          </Field>
        </div>
        {form.holders.length > 0 && (
          <div className={styles.holders} role="group" aria-label="Holders: role and requested shares">
            <Caption1>Holder</Caption1>
            <Caption1>Role</Caption1>
            <Caption1>Requested (blank = all registrable)</Caption1>
            {form.holders.map((h) => {
              const reg = cap?.parsed.holders.find((x) => x.row === h.row)?.asConverted;
              return (
                <HolderRow
                  key={h.row}
                  name={h.name}
                  role={h.role}
                  requested={h.requested}
                  registrable={reg ?? null}
                  error={errors[`requested:${h.row}`]}
                  onRole={(role) => setHolder(h.row, { role })}
                  onRequested={(requested) => setHolder(h.row, { requested })}
                  nameClass={styles.holderName}
                  fillClass={styles.fill}
                />
              );
            })}
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="r144-heading">
        <Subtitle2 as="h2" id="r144-heading">
          3. Rule 144
        </Subtitle2>
        <Checkbox
          label="Add the Rule 144 tests to the scenario sheet"
          checked={form.rule144.enabled}
          onChange={(_, d) => setRule("enabled", d.checked === true)}
        />
        {form.rule144.enabled && (
          <>
            <div className={styles.two}>
              <Field label="As of (date of sale)" {...err("r144:asOf")}>
                <Input type="date" value={form.rule144.asOf} onChange={(_, d) => setRule("asOf", d.value)} />
              </Field>
              <Field label="Shares outstanding" {...err("r144:outstanding")}>
                <Input inputMode="numeric" value={form.rule144.outstanding} onChange={(_, d) => setRule("outstanding", d.value)} />
              </Field>
              <Field label="Venue">
                <Select value={form.rule144.venue} onChange={(_, d) => setRule("venue", d.value as Venue)}>
                  {VENUES.map((v) => (
                    <option key={v} value={v}>
                      {v === "exchange" ? "National securities exchange" : "OTC (1% test only)"}
                    </option>
                  ))}
                </Select>
              </Field>
              <Checkbox
                label="Reporting issuer for 90 days"
                checked={form.rule144.reporting}
                onChange={(_, d) => setRule("reporting", d.checked === true)}
              />
            </div>
            <Field label="Trading volume data">
              <RadioGroup
                layout="horizontal"
                value={form.rule144.source}
                onChange={(_, d) => setRule("source", d.value as "weekly" | "daily")}
              >
                <Radio value="weekly" label="Four weekly volumes" />
                <Radio value="daily" label="Daily volumes in the workbook" />
              </RadioGroup>
            </Field>
            {form.rule144.source === "weekly" ? (
              <div className={styles.two}>
                {form.rule144.weeks.map((w, i) => (
                  <Field key={i} label={`Week ${i + 1} volume`} {...err(`r144:week${i + 1}`)}>
                    <Input
                      inputMode="numeric"
                      value={w}
                      onChange={(_, d) =>
                        setRule("weeks", form.rule144.weeks.map((x, j) => (j === i ? d.value : x)) as ScenarioForm["rule144"]["weeks"])
                      }
                    />
                  </Field>
                ))}
              </div>
            ) : (
              <div className={styles.two}>
                <Field label="Daily dates (range)" hint="e.g. Volumes!A2:A60" {...err("r144:dates")}>
                  <Input value={form.rule144.dates} onChange={(_, d) => setRule("dates", d.value)} />
                </Field>
                <Field label="Daily volumes (range)" hint="e.g. Volumes!B2:B60" {...err("r144:volumes")}>
                  <Input value={form.rule144.volumes} onChange={(_, d) => setRule("volumes", d.value)} />
                </Field>
                <Field label="Form 144 filing date" {...err("r144:filingDate")}>
                  <Input type="date" value={form.rule144.filingDate} onChange={(_, d) => setRule("filingDate", d.value)} />
                </Field>
              </div>
            )}
          </>
        )}
      </section>

      <section className={styles.section} aria-labelledby="run-heading">
        <Subtitle2 as="h2" id="run-heading">
          4. Run
        </Subtitle2>
        <div className={styles.row}>
          <Button appearance="primary" onClick={run} disabled={busy !== null}>
            Run scenario
          </Button>
          {busy === "run" && <Spinner size="tiny" label="Writing the scenario sheet…" />}
        </div>
        {confirm && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Replace the sheet "{confirm.sheet}"?</MessageBarTitle>
              It has cells RegRights did not write. Replacing it deletes them.
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={replaceConfirmed}>Replace the sheet</Button>
              <Button onClick={() => setConfirm(null)}>Keep it</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {result?.check && <SheetCheckBar sheet={result.name} check={result.check} />}
        {result && <Results name={result.name} result={result.result} daily={result.daily} />}
      </section>

      <Scenarios
        gateway={gateway}
        onOpen={openScenario}
        onRenamed={(id, name) => id === scenarioId && setField("name", name)}
        currentId={scenarioId}
        messages={messages}
      />
    </>
  );
}

function HolderRow(props: {
  name: string;
  role: Role;
  requested: string;
  registrable: number | null;
  error?: string;
  onRole: (r: Role) => void;
  onRequested: (v: string) => void;
  nameClass: string;
  fillClass: string;
}) {
  return (
    <>
      <Body1 className={props.nameClass}>{props.name}</Body1>
      <Select
        className={props.fillClass}
        aria-label={`Role of ${props.name}`}
        value={props.role}
        onChange={(_, d) => props.onRole(d.value as Role)}
        size="small"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </Select>
      <Field className={props.fillClass} validationState={props.error ? "error" : "none"} validationMessage={props.error} size="small">
        <Input
          className={props.fillClass}
          aria-label={`Requested shares of ${props.name}`}
          inputMode="numeric"
          placeholder={props.registrable === null ? "" : formatCount(props.registrable)}
          value={props.requested}
          onChange={(_, d) => props.onRequested(d.value)}
          size="small"
        />
      </Field>
    </>
  );
}

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

export function Results({ name, result, daily = false }: { name: string; result: ScenarioResult; daily?: boolean }) {
  const styles = useStyles();
  const t = result.totals;
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
        <Grid label="Allocation by holder" items={result.holders} columns={RESULT_COLUMNS} rowId={(h) => String(h.row)} />
      </div>
      {result.holders.some((h) => h.rule144) && (
        <div className={styles.scroll}>
          <Grid label="Rule 144 by holder" items={result.holders} columns={RULE_COLUMNS} rowId={(h) => String(h.row)} />
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
