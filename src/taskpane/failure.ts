// Failures in words for the pane's messages.
import { ScenarioError } from "../scenario";
import { WorkbookError } from "../workbook/errors";

/** Excel and gateway failures in words: what happened, and that nothing changed. */
export function describeFailure(err: unknown, doing: string): string {
  // The gateway's own errors are already in words, and say what became of the workbook.
  if (err instanceof ScenarioError || err instanceof WorkbookError) return err.message;
  const msg = err instanceof Error ? err.message : String(err);
  return `Could not ${doing}: ${msg.replace(/\.$/, "") || "Excel gave no reason"}. Nothing in the workbook was changed by this step.`;
}
