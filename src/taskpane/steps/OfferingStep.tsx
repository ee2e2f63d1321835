// Step 2: the offering: scenario name, offering type, capacity, price, spread and commission, and
// each holder's role and requested shares (a virtual list: only the rows in view are rendered).
import { Caption1, Field, Input, Select, Subtitle2 } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { OFFERINGS, formatCount, type Offering } from "../../engine";
import { OFFERING_LABELS } from "../../scenario";
import { HolderList } from "../lazy";
import type { CapState } from "./capState";
import { useStepStyles } from "./styles";
import type { FormApi } from "./useScenarioForm";

/** From this many holders the list offers "Find a holder". */
export const FIND_FROM = 50;

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
