// What a cell of the in-memory workbook holds once calculated: a number, text, a boolean, blank
// (null) or an Excel error value; a formula's result may also be a 2-D array (a spill).

/** An Excel error value in a cell: the code as Excel shows it, and the function's message if any. */
export class ErrorValue {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
  toString(): string {
    return this.code;
  }
}

export type Scalar = string | number | boolean | null | ErrorValue;
export type Result = Scalar | Scalar[][];
