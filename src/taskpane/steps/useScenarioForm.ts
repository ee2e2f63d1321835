// The scenario form's state: the fields as typed, their messages, and the setters the steps use.
import { useState } from "react";
import { EMPTY_FORM, type FormErrors, type ScenarioForm } from "../form";

export interface FormApi {
  form: ScenarioForm;
  setForm: React.Dispatch<React.SetStateAction<ScenarioForm>>;
  errors: FormErrors;
  setErrors: (errors: FormErrors) => void;
  /** A Field's validation props for the message under `key`. */
  err: (key: string) => { validationState?: "error"; validationMessage?: string };
  setField: <K extends keyof ScenarioForm>(key: K, value: ScenarioForm[K]) => void;
  setRule: <K extends keyof ScenarioForm["rule144"]>(key: K, value: ScenarioForm["rule144"][K]) => void;
  setHolder: (row: number, patch: Partial<ScenarioForm["holders"][number]>) => void;
}

export function useScenarioForm(): FormApi {
  const [form, setForm] = useState<ScenarioForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FormErrors>({});
  return {
    form,
    setForm,
    errors,
    setErrors,
    err: (key) => (errors[key] ? { validationState: "error" as const, validationMessage: errors[key] } : {}),
    setField: (key, value) => setForm((f) => ({ ...f, [key]: value })),
    setRule: (key, value) => setForm((f) => ({ ...f, rule144: { ...f.rule144, [key]: value } })),
    setHolder: (row, patch) => setForm((f) => ({ ...f, holders: f.holders.map((h) => (h.row === row ? { ...h, ...patch } : h)) })),
  };
}
