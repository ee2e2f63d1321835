/**
 * @jest-environment jsdom
 */
// The Explain cell view in the pane, over the in-memory workbook (the preview's gateway): select a
// cell, see its formula, value, the error's full message, the clause, and the reasons by row. The
// texts expected are written from the contract (/work/shared/docs/formulas.md).
import "./jsdomSetup";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { MemoryGateway, MemoryWorkbook } from "../../src/workbook/memory";
import { WorkbookError } from "../../src/workbook/errors";
import { FakeGateway } from "./fakeGateway";

const info = { officeLoaded: false, host: null, platform: null, dark: false };

function workbook() {
  const wb = new MemoryWorkbook();
  wb.addSheet("Deal");
  wb.setCells("Deal", "A1", [
    ["Common", "Preferred", "Ratio", "Registrable", "Requested", "Tier", "Included"],
    [100, 0, null, "=RR.REGISTRABLE(A2:A3,B2:B3,C2:C3)", 100, 1, "=RR.CUTBACK(E2:E4,F2:F4,I1)"],
    [50, 10, null, null, 200, 3, null],
    [null, null, null, null, 300, 3, null],
  ]);
  wb.setCell("Deal", "I1", 400);
  wb.setCell("Deal", "J1", "=SUM(A2:A3)");
  return wb;
}

async function openExplain(gateway: MemoryGateway | FakeGateway) {
  const user = userEvent.setup({ delay: null });
  render(<App info={info} gateway={gateway} />);
  await user.click(screen.getByRole("tab", { name: "Explain cell" }));
  return user;
}

const facts = () => within(screen.getByLabelText("The selected cell"));

test("a cell of a spill whose row errs: formula, value, the message naming ratio and its row, and the clause", async () => {
  const wb = workbook();
  wb.select("Deal", "D3");
  await openExplain(new MemoryGateway(wb));
  await screen.findByText("=RR.REGISTRABLE(A2:A3,B2:B3,C2:C3)");
  const dl = facts();
  expect(dl.getByText("Deal!D3")).toBeTruthy();
  expect(dl.getByText("#VALUE!")).toBeTruthy();
  expect(dl.getByText(/\(in Deal!D2; this cell is part of its spill\)/)).toBeTruthy();
  expect(dl.getByText('RR.REGISTRABLE: Definition of "Registrable Securities"; cessation (i), (ii) and (iii)')).toBeTruthy();
  // Row 2 holds 10 convertible shares and a blank ratio (contract §1): the message names ratio, row 2, and C3.
  expect(screen.getByText("#VALUE! because of Deal!C3")).toBeTruthy();
  expect(screen.getByText(/^ratio \(row 2\)/)).toBeTruthy();
});

test("the view follows the selection: a CUTBACK spill cell lists every row, the selected holder's first and marked", async () => {
  const wb = workbook();
  wb.select("Deal", "A1");
  await openExplain(new MemoryGateway(wb));
  await screen.findByText("The cell holds no formula, and no formula spills into it. Select a cell with an RR formula.");
  act(() => wb.select("Deal", "G4"));
  const list = await screen.findByRole("list", { name: "Allocation by row" });
  const items = within(list).getAllByRole("listitem");
  // By hand: tier 1 asks 100, tier 3 asks 500 against 400 → 0, 160, 240 (contract §3).
  expect(items).toHaveLength(3);
  expect(items[0].getAttribute("aria-current")).toBe("true");
  expect(items[0].textContent).toMatch(/^Row 3 \(G4\)Tier 3: 240 of 300 requested included/);
  expect(items[1].textContent).toMatch(/^Row 1 \(G2\)Tier 1: 0 of 100 requested included, excluded/);
  expect(items[2].textContent).toMatch(/^Row 2 \(G3\)Tier 3: 160 of 200 requested included/);
  expect(
    screen.getByText(/Cutbacks on Holder Demands|Additional Procedures in Underwritten Offerings; Holder Lockups; Cutbacks/),
  ).toBeTruthy();
});

test("a formula that is not one RR call is said in words", async () => {
  const wb = workbook();
  wb.select("Deal", "J1");
  await openExplain(new MemoryGateway(wb));
  expect(await screen.findByText("RegRights explains RR formulas only: the formula is not a call of an RR function.")).toBeTruthy();
});

test("a read that fails shows its words; leaving the view stops following the selection", async () => {
  const gateway = new FakeGateway();
  const user = await openExplain(gateway);
  expect((await screen.findByRole("alert")).textContent).toMatch(/Select a cell first/);
  await waitFor(() => expect(gateway.selectionWatchers).toBe(1));
  const reads = jest.spyOn(gateway, "readFormulaCell").mockRejectedValueOnce(new WorkbookError("Excel is busy: finish editing the cell."));
  act(() => gateway.selectCell({ sheet: "S", address: "A1", value: 3, formula: null, blocks: [] }));
  expect(await screen.findByText("Excel is busy: finish editing the cell.")).toBeTruthy();
  reads.mockRestore();
  await user.click(screen.getByRole("button", { name: "Explain the selected cell" }));
  expect(
    await screen.findByText("The cell holds no formula, and no formula spills into it. Select a cell with an RR formula."),
  ).toBeTruthy();
  await user.click(screen.getByRole("tab", { name: "Scenario" }));
  await waitFor(() => expect(gateway.selectionWatchers).toBe(0));
  expect(screen.getByRole("button", { name: "Insert sample cap table" })).toBeTruthy();
});

test("the views are a tab list: one tab in the Tab order, arrow keys, Home and End select and focus", async () => {
  const user = userEvent.setup({ delay: null });
  render(<App info={info} gateway={new FakeGateway()} />);
  const scenario = screen.getByRole("tab", { name: "Scenario" });
  const explain = screen.getByRole("tab", { name: "Explain cell" });
  expect(screen.getByRole("tablist", { name: "RegRights views" })).toBeTruthy();
  expect([scenario.getAttribute("aria-selected"), scenario.tabIndex, explain.tabIndex]).toEqual(["true", 0, -1]);
  expect(screen.getByRole("tabpanel", { name: "Scenario" })).toBeTruthy();
  scenario.focus();
  await user.keyboard("{ArrowRight}");
  expect(explain).toHaveFocus();
  expect([explain.getAttribute("aria-selected"), scenario.getAttribute("aria-selected")]).toEqual(["true", "false"]);
  expect(await screen.findByRole("tabpanel", { name: "Explain cell" })).toBeTruthy();
  await user.keyboard("{Home}");
  expect(scenario).toHaveFocus();
  await user.keyboard("{End}");
  expect(explain).toHaveFocus();
  await user.keyboard("{ArrowRight}"); // wraps round
  expect(scenario).toHaveFocus();
  expect(screen.getByRole("button", { name: "Insert sample cap table" })).toBeTruthy();
  await waitFor(() => expect(screen.queryByRole("tabpanel", { name: "Explain cell" })).toBeNull());
});
