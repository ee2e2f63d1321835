// Scenarios stored in the workbook: list, open, duplicate, rename (the record and its sheet, one
// batch), delete (after asking), compare two. What an action did, or why it failed, goes through
// the pane's one message (./messages), shown here beside the list.

import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { sheetNameProblem, validatePayload, type ScenarioPayload } from "../scenario";
import { WorkbookError } from "../workbook/errors";
import type { ScenarioRecord, ScenarioSummary, SheetRename, WorkbookGateway } from "../workbook/gateway";
import type { CompareRow } from "./Compare";
import { Comparison, loadCompare, loadRun } from "./lazy";
import { newId } from "./ids";
import { useMessages, type Messages } from "./messages";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "end",
  },
  two: { display: "grid", gridTemplateColumns: "minmax(0,1fr) minmax(0,1fr)", columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  scroll: { overflowX: "auto" },
  confirm: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
});

/** The message parts of this list show (its actions, and reading the list). */
const FROM = "scenarios";
const FROM_LIST = "scenarios-list";

/** A failure in words: the gateway's own sentences stand; others say that nothing changed. */
function failed(doing: string, err: unknown): string {
  const msg = (err instanceof Error ? err.message : String(err)).replace(/\.$/, "");
  const said = err instanceof WorkbookError && /Nothing was changed|left as it was/.test(msg);
  return `Could not ${doing}: ${msg}.${said ? "" : " Nothing was changed."}`;
}

const RENAMED: Record<SheetRename, (from: string, to: string) => string> = {
  renamed: (from, to) => `Renamed the scenario "${from}" to "${to}", and its sheet with it.`,
  unchanged: (from, to) => `Renamed the scenario "${from}" to "${to}".`,
  absent: (from, to) =>
    `Renamed the scenario "${from}" to "${to}". No sheet in this workbook is named "${from}", so no sheet was renamed; run the scenario to write its sheet.`,
};

/** A saved scenario as listed: its index entry only (the payload is read when it is used). */
interface Valid {
  record: ScenarioSummary;
}

/** A saved scenario with its payload read and validated. */
interface Opened {
  record: ScenarioRecord;
  payload: ScenarioPayload;
}

const savedAt = (iso: string) => new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });

/** One side of the comparison: a saved scenario by name. */
function ScenarioPicker(props: { label: string; scenarios: Valid[]; value: string; onChange: (id: string) => void }) {
  return (
    <Field label={props.label}>
      <Select value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        <option value="">(choose)</option>
        {props.scenarios.map((v) => (
          <option key={v.record.id} value={v.record.id}>
            {v.record.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function Scenarios({
  gateway,
  onOpen,
  onRenamed,
  currentId,
  messages: shared,
}: {
  gateway: WorkbookGateway;
  onOpen: (payload: ScenarioPayload, id: string) => void;
  /** A scenario was renamed (the pane's open scenario follows). */
  onRenamed?: (id: string, name: string) => void;
  currentId: string | null;
  /** The pane's one message; without it the list keeps its own. */
  messages?: Messages;
}) {
  const styles = useStyles();
  const own = useMessages();
  const messages = shared ?? own;
  const { show, clear, dismiss } = messages;
  const [valid, setValid] = useState<Valid[]>([]);
  const [problems, setProblems] = useState<{ name: string; problem: string }[]>([]);
  const [loading, setLoading] = useState(true);
  const [renaming, setRenaming] = useState<{ id: string; name: string; error?: string; saving?: boolean } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  /** The button to focus when it is shown again ("delete:<id>", "rename:<id>"): where the user was. */
  const refocus = useRef<string | null>(null);
  const focusOnReturn = (key: string) => (el: HTMLButtonElement | null) => {
    if (el && refocus.current === key) {
      refocus.current = null;
      el.focus();
    }
  };
  const keep = (id: string) => {
    refocus.current = `delete:${id}`;
    setDeleting(null);
  };
  const cancelRename = (id: string) => {
    refocus.current = `rename:${id}`;
    setRenaming(null);
  };
  const [pick, setPick] = useState<{ a: string; b: string }>({ a: "", b: "" });
  const [comparison, setComparison] = useState<{ a: string; b: string; rows: CompareRow[] } | null>(null);
  const [comparing, setComparing] = useState(false);

  const refresh = useCallback(
    () =>
      gateway.scenarios
        .list()
        .then((list) => {
          const ok: Valid[] = list.scenarios.map((record) => ({ record }));
          ok.sort((x, y) => x.record.name.localeCompare(y.record.name));
          setValid(ok);
          setProblems(list.problems);
          // A scenario gone (here or by another author) leaves the pickers and the comparison.
          const ids = new Set(["", ...ok.map((v) => v.record.id)]); // "": nothing chosen
          setPick((p) => (ids.has(p.a) && ids.has(p.b) ? p : { a: ids.has(p.a) ? p.a : "", b: ids.has(p.b) ? p.b : "" }));
          setComparison((c) => (c && ids.has(c.a) && ids.has(c.b) ? c : null));
          dismiss(FROM_LIST);
        })
        .catch((err: unknown) =>
          show(FROM_LIST, "error", `Could not read the saved scenarios: ${err instanceof Error ? err.message : String(err)}.`),
        )
        .finally(() => setLoading(false)),
    [gateway, show, dismiss],
  );

  useEffect(() => {
    let unsubscribe: (() => Promise<void>) | null = null;
    let gone = false;
    void refresh();
    gateway.scenarios
      .onChange(() => void refresh())
      .then((u) => {
        if (gone) void u();
        else unsubscribe = u;
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      if (unsubscribe) void unsubscribe();
    };
  }, [gateway, refresh]);

  /** Reads a scenario's payload from the store and validates it; a bad one is reported by name. */
  const open = useCallback(
    async (v: Valid): Promise<Opened> => {
      const record = await gateway.scenarios.load(v.record.id);
      const checked = validatePayload(record.payload);
      if (!checked.ok) {
        setProblems((ps) => (ps.some((p) => p.name === record.name) ? ps : [...ps, { name: record.name, problem: checked.problem }]));
        throw new Error(`the scenario "${record.name}" could not be read: ${checked.problem}`);
      }
      return { record, payload: checked.payload };
    },
    [gateway],
  );

  /** An action: its message (or failure) replaces whatever the pane showed. */
  const act = async (doing: string, work: () => Promise<string | null>) => {
    clear();
    try {
      const done = await work();
      await refresh();
      if (done) show(FROM, "success", done);
    } catch (err) {
      show(FROM, "error", failed(doing, err));
    }
  };

  const duplicate = (v: Valid) =>
    act("duplicate the scenario", async () => {
      const { payload } = await open(v);
      const names = new Set(valid.map((x) => x.record.name));
      let name = `${v.record.name} (copy)`.slice(0, 31);
      for (let i = 2; names.has(name); i++) name = `${v.record.name} (${i})`.slice(0, 31);
      await gateway.scenarios.save({ id: newId(), name, updatedAt: new Date().toISOString(), payload: { ...payload, sheet: name } });
      return `Saved a copy of "${v.record.name}" as "${name}".`;
    });

  const remove = (v: Valid) => {
    setDeleting(null);
    void act("delete the scenario", async () => {
      await gateway.scenarios.remove(v.record.id);
      return `Deleted the scenario "${v.record.name}". Its sheet, if it has one, stays in the workbook.`;
    });
  };

  const openInPane = async (v: Valid) => {
    clear();
    try {
      const opened = await open(v);
      onOpen(opened.payload, opened.record.id);
    } catch (err) {
      show(FROM, "error", `Could not open the scenario: ${err instanceof Error ? err.message : String(err)}.`);
    }
  };

  /**
   * Renames the record and its sheet in one batch (ScenarioStore.rename). A name the pane or the
   * workbook refuses is said under the field, which stays open; nothing has changed then.
   */
  const rename = async () => {
    if (!renaming || renaming.saving) return;
    const v = valid.find((x) => x.record.id === renaming.id);
    if (!v) return;
    const name = renaming.name.trim();
    const lower = name.toLowerCase();
    const problem =
      sheetNameProblem(name) ??
      (valid.some((x) => x.record.name.toLowerCase() === lower && x.record.id !== v.record.id) ? "Another scenario has this name." : null);
    if (problem) {
      setRenaming({ ...renaming, error: problem });
      return;
    }
    if (name === v.record.name) {
      setRenaming(null);
      return;
    }
    clear();
    setRenaming({ ...renaming, saving: true, error: undefined });
    try {
      const opened = await open(v);
      const outcome = await gateway.scenarios.rename(
        { ...opened.record, name, updatedAt: new Date().toISOString(), payload: { ...opened.payload, sheet: name } },
        { from: opened.payload.sheet, to: name },
      );
      setRenaming((r) => (r && r.id === v.record.id ? null : r));
      onRenamed?.(v.record.id, name);
      await refresh();
      show(FROM, "success", RENAMED[outcome](v.record.name, name));
    } catch (err) {
      setRenaming((r) => (r && r.id === v.record.id ? { ...r, saving: false, error: failed("rename the scenario", err) } : r));
    }
  };

  const compare = async () => {
    const a = valid.find((x) => x.record.id === pick.a);
    const b = valid.find((x) => x.record.id === pick.b);
    if (!a || !b) return;
    setComparing(true);
    clear();
    try {
      // The engine's scenario and the comparison load with the first comparison (chunks of their own).
      const [{ computeScenario, parseCapTable }, { compareResults }] = await Promise.all([loadRun(), loadCompare()]);
      const results = await Promise.all(
        [a, b].map(async (v) => {
          const { payload } = await open(v);
          const read = await gateway.readCapTable(payload.capTable);
          return computeScenario(parseCapTable(read.rows, payload.mapping), payload);
        }),
      );
      setComparison({ a: a.record.id, b: b.record.id, rows: compareResults(results[0], results[1]) });
    } catch (err) {
      show(FROM, "error", `Could not compare: ${err instanceof Error ? err.message : String(err)}.`);
    } finally {
      setComparing(false);
    }
  };

  const nameOf = (id: string) => valid.find((v) => v.record.id === id)?.record.name;
  // Shown only while both scenarios are listed (a deletion drops it at once, before the next list).
  const shown = comparison && nameOf(comparison.a) !== undefined && nameOf(comparison.b) !== undefined ? comparison : null;
  const message = messages.current && (messages.current.from === FROM || messages.current.from === FROM_LIST) ? messages.current : null;

  return (
    <section className={styles.section} aria-labelledby="scenarios-heading">
      <Subtitle2 as="h2" id="scenarios-heading">
        5. Saved scenarios
      </Subtitle2>
      <Caption1 className={styles.muted}>Stored in this workbook, so co-authors see them too.</Caption1>
      {loading && <Spinner size="tiny" label="Loading scenarios…" />}
      {message && (
        <MessageBar intent={message.intent} role={message.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {problems.map((p, i) => (
              <div key={i}>
                Scenario "{p.name}" could not be read: {p.problem}.
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {!loading && valid.length === 0 && <Body1>No scenarios yet: run one above and it is saved here.</Body1>}
      <ul className={styles.list} aria-label="Saved scenarios">
        {valid.map((v) => (
          <li key={v.record.id} className={styles.item} aria-label={v.record.name}>
            <Body1>
              <strong>{v.record.name}</strong>
              {v.record.id === currentId ? " (open)" : ""} — saved {savedAt(v.record.updatedAt)}
            </Body1>
            {renaming?.id === v.record.id ? (
              <div className={styles.actions}>
                <Field
                  label={`New name for ${v.record.name}`}
                  validationState={renaming.error ? "error" : "none"}
                  validationMessage={renaming.error}
                  size="small"
                >
                  <Input
                    size="small"
                    value={renaming.name}
                    onChange={(_, d) => setRenaming({ ...renaming, name: d.value, error: undefined })}
                    onKeyDown={(e) => {
                      if (e.key === "Enter") void rename();
                      if (e.key === "Escape" && !renaming.saving) cancelRename(v.record.id);
                    }}
                  />
                </Field>
                <Button size="small" appearance="primary" onClick={() => void rename()} disabled={renaming.saving}>
                  Save name
                </Button>
                <Button size="small" onClick={() => cancelRename(v.record.id)} disabled={renaming.saving}>
                  Cancel
                </Button>
                {renaming.saving && <Spinner size="tiny" label="Renaming…" />}
              </div>
            ) : deleting === v.record.id ? (
              <div
                className={styles.confirm}
                role="group"
                aria-label={`Delete ${v.record.name}?`}
                onKeyDown={(e) => e.key === "Escape" && keep(v.record.id)}
              >
                <Body1>
                  Delete the saved scenario "{v.record.name}"? Its inputs cannot be recovered; its sheet, if it has one, stays in the
                  workbook.
                </Body1>
                <div className={styles.actions}>
                  <Button size="small" appearance="primary" onClick={() => remove(v)}>
                    Delete
                  </Button>
                  {/* The safe choice has the focus. */}
                  <Button size="small" onClick={() => keep(v.record.id)} autoFocus>
                    Keep
                  </Button>
                </div>
              </div>
            ) : (
              <div className={styles.actions}>
                <Button size="small" onClick={() => void openInPane(v)} aria-label={`Open ${v.record.name}`}>
                  Open
                </Button>
                <Button size="small" onClick={() => duplicate(v)} aria-label={`Duplicate ${v.record.name}`}>
                  Duplicate
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    setDeleting(null);
                    setRenaming({ id: v.record.id, name: v.record.name });
                  }}
                  aria-label={`Rename ${v.record.name}`}
                  ref={focusOnReturn(`rename:${v.record.id}`)}
                >
                  Rename
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    setRenaming(null);
                    setDeleting(v.record.id);
                  }}
                  aria-label={`Delete ${v.record.name}`}
                  ref={focusOnReturn(`delete:${v.record.id}`)}
                >
                  Delete
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {valid.length >= 2 && (
        <>
          <div className={styles.two}>
            <ScenarioPicker label="Compare scenario A" scenarios={valid} value={pick.a} onChange={(a) => setPick({ ...pick, a })} />
            <ScenarioPicker label="with scenario B" scenarios={valid} value={pick.b} onChange={(b) => setPick({ ...pick, b })} />
          </div>
          <div className={styles.actions}>
            <Button onClick={() => void compare()} disabled={!pick.a || !pick.b || pick.a === pick.b || comparing}>
              Compare
            </Button>
            {comparing && <Spinner size="tiny" label="Comparing…" />}
          </div>
        </>
      )}
      {shown && (
        <div className={styles.scroll}>
          <Comparison a={nameOf(shown.a) ?? ""} b={nameOf(shown.b) ?? ""} rows={shown.rows} />
        </div>
      )}
    </section>
  );
}
