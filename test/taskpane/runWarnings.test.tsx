/**
 * @jest-environment jsdom
 */
// Warnings before a run, in the pane (issue 9, item 3): listed, nothing written until "Run anyway".
import "./jsdomSetup";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { FakeGateway } from "./fakeGateway";

const info = { officeLoaded: false, host: null, platform: null, dark: false };

it("a price of 0 is listed before the run; Go back writes nothing, Run anyway writes the sheet", async () => {
  const gateway = new FakeGateway();
  const user = userEvent.setup({ delay: null });
  render(<App info={info} gateway={gateway} />);
  await user.click(screen.getByRole("button", { name: "Insert sample cap table" }));
  await screen.findByText(/Read 10 holders from CapTable!A1:G11/);
  await screen.findByRole("list", { name: "Holders" });
  const price = screen.getByRole("textbox", { name: "Offering price ($)" });
  await user.clear(price);
  await user.type(price, "0");
  await user.click(screen.getByRole("button", { name: "Run scenario" }));

  const list = await screen.findByRole("list", { name: "Warnings before the run" });
  expect(
    within(list)
      .getAllByRole("listitem")
      .map((li) => li.textContent),
  ).toEqual(["The offering price is $0: every holder's net proceeds, and so its indemnity cap, would be $0."]);
  expect(screen.getByText("Check this before running; nothing has been written.")).toBeInTheDocument();
  expect(gateway.writes).toHaveLength(0);

  await user.click(screen.getByRole("button", { name: "Go back" }));
  expect(screen.queryByRole("list", { name: "Warnings before the run" })).toBeNull();
  expect(gateway.writes).toHaveLength(0);

  await user.click(screen.getByRole("button", { name: "Run scenario" }));
  await user.click(await screen.findByRole("button", { name: "Run anyway" }));
  await screen.findByText(/^Wrote the scenario sheet "Demand 1" and saved the scenario\./);
  expect(gateway.writes).toHaveLength(1);
  expect(screen.queryByRole("list", { name: "Warnings before the run" })).toBeNull();
  await screen.findByRole("listitem", { name: "Demand 1" });
}, 60_000);
