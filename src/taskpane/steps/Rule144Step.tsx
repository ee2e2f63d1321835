// Step 3: the Rule 144 tests: a checkbox, then (loaded on demand, ./Rule144Fields.tsx) the as-of
// date, shares outstanding, venue, reporting status, and the trading volumes.
import { Checkbox, Subtitle2 } from "@fluentui/react-components";
import { Rule144Fields } from "../lazy";
import { useStepStyles } from "./styles";
import type { FormApi } from "./useScenarioForm";

export function Rule144Step({ formApi }: { formApi: FormApi }) {
  const styles = useStepStyles();
  const { form, setRule } = formApi;
  return (
    <section className={styles.section} aria-labelledby="r144-heading">
      <Subtitle2 as="h2" id="r144-heading">
        3. Rule 144
      </Subtitle2>
      <Checkbox
        label="Add the Rule 144 tests to the scenario sheet"
        checked={form.rule144.enabled}
        onChange={(_, d) => setRule("enabled", d.checked === true)}
      />
      {form.rule144.enabled && <Rule144Fields formApi={formApi} />}
    </section>
  );
}
