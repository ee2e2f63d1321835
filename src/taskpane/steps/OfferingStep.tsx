// Step 2: the offering: scenario name, offering type, capacity, price, spread and commission, and
// each holder's role and requested shares.
import { Body1, Caption1, Field, Input, Select, Subtitle2 } from "@fluentui/react-components";
import { OFFERINGS, ROLES, formatCount, type Offering, type Role } from "../../engine";
import { OFFERING_LABELS, ROLE_LABELS } from "../../scenario";
import type { CapState } from "./capState";
import { useStepStyles } from "./styles";
import type { FormApi } from "./useScenarioForm";

export function OfferingStep({ cap, formApi }: { cap: CapState | null; formApi: FormApi }) {
  const styles = useStepStyles();
  const { form, errors, err, setField, setHolder } = formApi;
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
      {form.holders.length > 0 && (
        <div className={styles.holders} role="group" aria-label="Holders: role and requested shares">
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
