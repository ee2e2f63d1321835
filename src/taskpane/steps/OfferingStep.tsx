// Step 2: the offering: scenario name, offering type, capacity, price, spread and commission, and
// each holder's role and requested shares (a virtual list: only the rows in view are rendered).
import { Body1, Caption1, Field, Input, Select, Subtitle2 } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { List, useDynamicRowHeight, type RowComponentProps } from "react-window";
import { OFFERINGS, ROLES, formatCount, type Offering, type Role } from "../../engine";
import { OFFERING_LABELS, ROLE_LABELS } from "../../scenario";
import type { CapState } from "./capState";
import { useStepStyles } from "./styles";
import type { FormErrors, ScenarioForm } from "../form";
import type { FormApi } from "./useScenarioForm";

/** From this many holders the list offers "Find a holder". */
export const FIND_FROM = 50;
/** Holder rows visible at once; more scroll inside the list, which renders only what is in view. */
export const HOLDER_ROWS_VISIBLE = 8;
/** A holder row's height before it is measured: its name, then the role and requested boxes. */
const ROW_ESTIMATE = 68;

export function OfferingStep({ cap, formApi }: { cap: CapState | null; formApi: FormApi }) {
  const styles = useStepStyles();
  const { form, errors, err, setField, setHolder } = formApi;
  const [find, setFind] = useState("");
  const registrable = useMemo(() => new Map(cap?.parsed.holders.map((h) => [h.row, h.asConverted]) ?? []), [cap]);
  const wanted = find.trim().toLowerCase();
  const matching = useMemo(
    () => (wanted === "" ? form.holders : form.holders.filter((h) => h.name.toLowerCase().includes(wanted))),
    [form.holders, wanted],
  );
  const big = form.holders.length > FIND_FROM;
  return (
    <section className={styles.section} aria-labelledby="offering-heading">
      <Subtitle2 as="h2" id="offering-heading">
        2. Offering scenario
      </Subtitle2>
      <Field label="Scenario name (the sheet it writes)" {...err("name")}>
        <Input value={form.name} onChange={(_, d) => setField("name", d.value)} />
      </Field>
      {/* A native Select, as for the roles below: Fluent's Dropdown (react-combobox, floating-ui)
          would add about 20 KB gzip to the pane's initial script for one list of four. */}
      <Field label="Offering type">
        <Select value={form.offering} onChange={(_, d) => setField("offering", d.value as Offering)}>
          {OFFERINGS.map((o) => (
            <option key={o} value={o}>
              {OFFERING_LABELS[o]}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.two}>
        <Field label="Underwriter capacity (shares)" {...err("capacity")}>
          <Input inputMode="numeric" value={form.capacity} onChange={(_, d) => setField("capacity", d.value)} />
        </Field>
        <Field label="Offering price ($)" {...err("price")}>
          <Input inputMode="decimal" value={form.price} onChange={(_, d) => setField("price", d.value)} />
        </Field>
        <Field label="Gross spread" hint="6% or 0.06, as in Excel" {...err("spread")}>
          <Input inputMode="decimal" value={form.spread} onChange={(_, d) => setField("spread", d.value)} />
        </Field>
        <Field label="Commission per share ($, optional)" {...err("commission")}>
          <Input inputMode="decimal" value={form.commission} onChange={(_, d) => setField("commission", d.value)} />
        </Field>
      </div>
      {big && (
        <Field label="Find a holder" hint={`${formatCount(form.holders.length)} holders; requests left blank take all registrable shares.`}>
          <Input type="search" value={find} onChange={(_, d) => setFind(d.value)} />
        </Field>
      )}
      {form.holders.length > 0 && (
        <div role="group" aria-label="Holders: role and requested shares">
          <div className={styles.holders}>
            <Caption1>Role</Caption1>
            <Caption1>Requested (blank = all registrable)</Caption1>
          </div>
          <HolderList
            holders={matching}
            registrable={registrable}
            errors={errors}
            setHolder={setHolder}
            filter={wanted}
            rowClass={styles.holders}
            nameClass={styles.holderName}
            fillClass={styles.fill}
          />
        </div>
      )}
      {big && wanted !== "" && (
        <Caption1 className={styles.muted} role="status">
          {matching.length === 0
            ? `No holder's name contains "${find.trim()}".`
            : `${formatCount(matching.length)} of ${formatCount(form.holders.length)} holders match.`}
        </Caption1>
      )}
    </section>
  );
}

type HolderItem = ScenarioForm["holders"][number];

interface HolderRowProps {
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
 * The holders as a virtual list (react-window): only the rows in view (and a few either side) are
 * in the page, so a 5,000-holder table keeps the pane short and the page responsive. Rows are
 * measured as they render (a long name wraps, a field's message adds a line). Up to
 * HOLDER_ROWS_VISIBLE rows show at once; the list scrolls inside its own box.
 */
function HolderList({
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
  const height = Math.min(holders.length, HOLDER_ROWS_VISIBLE) * ROW_ESTIMATE;
  const rowProps = useMemo(
    () => ({ holders, registrable, errors, setHolder, rowClass, nameClass, fillClass }),
    [holders, registrable, errors, setHolder, rowClass, nameClass, fillClass],
  );
  return (
    <List
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
