// Display text of a cell as Excel shows it, for the preview grid: number formats through SSF (the
// SheetJS formatter fast-formula-parser bundles), e.g. "#,##0", "#,##0.00", "$#,##0.00", "0.0%",
// "yyyy-mm-dd"; booleans as TRUE/FALSE; errors as their code.

import SSF from "fast-formula-parser/ssf/ssf";
import { ErrorValue, Scalar } from "./values";

export function displayText(value: Scalar, numberFormat: string | null | undefined): string {
  if (value === null || value === "") return "";
  if (value instanceof ErrorValue) return value.code;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const fmt = numberFormat && numberFormat !== "@" ? numberFormat : "General";
  try {
    return SSF.format(fmt, value);
  } catch {
    return String(value);
  }
}
