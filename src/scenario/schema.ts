// One schema for the scenario payload (./payload): each field's rule written once, with the words
// each reader gets when a value breaks it. The pane's form (src/taskpane/form.ts) reads what was
// typed and applies these rules before anything is written; the scenario store (validatePayload in
// ./payload) applies the same rules to a payload read back from the workbook. Pure: no React, no
// Office.
//
// What is not here is not a rule of the payload but of its context, and stays with the form: a
// cap table must have been read, a request cannot exceed the holder's registrable shares, the
// scenario's name cannot be the cap table's sheet.

import { indemnityCap, MAX_SERIAL, serialFromDate } from "../engine";
import { sheetNameFault } from "./sheetName";

/** How a value breaks its field's rule. "unreadable": not a value of the field's kind at all (text typed, or a stored value of another type). */
export type Fault = "unreadable" | "negative" | "fractional" | "too large" | "1 or more" | "not a date";

/** A field of the payload: how its text reads, its rule, and the words for a broken rule. */
export interface Field<T> {
  /** The field's value from what was typed; null when the text is not such a value at all. */
  read(text: string): T | null;
  /** The value a blank field stands for; without one a blank field is unreadable. */
  blank?: T;
  /** The rule; null when the value keeps it. Also applied to a stored value, of any type. */
  check(value: unknown): Fault | null;
  /** What the form shows on the field (typed: the text as typed). */
  form(fault: Fault, typed: string): string;
  /** What the store says, after the field's path: "capacity: expected whole shares". */
  stored: string;
}

// ---- Reading what was typed ------------------------------------------------------------------

/** "1,234,567", "$20" or "1234567" → number; null when it is not a plain number. */
export function readNumber(text: string): number | null {
  const t = text.trim().replace(/,/g, "").replace(/^\$/, "");
  if (t === "" || !/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/**
 * A percentage as Excel reads one, the convention RR.INDEMNITY.CAP follows: "6%" and "0.06" are
 * both 6%. "6" is 600%, never silently 6%. Returns the fraction, or null when it is not a number.
 */
export function readPercent(text: string): number | null {
  const m = /^(.*?)\s*%$/.exec(text.trim());
  if (!m) return readNumber(text);
  const v = readNumber(m[1]);
  return v === null ? null : Number((v / 100).toPrecision(12));
}

/** "2008-07-01" (what a date box gives) → Excel serial, or null. */
export function readDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900) return null;
  try {
    return serialFromDate(y, mo, d);
  } catch {
    return null;
  }
}

const readText = (text: string): string | null => text.trim();

// ---- The rules -------------------------------------------------------------------------------

/** A rule on numbers; anything but a finite number breaks it. */
const number =
  (rule: (v: number) => Fault | null) =>
  (v: unknown): Fault | null =>
    typeof v === "number" && Number.isFinite(v) ? rule(v) : "unreadable";
const wholeShares = number((v) =>
  v < 0 ? "negative" : !Number.isInteger(v) ? "fractional" : !Number.isSafeInteger(v) ? "too large" : null,
);
const zeroOrMore = number((v) => (v < 0 ? "negative" : null));
/** A fraction: 0.06 for 6%; 100% or more is not a spread. */
const belowOne = number((v) => (v < 0 ? "negative" : v >= 1 ? "1 or more" : null));
/** An Excel date serial: a whole day from 1 (1900-01-01) to 9999-12-31. */
const dateSerial = number((v) => (Number.isInteger(v) && v >= 1 && v <= MAX_SERIAL ? null : "not a date"));
/** A sheet-qualified A1 range, e.g. Volumes!A2:A60 or 'Daily data'!$B$2:$B$60. */
const A1_RANGE = /^('[^']+'|[A-Za-z_][A-Za-z0-9_.]*)!\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}\$?\d+$/;
const range = (v: unknown): Fault | null => (typeof v === "string" && A1_RANGE.test(v) ? null : "unreadable");

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const SHARES_FAULTS: Partial<Record<Fault, string>> = {
  negative: "cannot be negative",
  fractional: "must be whole shares",
  "too large": "is too large",
};

/** Whole shares: what names the number in the form's messages ("the underwriter capacity"). */
function shares(what: string): Field<number> {
  return {
    read: readNumber,
    check: wholeShares,
    form: (fault) => {
      const broken = SHARES_FAULTS[fault];
      return broken ? `${capital(what)} ${broken}.` : `Enter ${what} as a whole number of shares, e.g. 3,000,000.`;
    },
    stored: "expected whole shares",
  };
}

function date(message: string): Field<number> {
  return { read: readDate, check: dateSerial, form: () => message, stored: "expected a date serial" };
}

function rangeOf(message: string): Field<string> {
  return { read: readText, check: range, form: () => message, stored: "expected a range such as Volumes!A2:A60" };
}

/** The payload's fields that come from what was typed, by their name in the payload. */
export const FIELDS = {
  capacity: shares("the underwriter capacity"),
  price: {
    read: readNumber,
    check: zeroOrMore,
    form: () => "Enter the offering price per share, e.g. 20.00.",
    stored: "expected a number of 0 or more",
  } satisfies Field<number>,
  grossSpread: {
    read: readPercent,
    check: belowOne,
    form: (fault, typed) => {
      const v = readPercent(typed);
      // Excel's convention: a number without % is the fraction itself, so "6" is 600%.
      if (fault === "1 or more" && v !== null && !typed.includes("%"))
        return `${typed.trim()} reads as ${Number((v * 100).toPrecision(12))}%, as in Excel. For 6%, type 6% or 0.06.`;
      return "Enter the gross spread as a percentage from 0% to below 100%, e.g. 6% or 0.06.";
    },
    stored: "expected a fraction below 1",
  } satisfies Field<number>,
  commissionPerShare: {
    read: readNumber,
    blank: 0,
    check: zeroOrMore,
    form: () => "Enter a commission per share of 0 or more, or leave it blank.",
    stored: "expected 0 or more",
  } satisfies Field<number>,
  /** A holder's request; a blank request is null, all the holder's registrable shares. */
  requested: (holder: string): Field<number> => shares(`the shares requested by ${holder}`),
  asOf: date("Pick the as-of date (the date of sale) in the date box."),
  outstanding: shares("the shares outstanding"),
  /** Weekly volume i (0-based). */
  week: (i: number): Field<number> => shares(`the volume of week ${i + 1}`),
  dates: rangeOf("Enter the range of daily dates, e.g. Volumes!A2:A60."),
  volumes: rangeOf("Enter the range of daily volumes, e.g. Volumes!B2:B60."),
  filingDate: date("Pick the Form 144 filing date in the date box."),
};

/**
 * The one rule across fields: net proceeds are the price less the gross spread less the commission,
 * a share (clause "Indemnification and Contribution"; the engine's indemnityCap on one share), so a
 * commission above the price after the spread would make every holder's proceeds negative. Null
 * when the three keep it; else the form's words and the store's.
 */
export function commissionProblem(price: number, spread: number, commission: number): { form: string; stored: string } | null {
  if (commission === 0) return null;
  try {
    indemnityCap(1, price, spread, commission);
    return null;
  } catch {
    const left = indemnityCap(1, price, spread).toFixed(2);
    return {
      form: `A commission of $${commission} a share is more than the $${left} a share left after the gross spread; the holders' net proceeds would be negative.`,
      stored: `commissionPerShare: more than the price after the gross spread ($${left} a share)`,
    };
  }
}

/** A typed field read and checked: its value, or the form's message. */
export function readField<T>(field: Field<T>, typed: string): { value: T; problem?: undefined } | { value?: undefined; problem: string } {
  const value = typed.trim() === "" && field.blank !== undefined ? field.blank : field.read(typed);
  const fault = value === null ? "unreadable" : field.check(value);
  return fault === null ? { value: value as T } : { problem: field.form(fault, typed) };
}

/** A stored value checked: null when it keeps the field's rule, else the store's problem naming path. */
export function storedProblem(field: Field<unknown>, value: unknown, path: string): string | null {
  return field.check(value) === null ? null : `${path}: ${field.stored}`;
}

/** The scenario's name, as the form field words its fault (Excel's sheet-name rules: ./sheetName). */
export function sheetNameProblem(name: string): string | null {
  switch (sheetNameFault(name)) {
    case null:
      return null;
    case "blank":
      return "Enter a name.";
    case "too long":
      return "At most 31 characters (an Excel sheet name).";
    case "forbidden character":
      return "A sheet name cannot contain : \\ / ? * [ or ].";
    case "apostrophe at an end":
      return "A sheet name cannot start or end with an apostrophe.";
    case "reserved":
      return '"History" is reserved by Excel.';
  }
}
