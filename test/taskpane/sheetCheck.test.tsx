/**
 * @jest-environment jsdom
 */
// The pane reads the scenario sheet back after a run (issue 9, item 1), here with the product's
// in-memory workbook, which evaluates the live RR formulas. When the sheet agrees the notice says
// so; when Excel computes something else (here: a gateway whose reads change one cell, as a cap
// table edited by a co-author between write and read would), the pane names the cell first.
import "./jsdomSetup";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { MemoryGateway, MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/gateway";

const info = { officeLoaded: false, host: null, platform: null, dark: false };

class EditedBehindTheBack extends MemoryGateway {
  override async readValues(sheet: string, address: string): Promise<CellValue[][]> {
    const values = await super.readValues(sheet, address);
    if (values.length > 15) values[15][5] = 999; // F16: the second holder's Included
    return values;
  }
}

async function runSample(gateway: MemoryGateway) {
  const user = userEvent.setup({ delay: null });
  render(<App info={info} gateway={gateway} />);
  await user.click(screen.getByRole("button", { name: "Insert sample cap table" }));
  await screen.findByText(/Read 10 holders from CapTable!A1:G11/);
  await screen.findByRole("list", { name: "Holders" });
  await user.click(screen.getByRole("button", { name: "Run scenario" }));
  await screen.findByRole("grid", { name: "Allocation by holder" });
}

describe("the pane checks the sheet it wrote", () => {
  it("says the checked cells agree when they do, and shows no warning", async () => {
    await runSample(new MemoryGateway(new MemoryWorkbook()));
    // 10 holders × 6 figures + 5 totals (no Rule 144 in this run).
    expect(
      await screen.findByText(
        'Wrote the scenario sheet "Demand 1" and saved the scenario. Its 65 checked cells agree with the figures below.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole("alert", { name: /^The sheet / })).toBeNull();
  }, 60_000);

  it("names the cell that differs, above the figures", async () => {
    await runSample(new EditedBehindTheBack(new MemoryWorkbook()));
    const bar = await screen.findByRole("alert", { name: /^The sheet "Demand 1" does not agree/ });
    expect(bar.textContent).toMatch(/The sheet "Demand 1" does not agree with these figures in 1 cell\./);
    expect(bar.textContent).toMatch(
      /F16 \(Alpha Venture Entrepreneurs Fund, L\.P\., Included\): the sheet shows 999, RegRights computes [\d,]+\./,
    );
    // The warning comes before the results in the page.
    const results = screen.getByRole("grid", { name: "Allocation by holder" });
    expect(bar.compareDocumentPosition(results) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  }, 60_000);
});
