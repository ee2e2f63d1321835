// Problems the gateway reports to the pane, in words a user can act on (never an error code).

export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}

export const messages = {
  busyEditing: "Excel is busy: a cell is being edited. Press Enter or Esc in the sheet, then try again.",
  noSelection: "Select a cell inside your cap table (an Excel table, or a block with a header row), then try again.",
  emptySelection: "The selected cells are empty. Select a cell inside your cap table, then try again.",
  noSheet: (sheet: string) => `There is no sheet named "${sheet}" in this workbook.`,
  noTable: (table: string) => `There is no table named "${table}" in this workbook.`,
  badAddress: (address: string) => `"${address}" is not a cell range.`,
  sheetNameTaken: (sheet: string) => `A sheet named "${sheet}" already exists.`,
  editOrProtected: (what: string) =>
    `Excel would not let RegRights ${what}. Either a cell is being edited (press Enter or Esc in the sheet) or the sheet or workbook is protected (unprotect it). Then try again.`,
  protectedSheet: "The sheet or workbook is protected, so RegRights cannot change it. Unprotect it and try again.",
  writeFailed: (sheet: string, reason: string) => `RegRights could not write "${sheet}": ${reason} The workbook was left as it was.`,
  generic: (what: string) => `Excel could not ${what}. Nothing was changed; try again in a moment.`,
  tooLarge: "The data is too large for one request to Excel. Try a smaller selection.",
  notSupported: "This version of Excel does not support what RegRights needs (Excel API 1.12). Update Office and try again.",
} as const;
