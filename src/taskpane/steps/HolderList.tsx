// The holders of step 2 (OfferingStep.tsx) as a virtual list (react-window 2): each holder's name,
// role and requested shares. Only the rows in view (and a few either side) are in the page, so a
// 5,000-holder table keeps the pane short and the page responsive. Loaded on demand (lazy.tsx, the
// chunk "holders") with the first cap table read.
import { Body1, Field, Input, Select } from "@fluentui/react-components";
import { useEffect, useMemo } from "react";
import { List, useDynamicRowHeight, useListRef, type RowComponentProps } from "react-window";
import { ROLES, formatCount, type Role } from "../../engine";
import { ROLE_LABELS } from "../../scenario";
import type { FormErrors, ScenarioForm } from "../form";
import type { FormApi } from "./useScenarioForm";

/** Holder rows visible at once; more scroll inside the list, which renders only what is in view. */
export const HOLDER_ROWS_VISIBLE = 8;
/** A holder row's height before it is measured: its name, then the role and requested boxes. */
const ROW_ESTIMATE = 68;

type HolderItem = ScenarioForm["holders"][number];

export interface HolderRowProps {
  holders: HolderItem[];
  registrable: Map<number, number | null>;
  errors: FormErrors;
  setHolder: FormApi["setHolder"];
  rowClass: string;
  nameClass: string;
  fillClass: string;
}

const holderKey = (index: number, data: HolderRowProps) => data.holders[index].row;

/**
 * Rows are measured as they render (a long name wraps, a field's message adds a line). Up to
 * HOLDER_ROWS_VISIBLE rows show at once; the list scrolls inside its own box.
 */
export function HolderList({
  filter,
  holders,
  registrable,
  errors,
  setHolder,
  rowClass,
  nameClass,
  fillClass,
}: HolderRowProps & { filter: string }) {
  // Measured heights belong to rows by position: a new filter starts from the estimate again.
  const rowHeight = useDynamicRowHeight({ defaultRowHeight: ROW_ESTIMATE, key: filter });
  const listRef = useListRef(null);
  // After a run refused, the first holder whose request needs attention scrolls into view.
  useEffect(() => {
    const index = holders.findIndex((h) => errors[`requested:${h.row}`] !== undefined);
    if (index >= 0) listRef.current?.scrollToRow({ index, align: "smart" });
  }, [errors]); // eslint-disable-line react-hooks/exhaustive-deps -- on a new set of messages only, not as the user types or filters
  const height = Math.min(holders.length, HOLDER_ROWS_VISIBLE) * ROW_ESTIMATE;
  const rowProps = useMemo(
    () => ({ holders, registrable, errors, setHolder, rowClass, nameClass, fillClass }),
    [holders, registrable, errors, setHolder, rowClass, nameClass, fillClass],
  );
  return (
    <List
      listRef={listRef}
      aria-label="Holders"
      rowComponent={HolderRow}
      rowCount={holders.length}
      rowHeight={rowHeight}
      rowKey={holderKey}
      rowProps={rowProps}
      overscanCount={4}
      // jsdom and the first render have no layout: the list is this tall until it is measured.
      defaultHeight={height}
      style={{ height, maxWidth: "100%" }}
    />
  );
}

/** Role names short enough for the pane's role boxes; the full name is the box's tooltip. */
const ROLE_SHORT: Record<Role, string> = {
  holder: "Holder",
  initiating: "Initiating holder",
  other: "Other agreement",
  "no-rights": "No rights",
  company: "Company (primary)",
};

function HolderRow({
  index,
  style,
  ariaAttributes,
  holders,
  registrable,
  errors,
  setHolder,
  rowClass,
  nameClass,
  fillClass,
}: RowComponentProps<HolderRowProps>) {
  const h = holders[index];
  const reg = registrable.get(h.row) ?? null;
  const error = errors[`requested:${h.row}`];
  return (
    <div style={style} className={rowClass} {...ariaAttributes}>
      <Body1 className={nameClass}>{h.name}</Body1>
      <Select
        className={fillClass}
        aria-label={`Role of ${h.name}`}
        title={ROLE_LABELS[h.role]}
        value={h.role}
        onChange={(_, d) => setHolder(h.row, { role: d.value as Role })}
        size="small"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_SHORT[r]}
          </option>
        ))}
      </Select>
      <Field className={fillClass} validationState={error ? "error" : "none"} validationMessage={error} size="small">
        <Input
          className={fillClass}
          aria-label={`Requested shares of ${h.name}`}
          inputMode="numeric"
          placeholder={reg === null ? "" : formatCount(reg)}
          value={h.requested}
          onChange={(_, d) => setHolder(h.row, { requested: d.value })}
          size="small"
        />
      </Field>
    </div>
  );
}
