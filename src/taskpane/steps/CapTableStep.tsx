// Step 1: the cap table: read the selection, insert the sample, or import an OCF package; then the
// columns recognised (each can be remapped) and the problems found.
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Subtitle2,
} from "@fluentui/react-components";
import { useRef } from "react";
import { formatCount } from "../../engine";
import type { OcfImport } from "../../ocf";
import { CAP_FIELDS, FIELD_LABELS, type CapField } from "../../scenario";
import { ImportReport } from "../lazy";
import type { PickedFile } from "../ocfFiles";
import type { Busy, CapState } from "./capState";
import { useStepStyles } from "./styles";

export function CapTableStep(props: {
  cap: CapState | null;
  ocf: OcfImport | null;
  busy: Busy;
  /** The step in progress, in words ("Writing 5,000 holders…"). */
  progress?: string | null;
  capTableError?: string;
  onRead: () => void;
  onSample: () => void;
  onImport: (files: PickedFile[]) => void;
  onRemap: (field: CapField, col: number) => void;
}) {
  const { cap, ocf, busy, capTableError, onRead, onSample, onImport, onRemap } = props;
  const styles = useStepStyles();
  const ocfInput = useRef<HTMLInputElement>(null);
  const headers = cap?.read.headers ?? [];
  return (
    <section className={styles.section} aria-labelledby="cap-heading">
      <Subtitle2 as="h2" id="cap-heading">
        1. Cap table
      </Subtitle2>
      <Caption1 className={styles.muted}>
        Select any cell of your cap table (an Excel table, or a block with a header row) and read it.
      </Caption1>
      <div className={styles.row}>
        <Button appearance="primary" onClick={onRead} disabled={busy !== null}>
          Read selected cap table
        </Button>
        <Button onClick={onSample} disabled={busy !== null}>
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
            if (files.length > 0) onImport(files);
          }}
        />
        {(busy === "read" || busy === "sample" || busy === "ocf") && (
          <Spinner size="tiny" label={props.progress ?? (busy === "read" ? "Reading…" : busy === "ocf" ? "Importing…" : "Inserting…")} />
        )}
      </div>
      {ocf && <ImportReport result={ocf} />}
      {capTableError && (
        <MessageBar intent="warning">
          <MessageBarBody>{capTableError}</MessageBarBody>
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
                  <Select value={String(cap.mapping[f] ?? -1)} onChange={(_, d) => onRemap(f, Number(d.value))}>
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
  );
}
