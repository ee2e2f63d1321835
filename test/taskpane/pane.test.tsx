/**
 * @jest-environment jsdom
 */
import "./jsdomSetup";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { assessCessation, cutback, formatCount, holdingPeriodEnd, isoDate, serialFromDate, volumeLimit } from "../../src/engine";
import { parseCapTable, recogniseColumns, sampleCapTable, SCENARIO_SCHEMA } from "../../src/scenario";
import { App } from "../../src/taskpane/App";
import { WorkbookError, messages } from "../../src/workbook/errors";
import { FakeGateway } from "./fakeGateway";
import * as fs from "fs";
import * as path from "path";
import { importOcf, toCapTableRows } from "../../src/ocf";

const info = { officeLoaded: false, host: null, platform: null, dark: false };

function setup() {
  const gateway = new FakeGateway();
  // No artificial delay between keystrokes: the flows stay fast on a loaded machine.
  const user = userEvent.setup({ delay: null });
  render(<App info={info} gateway={gateway} />);
  return { gateway, user };
}

async function insertSample(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "Insert sample cap table" }));
  await screen.findByText(/Read 10 holders from CapTable!A1:G11/);
  // The holder list loads on demand (a chunk of its own) with the first cap table.
  await screen.findByRole("list", { name: "Holders" });
}

function gridRows(name: string): string[][] {
  const grid = screen.getByRole("grid", { name });
  return within(grid)
    .getAllByRole("row")
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole("gridcell")
        .map((c) => c.textContent ?? ""),
    );
}

/** The engine's allocation for the sample at a capacity, all requesting everything. */
function engineAllocation(capacity: number): number[] {
  const rows = sampleCapTable().rows;
  const parsed = parseCapTable(rows.slice(1), recogniseColumns(rows[0] as string[]));
  const tier = { holder: 3, initiating: 3, other: 2, "no-rights": 1, company: 1 } as const;
  return cutback(
    parsed.holders.map((h) => h.asConverted!),
    parsed.holders.map((h) => tier[h.role!]),
    capacity,
  ).included;
}

describe("task pane", () => {
  it("inserts the sample and shows what it read, with totals", async () => {
    const { gateway, user } = setup();
    await insertSample(user);
    expect(gateway.tables).toHaveLength(1);
    expect(screen.getByText(/2,320,000 common shares/)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Requested shares of Margaret Chen" })).toHaveAttribute("placeholder", "50,000");
    expect(screen.getByRole("combobox", { name: "Role of Robert Kline" })).toHaveValue("no-rights");
  });

  it("shows a bad capacity on its field and writes nothing", async () => {
    const { gateway, user } = setup();
    await insertSample(user);
    const capacity = screen.getByRole("textbox", { name: "Underwriter capacity (shares)" });
    await user.clear(capacity);
    await user.type(capacity, "three million");
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    expect(await screen.findByText("Enter the underwriter capacity as a whole number of shares, e.g. 3,000,000.")).toBeInTheDocument();
    expect(capacity).toHaveAttribute("aria-invalid", "true");
    expect(gateway.writes).toHaveLength(0);
    expect((await gateway.scenarios.list()).scenarios).toHaveLength(0);
  });

  it("reports a cap table problem before running and writes nothing", async () => {
    const { gateway, user } = setup();
    const rows = sampleCapTable().rows;
    rows[3][2] = -10;
    gateway.sheets.set("Mine", { cells: rows, ours: false });
    gateway.selection = { sheet: "Mine", address: "A1:G11" };
    await user.click(screen.getByRole("button", { name: "Read selected cap table" }));
    const problems = await screen.findByRole("list", { name: "Cap table problems" });
    expect(problems).toHaveTextContent("Row 3: common shares is negative (-10).");
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    expect(await screen.findByText(/Fix the 1 problem\(s\) in the cap table first/)).toBeInTheDocument();
    expect(gateway.writes).toHaveLength(0);
  });

  it("runs a demand scenario: writes the sheet, shows the engine's allocation with explanations, saves it", async () => {
    const { gateway, user } = setup();
    await insertSample(user);
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    await screen.findByRole("grid", { name: "Allocation by holder" });
    expect(gateway.writes).toHaveLength(1);
    expect(gateway.writes[0].sheet).toBe("Demand 1");
    const shown = gridRows("Allocation by holder").map((r) => r[2]);
    expect(shown).toEqual(engineAllocation(3_000_000).map((n) => formatCount(n)));
    expect(gridRows("Allocation by holder")[0][0]).toMatch(
      /^Alpha Venture Partners IV, L\.P\.Tier 3 — Holders, cut 14\.7% pro rata by request/,
    );
    const saved = await within(screen.getByRole("list", { name: "Saved scenarios" })).findByRole("listitem", { name: "Demand 1" });
    expect(saved).toBeInTheDocument();
    const record = await gateway.scenarios.load((await gateway.scenarios.list()).scenarios[0].id);
    expect(record.payload).toMatchObject({ schema: SCENARIO_SCHEMA, capacity: 3_000_000, offering: "demand" });
  });

  it("asks before replacing a sheet with cells it did not write", async () => {
    const { gateway, user } = setup();
    await insertSample(user);
    gateway.sheets.set("Demand 1", { cells: [["someone's notes"]], ours: false });
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    expect(await screen.findByText('Replace the sheet "Demand 1"?')).toBeInTheDocument();
    expect(gateway.writes).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Keep it" }));
    expect(gateway.writes).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    await user.click(await screen.findByRole("button", { name: "Replace the sheet" }));
    await screen.findByRole("grid", { name: "Allocation by holder" });
    expect(gateway.writes).toHaveLength(1);
  });

  it("says in words when Excel fails, and saves nothing", async () => {
    const { gateway, user } = setup();
    await insertSample(user);
    gateway.failNextWrite = new Error("The workbook is protected");
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Could not write the scenario sheet: The workbook is protected. Nothing in the workbook was changed by this step.",
    );
    expect((await gateway.scenarios.list()).scenarios).toHaveLength(0);
  });

  it("shows the gateway's own words as they are", async () => {
    const { gateway, user } = setup();
    await insertSample(user);
    gateway.failNextWrite = new WorkbookError(messages.protectedSheet);
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      /^The sheet or workbook is protected, so RegRights cannot change it\. Unprotect it and try again\.$/,
    );
  });

  it("duplicates, renames, compares two scenarios with differences, and deletes", async () => {
    const { gateway, user } = setup();
    await insertSample(user);
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    await screen.findByRole("listitem", { name: "Demand 1" });

    await user.click(screen.getByRole("button", { name: "Duplicate Demand 1" }));
    await screen.findByRole("listitem", { name: "Demand 1 (copy)" });
    await user.click(screen.getByRole("button", { name: "Rename Demand 1 (copy)" }));
    const newName = screen.getByRole("textbox", { name: "New name for Demand 1 (copy)" });
    await user.clear(newName);
    await user.type(newName, "Big book");
    await user.click(screen.getByRole("button", { name: "Save name" }));
    await screen.findByRole("listitem", { name: "Big book" });
    // A copy has no sheet until it is run: only the record is renamed, and the message says so.
    expect(
      await screen.findByText(
        'Renamed the scenario "Demand 1 (copy)" to "Big book". No sheet in this workbook is named "Demand 1 (copy)", so no sheet was renamed; run the scenario to write its sheet.',
      ),
    ).toBeInTheDocument();

    // Open Big book, raise its capacity, run it again (updates its own sheet).
    await user.click(screen.getByRole("button", { name: "Open Big book" }));
    await screen.findByText('Opened the scenario "Big book".');
    const capacity = screen.getByRole("textbox", { name: "Underwriter capacity (shares)" });
    await user.clear(capacity);
    await user.type(capacity, "4000000");
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    await screen.findByText('Wrote the scenario sheet "Big book" and saved the scenario.');
    expect((await gateway.scenarios.list()).scenarios).toHaveLength(2);

    const ids = Object.fromEntries((await gateway.scenarios.list()).scenarios.map((s) => [s.name, s.id]));
    await user.selectOptions(screen.getByRole("combobox", { name: "Compare scenario A" }), ids["Demand 1"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "with scenario B" }), ids["Big book"]);
    await user.click(screen.getByRole("button", { name: "Compare" }));
    await screen.findByRole("grid", { name: "Scenario comparison" });
    const rows = gridRows("Scenario comparison");
    const a = engineAllocation(3_000_000);
    const b = engineAllocation(4_000_000);
    expect(rows.map((r) => r[1])).toEqual(a.map(formatCount));
    expect(rows.map((r) => r[2])).toEqual(b.map(formatCount));
    expect(rows[0][3]).toBe(`+${formatCount(b[0] - a[0])}`);
    expect(rows[9][3]).toBe("—");

    // Delete asks first; "Keep" keeps it.
    await user.click(screen.getByRole("button", { name: "Delete Big book" }));
    const ask = screen.getByRole("group", { name: "Delete Big book?" });
    expect(ask).toHaveTextContent('Delete the saved scenario "Big book"?');
    expect(within(ask).getByRole("button", { name: "Keep" })).toHaveFocus();
    await user.click(within(ask).getByRole("button", { name: "Keep" }));
    expect(screen.queryByRole("group", { name: "Delete Big book?" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Delete Big book" })).toHaveFocus(); // back where the user was
    await user.click(screen.getByRole("button", { name: "Delete Big book" }));
    await user.keyboard("{Escape}"); // Escape keeps it too
    expect(screen.queryByRole("group", { name: "Delete Big book?" })).not.toBeInTheDocument();
    expect((await gateway.scenarios.list()).scenarios).toHaveLength(2);
    expect(screen.getByRole("grid", { name: "Scenario comparison" })).toBeInTheDocument();

    // "Delete" deletes it, and the comparison that used it goes with it.
    await user.click(screen.getByRole("button", { name: "Delete Big book" }));
    await user.click(within(screen.getByRole("group", { name: "Delete Big book?" })).getByRole("button", { name: "Delete" }));
    expect(
      await screen.findByText('Deleted the scenario "Big book". Its sheet, if it has one, stays in the workbook.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole("listitem", { name: "Big book" })).not.toBeInTheDocument();
    expect(screen.queryByRole("grid", { name: "Scenario comparison" })).not.toBeInTheDocument();
    expect(screen.queryByText(/A = Demand 1, B = /)).not.toBeInTheDocument();
    expect((await gateway.scenarios.list()).scenarios.map((s) => s.name)).toEqual(["Demand 1"]);
    expect(gateway.sheets.has("Big book")).toBe(true);
  });

  it("drops the comparison when another author deletes one of its scenarios", async () => {
    const { gateway, user } = setup();
    await insertSample(user);
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    await screen.findByRole("listitem", { name: "Demand 1" });
    await user.click(screen.getByRole("button", { name: "Duplicate Demand 1" }));
    await screen.findByRole("listitem", { name: "Demand 1 (copy)" });
    const ids = Object.fromEntries((await gateway.scenarios.list()).scenarios.map((s) => [s.name, s.id]));
    await user.selectOptions(screen.getByRole("combobox", { name: "Compare scenario A" }), ids["Demand 1"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "with scenario B" }), ids["Demand 1 (copy)"]);
    await user.click(screen.getByRole("button", { name: "Compare" }));
    await screen.findByRole("grid", { name: "Scenario comparison" });
    await act(() => gateway.scenarios.remove(ids["Demand 1 (copy)"]));
    await waitFor(() => expect(screen.queryByRole("grid", { name: "Scenario comparison" })).not.toBeInTheDocument());
    expect(screen.queryByRole("combobox", { name: "Compare scenario A" })).not.toBeInTheDocument(); // one scenario left
  });

  it("renames the scenario's sheet with it; a name another sheet has is refused under the field and nothing changes", async () => {
    const { gateway, user } = setup();
    await insertSample(user);
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    await screen.findByRole("listitem", { name: "Demand 1" });
    const sheets = [...gateway.sheets.keys()];
    expect(sheets).toContain("Demand 1");

    await user.click(screen.getByRole("button", { name: "Rename Demand 1" }));
    const field = screen.getByRole("textbox", { name: "New name for Demand 1" });
    await user.clear(field);
    await user.type(field, sheets[0].toUpperCase()); // the cap table's sheet, in other case
    await user.click(screen.getByRole("button", { name: "Save name" }));
    expect(
      await screen.findByText(new RegExp(`A sheet named "${sheets[0].toUpperCase()}" already exists\\. Choose another name`)),
    ).toBeInTheDocument();
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect([...gateway.sheets.keys()]).toEqual(sheets);
    expect((await gateway.scenarios.list()).scenarios.map((s) => s.name)).toEqual(["Demand 1"]);

    await user.clear(field);
    await user.type(field, "Base case");
    await user.click(screen.getByRole("button", { name: "Save name" }));
    expect(await screen.findByText('Renamed the scenario "Demand 1" to "Base case", and its sheet with it.')).toBeInTheDocument();
    expect(gateway.sheets.has("Demand 1")).toBe(false);
    expect(gateway.sheets.get("Base case")?.ours).toBe(true);
    expect((await gateway.scenarios.load((await gateway.scenarios.list()).scenarios[0].id)).payload).toMatchObject({ sheet: "Base case" });
    // The open scenario follows: running it again writes the renamed sheet, and saves no second record.
    expect(screen.getByRole("textbox", { name: "Scenario name (the sheet it writes)" })).toHaveValue("Base case");
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    await screen.findByText('Wrote the scenario sheet "Base case" and saved the scenario.');
    expect((await gateway.scenarios.list()).scenarios.map((s) => s.name)).toEqual(["Base case"]);
    expect(gateway.sheets.has("Demand 1")).toBe(false);
  });

  it("a failed rename changes neither the record nor the sheet, and says so under the field", async () => {
    const { gateway, user } = setup();
    await insertSample(user);
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    await screen.findByRole("listitem", { name: "Demand 1" });
    gateway.failNextRename = new WorkbookError("Excel could not rename the scenario. Nothing was changed; try again in a moment.");
    await user.click(screen.getByRole("button", { name: "Rename Demand 1" }));
    const field = screen.getByRole("textbox", { name: "New name for Demand 1" });
    await user.clear(field);
    await user.type(field, "Base case{Enter}");
    expect(
      await screen.findByText(
        "Could not rename the scenario: Excel could not rename the scenario. Nothing was changed; try again in a moment.",
      ),
    ).toBeInTheDocument();
    expect(gateway.sheets.has("Demand 1")).toBe(true);
    expect((await gateway.scenarios.list()).scenarios.map((s) => s.name)).toEqual(["Demand 1"]);
  });

  it("one message at a time: a failure replaces the last success, and the old figures go", async () => {
    const { gateway, user } = setup();
    await insertSample(user);
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    await screen.findByText('Wrote the scenario sheet "Demand 1" and saved the scenario.');
    expect(screen.getByRole("region", { name: "Results of Demand 1" })).toBeInTheDocument();

    // A run that fails: its red banner alone, and no figures from the run before.
    const capacity = screen.getByRole("textbox", { name: "Underwriter capacity (shares)" });
    await user.clear(capacity);
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    expect(await screen.findByText("Some fields need attention; nothing was written.")).toBeInTheDocument();
    expect(screen.queryByText(/Wrote the scenario sheet/)).not.toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Results of Demand 1" })).not.toBeInTheDocument();

    // An action in the scenario list replaces the pane's message, and the next step replaces the list's.
    await user.click(screen.getByRole("button", { name: "Duplicate Demand 1" }));
    expect(await screen.findByText('Saved a copy of "Demand 1" as "Demand 1 (copy)".')).toBeInTheDocument();
    expect(screen.queryByText("Some fields need attention; nothing was written.")).not.toBeInTheDocument();
    await user.type(capacity, "3000000");
    gateway.failNextWrite = new Error("The workbook is protected");
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/^Could not write the scenario sheet: The workbook is protected\./);
    expect(screen.queryByText(/Saved a copy of/)).not.toBeInTheDocument();
    expect(screen.getAllByRole("alert")).toHaveLength(1);
  });

  it("refreshes when another author saves, and reports a corrupt record by name", async () => {
    const { gateway, user } = setup();
    gateway.corrupt = [{ name: "Old one", problem: "payload is not JSON" }];
    await screen.findByText(/No scenarios yet/);
    act(() => gateway.saveAsCoauthor({ id: "x1", name: "Bad payload", updatedAt: "2026-01-01T00:00:00Z", payload: { schema: 9 } }));
    expect(await screen.findByText('Scenario "Old one" could not be read: payload is not JSON.')).toBeInTheDocument();
    // A payload is read when it is used (the list reads the store's index only).
    await user.click(await screen.findByRole("button", { name: "Open Bad payload" }));
    expect(await screen.findByText('Scenario "Bad payload" could not be read: schema version 9 is not 1.')).toBeInTheDocument();
  });

  it("Rule 144: an invalid date is shown on its field; a valid form adds per-holder results from the engine", async () => {
    const { gateway, user } = setup();
    await insertSample(user);
    await user.click(screen.getByRole("checkbox", { name: "Add the Rule 144 tests to the scenario sheet" }));
    // The Rule 144 fields load on demand (a chunk of their own) once the tests are turned on.
    await user.type(await screen.findByLabelText("Shares outstanding"), "20,000,000");
    for (const [i, v] of ["150000", "172000", "196000", "181000"].entries())
      await user.type(screen.getByLabelText(`Week ${i + 1} volume`), v);
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    expect(await screen.findByText("Pick the as-of date (the date of sale) in the date box.")).toBeInTheDocument();
    expect(gateway.writes).toHaveLength(0);

    fireEvent.change(screen.getByLabelText("As of (date of sale)"), { target: { value: "2008-07-01" } });
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    await screen.findByRole("grid", { name: "Rule 144 by holder" });
    const rows = gridRows("Rule 144 by holder");
    const limit = volumeLimit(20_000_000, [150_000, 172_000, 196_000, 181_000], "exchange");
    // Beacon: an affiliate holding 1,250,000 registrable shares, far above the volume limit.
    const beacon = assessCessation({
      registrable: 1_250_000,
      affiliate: true,
      acquired: serialFromDate(2000, 3, 31),
      asOf: serialFromDate(2008, 7, 1),
      volumeLimit: limit,
      reporting: true,
    });
    const holdEnd = isoDate(holdingPeriodEnd(serialFromDate(2000, 3, 31), true)); // 1997 regime: one year
    expect(holdEnd).toBe("2001-04-01");
    expect(rows[2]).toEqual(["Beacon Growth Equity Fund II, L.P.", holdEnd, "No", beacon.explanation]);
    expect(rows[0][2]).toBe("Yes");
    expect(rows[9]).toEqual(["CTC Communications Group, Inc. (primary)", "—", "—", "No acquired date."]);
    const write = gateway.writes[0];
    expect(write.cells[11][1]).toBe("=RR.RULE144.VOLUME(B9,D8:D11,B10)");
    expect(write.cells[7][1]).toBe(serialFromDate(2008, 7, 1));
  });

  it("lets the user map a column by hand", async () => {
    const { user } = setup();
    await insertSample(user);
    await user.click(screen.getByText(/Columns \(7 of 7 recognised\)/));
    await user.selectOptions(screen.getByRole("combobox", { name: "Column for Convertible / preferred shares" }), "(none)");
    expect(await screen.findByText(/Columns \(6 of 7 recognised\)/)).toBeInTheDocument();
    expect(screen.getByLabelText("Cap table summary")).toHaveTextContent("2,320,000 common shares, 2,320,000 shares as converted.");
  });

  it("works from the keyboard: Enter on a focused button presses it", async () => {
    const { gateway, user } = setup();
    act(() => screen.getByRole("button", { name: "Insert sample cap table" }).focus());
    await user.keyboard("{Enter}");
    await screen.findByText(/Read 10 holders/);
    expect(gateway.tables).toHaveLength(1);
  });

  it("renders in the dark theme when Office is dark", async () => {
    render(<App info={{ ...info, dark: true }} gateway={new FakeGateway()} />);
    expect(screen.getByRole("heading", { name: "RegRights", level: 1 })).toBeInTheDocument();
    // The saved-scenarios list loads after the first render; wait for it rather than end the test
    // with its update still pending (React's act() warning).
    await screen.findByText("No scenarios yet: run one above and it is saved here.");
  });

  it("lists 300 holders as a virtual list: only the rows in view are in the page; Find a holder reaches any one", async () => {
    const { gateway, user } = setup();
    const [header, first] = sampleCapTable().rows;
    const rows = [header, ...Array.from({ length: 300 }, (_, i) => [`Holder ${String(i + 1).padStart(3, "0")}`, ...first.slice(1)])];
    gateway.sheets.set("Big", { cells: rows, ours: false });
    gateway.selection = { sheet: "Big", address: "A1:G301" };
    await user.click(screen.getByRole("button", { name: "Read selected cap table" }));
    await screen.findByText(/Read 300 holders from Big!A1:G301/);
    const list = await screen.findByRole("list", { name: "Holders" });
    const items = within(list).getAllByRole("listitem");
    // jsdom has no layout: the list renders what fits its fixed height, and a few rows more.
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(20);
    expect(items[0]).toHaveAttribute("aria-setsize", "300");
    expect(screen.getByRole("textbox", { name: "Requested shares of Holder 001" })).toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: "Requested shares of Holder 250" })).toBeNull();

    await user.type(screen.getByRole("searchbox", { name: "Find a holder" }), "Holder 250");
    expect(screen.getByRole("status")).toHaveTextContent("1 of 300 holders match.");
    const found = screen.getByRole("textbox", { name: "Requested shares of Holder 250" });
    await user.type(found, "1000");
    expect(screen.getByRole("combobox", { name: "Role of Holder 250" })).toHaveValue("holder");
    await user.clear(screen.getByRole("searchbox", { name: "Find a holder" }));
    await user.type(screen.getByRole("searchbox", { name: "Find a holder" }), "nobody");
    expect(screen.getByRole("status")).toHaveTextContent('No holder\'s name contains "nobody".');
    expect(within(screen.getByRole("list", { name: "Holders" })).queryAllByRole("listitem")).toHaveLength(0);
    // What was typed into a row out of view is kept: the request goes into the run.
    await user.clear(screen.getByRole("searchbox", { name: "Find a holder" }));
    await user.type(screen.getByRole("searchbox", { name: "Find a holder" }), "250");
    expect(screen.getByRole("textbox", { name: "Requested shares of Holder 250" })).toHaveValue("1000");
  });

  it("renders holder names with markup as text, never as HTML", async () => {
    const { gateway, user } = setup();
    const rows = sampleCapTable().rows;
    const evil = '<img src=x onerror="window.__pwned=1">Evil & Co <b>bold</b>';
    rows[1][0] = evil;
    gateway.sheets.set("Mine", { cells: rows, ours: false });
    gateway.selection = { sheet: "Mine", address: "A1:G11" };
    await user.click(screen.getByRole("button", { name: "Read selected cap table" }));
    await screen.findByText(/Read 10 holders from Mine!A1:G11/);
    await user.type(screen.getByRole("textbox", { name: "Underwriter capacity (shares)" }), "3000000");
    await user.type(screen.getByRole("textbox", { name: "Offering price ($)" }), "20");
    await user.click(screen.getByRole("button", { name: "Run scenario" }));
    await screen.findByRole("grid", { name: "Allocation by holder" });
    expect(gridRows("Allocation by holder")[0][0].startsWith(evil)).toBe(true);
    expect(document.querySelector("img[src='x']")).toBeNull();
    expect(document.querySelector("b")).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  describe("Import OCF package", () => {
    const dir = path.resolve(__dirname, "..", "fixtures", "ocf", "series-b");
    const files = () =>
      fs.readdirSync(dir).map((name) => new File([fs.readFileSync(path.join(dir, name), "utf8")], name, { type: "application/json" }));

    it("writes the imported cap table as a new table and reads it, with what was skipped", async () => {
      const { gateway, user } = setup();
      await user.upload(screen.getByLabelText("OCF package files (.ocf.zip, or the .ocf.json files)"), files());
      const expected = toCapTableRows(
        importOcf(Object.fromEntries(fs.readdirSync(dir).map((n) => [n, fs.readFileSync(path.join(dir, n), "utf8")]))),
      );
      await screen.findByText(new RegExp(`Read ${expected.length - 1} holders from OCF cap table!A1:G${expected.length}`));
      expect(gateway.tables.map((t) => t.sheet)).toEqual(["OCF cap table"]);
      expect(gateway.sheets.get("OCF cap table")?.cells).toEqual(expected);
      expect(screen.getByText(/^Imported \d+ holders of Beacon Health Systems, Inc\. as of 2021-12-31/)).toBeInTheDocument();
      // The import report (src/taskpane/ImportReport.tsx) follows the import.
      // The report is a chunk loaded on demand (src/taskpane/lazy.tsx): it appears once loaded.
      const report = await screen.findByRole("region", { name: "OCF import report" });
      expect(report).toHaveTextContent("as of 2021-12-31");
      expect(report).toHaveTextContent("stock cancellation (TX_STOCK_CANCELLATION, tx-16)");
      expect(screen.getByRole("button", { name: "Copy report" })).toBeInTheDocument();
    });

    it("rejects a package without its manifest, naming the problem, and writes nothing", async () => {
      const { gateway, user } = setup();
      const upload = files().filter((f) => !/Manifest/.test(f.name));
      await user.upload(screen.getByLabelText("OCF package files (.ocf.zip, or the .ocf.json files)"), upload);
      const alert = await screen.findByRole("alert");
      expect(alert).toHaveTextContent(/manifest/i);
      expect(alert).toHaveTextContent(/Nothing in the workbook was changed/);
      expect(gateway.tables).toHaveLength(0);
    });
  });
});
