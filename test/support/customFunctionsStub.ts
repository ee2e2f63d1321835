// A stand-in for Excel's CustomFunctions global, shaped like the real one (office-js typings):
// ErrorCode values are the Excel error strings, Error carries code and message, associate records.

import { EXCEL_ERROR_CODES } from "../../src/preview/customFunctionsShim";

export const registered = new Map<string, (...args: unknown[]) => unknown>();

class CustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string = "#VALUE!", message?: string) {
    super(message ?? "");
    this.code = code;
    this.name = "CustomFunctions.Error";
  }
}

export const customFunctionsStub = {
  Error: CustomFunctionsError,
  ErrorCode: EXCEL_ERROR_CODES,
  associate(idOrMap: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) {
    if (typeof idOrMap === "string") registered.set(idOrMap, fn!);
    else for (const [id, f] of Object.entries(idOrMap)) registered.set(id, f);
  },
};

(globalThis as unknown as { CustomFunctions: typeof customFunctionsStub }).CustomFunctions = customFunctionsStub;
