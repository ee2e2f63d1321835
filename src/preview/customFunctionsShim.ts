// The preview runs without office.js, but the RR functions report errors as CustomFunctions.Error
// (as Excel expects). This gives them the same shape (code + message) when Office is absent.

/** CustomFunctions.ErrorCode as Excel defines it: the cell's error text for each code. */
export const EXCEL_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

const g = globalThis as unknown as { CustomFunctions?: unknown };
if (typeof g.CustomFunctions === "undefined") {
  class PreviewFunctionError extends Error {
    readonly code: string;
    constructor(code: string = "#VALUE!", message?: string) {
      super(message ?? "");
      this.code = code;
      this.name = "CustomFunctions.Error";
    }
  }
  g.CustomFunctions = {
    Error: PreviewFunctionError,
    ErrorCode: EXCEL_ERROR_CODES,
    associate: () => undefined,
  };
}
