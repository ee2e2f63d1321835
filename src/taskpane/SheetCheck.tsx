// The read-back check in the pane (issue 9, item 1): after a run, the scenario sheet's computed
// values are read back and compared with the engine's figures (src/scenario/sheetCheck.ts); any
// difference is shown above the figures, with the cells named.
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { checkAddress, checkSheet, describeCheck, type ScenarioResult, type SheetCheck } from "../scenario";
import type { WorkbookGateway } from "../workbook/gateway";

/**
 * Custom functions calculate after the write's sync returns, and Excel shows #BUSY! meanwhile
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-overview), so one read in
 * the write's own batch would only see that. Read again while cells are calculating, a few times.
 */
export async function readBackCheck(
  gateway: WorkbookGateway,
  sheet: string,
  result: ScenarioResult,
  waits: readonly number[] = [300, 700, 1500, 3000],
): Promise<SheetCheck> {
  const address = checkAddress(result);
  let check = checkSheet(result, await gateway.readValues(sheet, address));
  for (const ms of waits) {
    if (check.calculating === 0) break;
    await new Promise((ok) => setTimeout(ok, ms));
    check = checkSheet(result, await gateway.readValues(sheet, address));
  }
  return check;
}

export function SheetCheckBar({ sheet, check }: { sheet: string; check: SheetCheck }) {
  const words = describeCheck(sheet, check);
  if (!words) return null;
  return (
    <MessageBar intent="warning" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{words.title}</MessageBarTitle>
        <ul>
          {words.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
