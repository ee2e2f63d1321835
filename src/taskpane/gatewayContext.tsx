import { createContext, useContext } from "react";
import type { WorkbookGateway } from "../workbook/gateway";

/** The workbook the pane works on: Office.js in Excel, the in-memory workbook in the preview and tests. */
export const GatewayContext = createContext<WorkbookGateway | null>(null);

export function useGateway(): WorkbookGateway {
  const g = useContext(GatewayContext);
  if (!g) throw new Error("No workbook: the pane was rendered without a WorkbookGateway.");
  return g;
}
