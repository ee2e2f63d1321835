// Agreement terms as data. Every number the agreement sets lives in this table, with the clause it
// comes from; the rules read it through a Terms object, and a user can override any term by name
// (the [terms] argument) or start from another preset (RR.TERMS("nvca")). No other module holds
// these numbers.

import { invalid, listWords, formatCount } from "./errors";

export type TermKind = "fraction" | "money" | "months" | "days" | "count" | "shares";

export interface TermDefinition {
  name: TermName;
  value: number;
  unit: string;
  kind: TermKind;
  clause: string;
}

export const TERM_NAMES = [
  "demand_min_percent",
  "demand_min_value",
  "demand_majority",
  "demand_waiting_months",
  "max_demands",
  "months_between_registrations",
  "join_window_days",
  "early_demand_days",
  "piggyback_window_days",
  "filing_deadline_days",
  "effectiveness_days",
  "lockup_days",
  "postponement_days",
  "postponement_interval_months",
  "shelf_suspension_days",
  "transfer_threshold_shares",
  "mail_notice_days",
  "consent_majority",
] as const;
export type TermName = (typeof TERM_NAMES)[number];

export type Terms = Readonly<Record<TermName, number>>;

const KIND_UNITS: Record<TermKind, string> = {
  fraction: "fraction (0.2 = 20%)",
  money: "US dollars",
  months: "months",
  days: "days",
  count: "number",
  shares: "shares",
};

function term(name: TermName, value: number, kind: TermKind, clause: string, unit = KIND_UNITS[kind]): TermDefinition {
  return { name, value, unit, kind, clause };
}

/** The CTC Communications Series B registration rights agreement (2000): the default terms. */
export const CTC_2000_TERMS: readonly TermDefinition[] = [
  term(
    "demand_min_percent",
    0.2,
    "fraction",
    '"Registration on Request" (i): "not less than the lesser of 20% or $30 million of the then outstanding Registrable Securities held by such Holders as a group"',
    "fraction of the requesting Holders' Registrable Securities",
  ),
  term("demand_min_value", 30_000_000, "money", '"Registration on Request" (i): "$30 million" (valued at the price given)'),
  term(
    "demand_majority",
    0.5,
    "fraction",
    '"Registration on Request" (i): "Holders of a majority of then outstanding Registrable Securities"',
    "more than this fraction of Registrable Securities outstanding",
  ),
  term("demand_waiting_months", 12, "months", '"Registration on Request" (i): "At any time after the first anniversary of the Closing"'),
  term(
    "max_demands",
    3,
    "count",
    '"Number of Requests; Form": "not ... more than three (3) registrations pursuant to Section 2(a)(i)"',
    "demand registrations",
  ),
  term(
    "months_between_registrations",
    6,
    "months",
    '"Number of Requests; Form": "not ... more than one (1) registration under this section 2 during any six (6) month period"',
  ),
  term(
    "join_window_days",
    15,
    "days",
    '"Registration on Request" (i): other Holders join "within fifteen (15) days after the giving of such notice by the Company"',
  ),
  term(
    "early_demand_days",
    15,
    "days",
    '"Registration on Request" (ii): the early demand is "delivered prior to the later of (x) the first anniversary of the Closing Date and (y) fifteen (15) days following delivery by the Company of such notice"',
  ),
  term("piggyback_window_days", 15, "days", '"Piggyback Registration": "within fifteen (15) days after the giving of any such notice"'),
  term(
    "filing_deadline_days",
    90,
    "days",
    '"Registration Statement": file "within ninety (90) days after the end of the period within which requests for registration may be delivered"',
  ),
  term(
    "effectiveness_days",
    90,
    "days",
    '"Amendments and Supplements to Registration Statement": keep effective, "in no event for a period of more than ninety (90) days after such registration statement becomes effective"',
  ),
  term(
    "lockup_days",
    90,
    "days",
    '"Holder Lockup Agreements in Connection with Public Offering": "ninety (90) days following the effective date of the registration statement"',
  ),
  term("postponement_days", 90, "days", '"Postponement and Suspension": postpone "for a period of up to ninety (90) days"'),
  term(
    "postponement_interval_months",
    12,
    "months",
    '"Postponement and Suspension": "not ... more frequently than one time in any twelve (12) month period"',
  ),
  term(
    "shelf_suspension_days",
    90,
    "days",
    '"Postponement and Suspension": shelf suspension "for more than a total of ninety (90) days"',
    "days in total",
  ),
  term(
    "transfer_threshold_shares",
    200_000,
    "shares",
    '"Assignment of Registration Rights": "not less than an aggregate of 200,000 Registrable Securities"',
  ),
  term("mail_notice_days", 4, "days", '"Notices": mailed notices are "effective four days after deposit in the mails"'),
  term(
    "consent_majority",
    0.5,
    "fraction",
    '"Amendments, Waivers and Consents" and "Binding Effect; Assignment": "a majority of the Registrable Securities then outstanding"',
    "more than this fraction of Registrable Securities outstanding",
  ),
];

const NVCA = "NVCA model Investors' Rights Agreement";
const BLANK = "NVCA leaves this blank with no suggested number; the CTC 2000 value is kept";

/**
 * The NVCA model investors' rights agreement's usual values for the same terms, as this project
 * reads the model (2020 revision). Bracketed numbers are the model's suggestions; where the model
 * has a blank, the clause column says what was filled in. Check against the executed agreement.
 */
export const NVCA_TERMS: readonly TermDefinition[] = [
  term(
    "demand_min_percent",
    0.4,
    "fraction",
    `${NVCA} §2.1(a): a request covering "at least [forty percent (40%)] of the Registrable Securities then outstanding" (bracketed suggestion; NVCA measures against all Registrable Securities outstanding)`,
    "fraction of Registrable Securities",
  ),
  term(
    "demand_min_value",
    15_000_000,
    "money",
    `${NVCA} §2.1(a): "(or a lesser percent if the anticipated aggregate offering price, net of Selling Expenses, would exceed $[__] million)": blank in the model; $15 million filled in as a common choice, not a model default`,
  ),
  term(
    "demand_majority",
    0.5,
    "fraction",
    `${NVCA} §2.1(a): request from "Holders of [__%][a majority] of the Registrable Securities then outstanding" (the "majority" option)`,
    "more than this fraction of Registrable Securities outstanding",
  ),
  term(
    "demand_waiting_months",
    60,
    "months",
    `${NVCA} §2.1(a): "[five (5)] years after the date of this Agreement" (or 180 days after the IPO if earlier, which this term does not model)`,
  ),
  term(
    "max_demands",
    2,
    "count",
    `${NVCA} §2.1(d): no obligation "after the Company has effected [two] registrations pursuant to Section 2.1(a)"`,
    "demand registrations",
  ),
  term(
    "months_between_registrations",
    6,
    "months",
    `${NVCA} §2.1(d): no demand registration within "[one hundred eighty (180)] days after the effective date of" a Company-initiated registration (counted here as six months)`,
  ),
  term(
    "join_window_days",
    20,
    "days",
    `${NVCA} §2.1(a): other Holders join "within twenty (20) days of the date the Demand Notice is given"`,
  ),
  term(
    "early_demand_days",
    15,
    "days",
    `${NVCA}: no counterpart of CTC's early demand ("Registration on Request" (ii)) in the model; the CTC 2000 value is kept`,
  ),
  term("piggyback_window_days", 20, "days", `${NVCA} §2.2: Holders request inclusion "within twenty (20) days after" the Company's notice`),
  term(
    "filing_deadline_days",
    60,
    "days",
    `${NVCA} §2.1(a): file "within [sixty (60)] days after the date such request is given" (counted from the request, not from the close of the join window)`,
  ),
  term("effectiveness_days", 120, "days", `${NVCA} §2.4(a): keep effective "for a period of up to [one hundred twenty (120)] days"`),
  term(
    "lockup_days",
    180,
    "days",
    `${NVCA} §2.11 "Market Stand-off": "not to exceed one hundred eighty (180) days" for the IPO ([ninety (90)] days for later registrations)`,
  ),
  term("postponement_days", 90, "days", `${NVCA} §2.1(c): defer "for a period of not more than [ninety (90)] days" (bracketed suggestion)`),
  term("postponement_interval_months", 12, "months", `${NVCA} §2.1(c): not "more than [once] in any twelve (12) month period"`),
  term("shelf_suspension_days", 90, "days", `${NVCA}: no shelf-suspension cap in the model; ${BLANK}`, "days in total"),
  term(
    "transfer_threshold_shares",
    200_000,
    "shares",
    `${NVCA} §2.9: transferee that "holds at least [_______] shares of Registrable Securities"; ${BLANK}`,
  ),
  term("mail_notice_days", 5, "days", `${NVCA} §6.5: notice "five (5) days after having been sent by registered or certified mail"`),
  term(
    "consent_majority",
    0.5,
    "fraction",
    `${NVCA} §6.6: amendment or waiver with "the holders of [a majority] of the Registrable Securities then outstanding"`,
    "more than this fraction of Registrable Securities outstanding",
  ),
];

export const PRESETS = { ctc: CTC_2000_TERMS, nvca: NVCA_TERMS } as const;
export type Preset = keyof typeof PRESETS;

export function parsePreset(text: string): Preset {
  const word = text.trim().toLowerCase();
  if (word === "ctc" || word === "nvca") return word;
  return invalid(
    `preset: unknown preset "${text}"; expected ${listWords(Object.keys(PRESETS))} (or leave it blank for the CTC 2000 defaults)`,
  );
}

function toTerms(table: readonly TermDefinition[]): Terms {
  return Object.fromEntries(table.map((t) => [t.name, t.value])) as Terms;
}

export const DEFAULT_TERMS: Terms = toTerms(CTC_2000_TERMS);

export function isTermName(name: string): name is TermName {
  return (TERM_NAMES as readonly string[]).includes(name);
}

function definition(name: TermName): TermDefinition {
  return CTC_2000_TERMS.find((t) => t.name === name)!;
}

/** Checks that a value suits its term's kind; the message names the term. */
export function checkTermValue(name: TermName, value: number, where: string): number {
  const kind = definition(name).kind;
  const label = `${where}: ${name}`;
  if (!Number.isFinite(value)) invalid(`${label}: expected a number, got ${value}`);
  switch (kind) {
    case "fraction":
      if (!(value > 0 && value <= 1)) invalid(`${label}: expected a fraction above 0 and at most 1 (0.2 for 20%), got ${value}`);
      break;
    case "money":
      if (value < 0) invalid(`${label}: expected an amount of 0 or more, got ${value}`);
      break;
    default:
      if (!Number.isSafeInteger(value) || value < 0) invalid(`${label}: expected a whole number of ${kind} of 0 or more, got ${value}`);
  }
  return value;
}

export interface TermOverride {
  name: string;
  value: number;
  /** Where the override came from, for messages: "terms (row 3)". */
  where: string;
}

/** The defaults with overrides applied by name. An unknown or repeated name is an error. */
export function termsWith(overrides: readonly TermOverride[], base: Terms = DEFAULT_TERMS): Terms {
  const result: Record<string, number> = { ...base };
  const seen = new Set<string>();
  for (const { name, value, where } of overrides) {
    const key = name.trim().toLowerCase();
    if (!isTermName(key)) invalid(`${where}: unknown term "${name}"; expected one of ${listWords(TERM_NAMES)}`);
    if (seen.has(key)) invalid(`${where}: the term ${key} is given twice`);
    seen.add(key);
    result[key] = checkTermValue(key, value, where);
  }
  return result as Terms;
}

/** "$30,000,000", "20%", "15 days": a term's value as a banker writes it, for messages. */
export function describeTerm(terms: Terms, name: TermName): string {
  const value = terms[name];
  switch (definition(name).kind) {
    case "fraction":
      return `${formatCount(value * 100)}%`;
    case "money":
      return `$${formatCount(value)}`;
    case "months":
      return `${formatCount(value)} months`;
    case "days":
      return `${formatCount(value)} days`;
    default:
      return formatCount(value);
  }
}
