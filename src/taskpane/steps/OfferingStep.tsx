// Step 2: the offering: scenario name, offering type, capacity, price, spread and commission, and
// each holder's role and requested shares.
import { Body1, Button, Caption1, Field, Input, Select, Subtitle2 } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { OFFERINGS, ROLES, formatCount, type Offering, type Role } from "../../engine";
import { OFFERING_LABELS, ROLE_LABELS } from "../../scenario";
import type { CapState } from "./capState";
import { useStepStyles } from "./styles";
import type { FormApi } from "./useScenarioForm";

/** Holder rows rendered at once; a 5,000-holder table is searched and shown in pages. */
export const HOLDER_ROWS_SHOWN = 50;

export function OfferingStep({ cap, formApi }: { cap: CapState | null; formApi: FormApi }) {
  const styles = useStepStyles();
  const { form, errors, err, setField, setHolder } = formApi;
  const [find, setFind] = useState("");
  const [limit, setLimit] = useState(HOLDER_ROWS_SHOWN);
  const registrable = useMemo(() => new Map(cap?.parsed.holders.map((h) => [h.row, h.asConverted]) ?? []), [cap]);
  const wanted = find.trim().toLowerCase();
  const matching = wanted === "" ? form.holders : form.holders.filter((h) => h.name.toLowerCase().includes(wanted));
  const shown = matching.slice(0, limit);
  const big = form.holders.length > HOLDER_ROWS_SHOWN;
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
          <Input
            type="search"
            value={find}
            onChange={(_, d) => {
              setFind(d.value);
              setLimit(HOLDER_ROWS_SHOWN);
            }}
          />
        </Field>
      )}
      {form.holders.length > 0 && (
        <div className={styles.holders} role="group" aria-label="Holders: role and requested shares">
          <Caption1>Role</Caption1>
          <Caption1>Requested (blank = all registrable)</Caption1>
          {shown.map((h) => {
            const reg = registrable.get(h.row);
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
      {shown.length < matching.length && (
        <div className={styles.row}>
          <Caption1 className={styles.muted}>
            Showing {formatCount(shown.length)} of {formatCount(matching.length)} {wanted === "" ? "holders" : "matching holders"}.
          </Caption1>
          <Button size="small" onClick={() => setLimit((l) => l + HOLDER_ROWS_SHOWN)}>
            Show {formatCount(Math.min(HOLDER_ROWS_SHOWN, matching.length - shown.length))} more
          </Button>
        </div>
      )}
      {big && wanted !== "" && matching.length === 0 && (
        <Caption1 className={styles.muted}>No holder's name contains "{find.trim()}".</Caption1>
      )}
    </section>
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
        title={ROLE_LABELS[props.role]}
        value={props.role}
        onChange={(_, d) => props.onRole(d.value as Role)}
        size="small"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_SHORT[r]}
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
