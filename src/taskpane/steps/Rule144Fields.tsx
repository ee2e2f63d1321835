// Step 3's fields once the Rule 144 tests are on: as-of date, shares outstanding, venue, reporting
// status, and the trading volumes (four weekly figures, or daily data in the workbook). Loaded on
// demand (lazy.tsx, the chunk "rule144") when the user turns the tests on.
import { Checkbox, Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { VENUES, type Venue } from "../../engine";
import type { ScenarioForm } from "../form";
import { useStepStyles } from "./styles";
import type { FormApi } from "./useScenarioForm";

export function Rule144Fields({ formApi }: { formApi: FormApi }) {
  const styles = useStepStyles();
  const { form, err, setRule } = formApi;
  return (
    <>
      <div className={styles.two}>
        <Field label="As of (date of sale)" {...err("r144:asOf")}>
          <Input type="date" value={form.rule144.asOf} onChange={(_, d) => setRule("asOf", d.value)} />
        </Field>
        <Field label="Shares outstanding" {...err("r144:outstanding")}>
          <Input inputMode="numeric" value={form.rule144.outstanding} onChange={(_, d) => setRule("outstanding", d.value)} />
        </Field>
        <Field label="Venue" className={styles.wide}>
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
        <RadioGroup layout="horizontal" value={form.rule144.source} onChange={(_, d) => setRule("source", d.value as "weekly" | "daily")}>
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
  );
}
