// The preview runs without office.js, but the RR functions report errors as CustomFunctions.Error
// (as Excel expects). This gives them the same shape (code + message) when Office is absent.

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
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate: () => undefined,
  };
}
export {};
