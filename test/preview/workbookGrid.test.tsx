/**
 * @jest-environment jsdom
 */
// The preview's grid: the formula bar follows the tab. Each sheet keeps its own selected cell, as in
// Excel, so after a tab switch (the user's, or the pane's activateSheet) the bar shows the new
// sheet's cell, never the previous sheet's.
import "../taskpane/jsdomSetup";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { WorkbookGrid } from "../../src/preview/WorkbookGrid";

function setup() {
  const wb = new MemoryWorkbook();
  wb.addSheet("Inputs");
  wb.setCells("Inputs", "A1", [
    ["Price", 20],
    ["Shares", 1000],
  ]);
  wb.addSheet("Results");
  wb.setCells("Results", "A1", [["Proceeds", "=Inputs!B1*Inputs!B2"]]);
  const user = userEvent.setup({ delay: null });
  render(<WorkbookGrid workbook={wb} />);
  return { wb, user };
}

const bar = () => screen.getByRole("status", { name: "Formula bar" });
const cell = (address: string) => document.querySelector(`td[data-address="${address}"]`) as HTMLElement;

describe("the preview's formula bar", () => {
  test("shows the clicked cell; after a tab switch, the new sheet's cell (A1 the first time), and each sheet's own on return", async () => {
    const { wb, user } = setup();
    expect(screen.getByRole("tab", { name: "Inputs", selected: true })).toBeInTheDocument();
    await user.click(cell("B2"));
    expect(bar()).toHaveTextContent(/^B21000$/);

    await user.click(screen.getByRole("tab", { name: "Results" }));
    expect(bar()).toHaveTextContent(/^A1Proceeds$/);
    expect(wb.selection).toEqual({ sheet: "Results", address: "A1" }); // what "Read selected cap table" would read
    await user.click(cell("B1"));
    expect(bar()).toHaveTextContent(/^B1=Inputs!B1\*Inputs!B2$/);

    await user.click(screen.getByRole("tab", { name: "Inputs" }));
    expect(bar()).toHaveTextContent(/^B21000$/);
    expect(wb.selection).toEqual({ sheet: "Inputs", address: "B2" });
    await user.click(screen.getByRole("tab", { name: "Results" }));
    expect(bar()).toHaveTextContent(/^B1=Inputs!B1\*Inputs!B2$/);
  });

  test("follows a sheet the pane activates, and shows the cell's value as it is now", async () => {
    const { wb, user } = setup();
    await user.click(cell("B1"));
    expect(bar()).toHaveTextContent(/^B120$/);
    act(() => {
      wb.activate("Results"); // the pane's activateSheet, as the preview page relays it
      window.dispatchEvent(new Event("regrights-preview-activate"));
    });
    expect(screen.getByRole("tab", { name: "Results", selected: true })).toBeInTheDocument();
    expect(bar()).toHaveTextContent("Select a cell to see its formula.");
    await user.click(screen.getByRole("tab", { name: "Inputs" }));
    expect(bar()).toHaveTextContent(/^B120$/);
    act(() => wb.setCell("Inputs", "B1", 25));
    expect(bar()).toHaveTextContent(/^B125$/);
  });

  test("a selection made by the pane on the shown sheet is the bar's cell", () => {
    const { wb } = setup();
    act(() => wb.select("Inputs", "A2:B2"));
    expect(bar()).toHaveTextContent(/^A2Shares$/);
  });
});
