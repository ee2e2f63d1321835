/**
 * @jest-environment jsdom
 */
import "./jsdomSetup";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as fs from "fs";
import * as path from "path";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { importOcf, importReport, importReportText } from "../../src/ocf";
import { ImportReport } from "../../src/taskpane/ImportReport";

const dir = path.resolve(__dirname, "..", "fixtures", "ocf", "series-b");
const result = importOcf(Object.fromEntries(fs.readdirSync(dir).map((n) => [n, fs.readFileSync(path.join(dir, n), "utf8")])));

function show() {
  render(
    <FluentProvider theme={webLightTheme}>
      <ImportReport result={result} />
    </FluentProvider>,
  );
  return screen.getByRole("region", { name: "OCF import report" });
}

describe("the OCF import report", () => {
  it("shows the as-of date, shares per class, what was not counted by reason, and the warnings", () => {
    const region = show();
    expect(region).toHaveTextContent("Beacon Health Systems, Inc., as of 2021-12-31");
    // series-b by hand: common CS-4 9,600,000 + CS-2 1,250,000 + CS-3 500,000 = 11,350,000 (3 holders);
    // Series A PA-2 3,000,000 (1 holder); Series B PB-2 1,000,000 + PB-3 1,500,000 = 2,500,000 (2 holders).
    expect(
      within(screen.getByRole("list", { name: "Shares by class" }))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Common Stock (common, sc-common): 11,350,000 shares held by 3 holders",
      "Series A Preferred (preferred, sc-a): 3,000,000 shares held by 1 holder",
      "Series B Preferred (preferred, sc-b): 2,500,000 shares held by 2 holders",
    ]);
    const skipped = within(screen.getByRole("list", { name: "Not counted" })).getAllByRole("listitem");
    expect(skipped.map((li) => li.textContent)).toEqual([
      "1 object: dated after the as-of datestock cancellation (TX_STOCK_CANCELLATION, tx-16)",
    ]);
    expect(region).toHaveTextContent("Not counted (1 object)");
    expect(region).toHaveTextContent("Warnings: none");
    expect(region).toHaveTextContent("13 transactions applied; 6 securities outstanding.");
  });

  it("copies the same words to the clipboard", async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    const user = userEvent.setup(); // installs its own clipboard stub; ours replaces it
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    show();
    await user.click(screen.getByRole("button", { name: "Copy report" }));
    expect(writeText).toHaveBeenCalledWith(importReportText(importReport(result)));
    expect(await screen.findByRole("status")).toHaveTextContent("Copied the report.");
  });

  it("falls back to a textarea and execCommand when the host blocks the Clipboard API, and selects the text when that fails too", async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: jest.fn().mockRejectedValue(new DOMException("blocked by permissions policy", "NotAllowedError")) },
      configurable: true,
    });
    const copied: string[] = [];
    const exec = jest.fn(() => {
      copied.push((document.querySelector("textarea") as HTMLTextAreaElement).value);
      return true;
    });
    Object.defineProperty(document, "execCommand", { value: exec, configurable: true });
    show();
    await user.click(screen.getByRole("button", { name: "Copy report" }));
    expect(exec).toHaveBeenCalledWith("copy");
    expect(copied[0]).toBe(importReportText(importReport(result)));
    expect(document.querySelector("textarea")).toBeNull(); // removed again
    expect(await screen.findByRole("status")).toHaveTextContent("Copied the report.");

    exec.mockReturnValue(false);
    await user.click(screen.getByRole("button", { name: "Copy report" }));
    expect(await screen.findByText(/the report is selected, press Ctrl\+C/)).toBeInTheDocument();
    expect(window.getSelection()?.toString()).toContain("Shares outstanding by class");
  });
});

describe("the report's text", () => {
  it("reads as a memo: plurals, human names, reasons with counts", () => {
    expect(importReportText(importReport(result))).toBe(
      [
        "OCF import report: Beacon Health Systems, Inc.",
        "As of 2021-12-31",
        "",
        "OCF version 1.2.0; 8 files read.",
        "4 stakeholders listed; 3 holders of stock on 2021-12-31.",
        "13 transactions applied; 6 securities outstanding.",
        "",
        "Shares outstanding by class:",
        "- Common Stock (common, sc-common): 11,350,000 shares held by 3 holders",
        "- Series A Preferred (preferred, sc-a): 3,000,000 shares held by 1 holder",
        "- Series B Preferred (preferred, sc-b): 2,500,000 shares held by 2 holders",
        "",
        "Not counted (1 object):",
        "- 1 object: dated after the as-of date",
        "    stock cancellation (TX_STOCK_CANCELLATION, tx-16)",
        "",
        "Warnings: none.",
      ].join("\n"),
    );
  });
});
