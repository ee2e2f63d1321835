// Agreement terms as data. Every number the agreement sets lives in this table, with the clause it
// comes from; the rules read it through a Terms object, and a user can override any term by name
// (the [terms] argument) or start from another preset (RR.TERMS("nvca")). No other module holds
// these numbers.

import { invalid, listWords, formatCount, describe } from "./errors";

export type TermKind = "fraction" | "money" | "months" | "days" | "count" | "shares" | "choice" | "flag";

/** A term's value: a number, one of a few words (a "choice" term) or TRUE/FALSE (a "flag" term). */
export type TermValue = number | string | boolean;

export interface TermDefinition {
  name: TermName;
  value: TermValue;
  unit: string;
  kind: TermKind;
  clause: string;
}

export const TERM_NAMES = [
  "demand_min_percent",
  "demand_min_base",
  "demand_min_value",
  "demand_value_net",
  "demand_majority",
  "demand_waiting_months",
  "max_demands",
  "months_between_registrations",
  "join_window_days",
  "early_demand_days",
  "piggyback_window_days",
  "filing_deadline_days",
  "filing_from",
  "effectiveness_days",
  "lockup_days",
  "lockup_ipo_days",
  "postponement_days",
  "postponement_interval_months",
  "shelf_suspension_days",
  "transfer_threshold_shares",
  "mail_notice_days",
  "consent_majority",
] as const;
export type TermName = (typeof TERM_NAMES)[number];

/** The words a choice term takes. */
export const TERM_CHOICES = {
  demand_min_base: ["requesting", "outstanding"],
  filing_from: ["join-close", "request"],
} as const;
type ChoiceTerms = { readonly [K in keyof typeof TERM_CHOICES]: (typeof TERM_CHOICES)[K][number] };
type FlagTerms = { readonly demand_value_net: boolean };
/** The terms whose value is a number (days, months, fractions, money, counts, shares). */
export type NumberTermName = Exclude<TermName, keyof ChoiceTerms | keyof FlagTerms>;

export type Terms = Readonly<Record<NumberTermName, number>> & ChoiceTerms & FlagTerms;

const KIND_UNITS: Record<TermKind, string> = {
  fraction: "fraction (0.2 = 20%)",
  money: "US dollars",
  months: "months",
  days: "days",
  count: "number",
  shares: "shares",
  choice: "one of the words listed",
  flag: "TRUE or FALSE",
};

function term(name: TermName, value: TermValue, kind: TermKind, clause: string, unit = KIND_UNITS[kind]): TermDefinition {
  return { name, value, unit, kind, clause };
}

const BASE_UNIT =
  '"requesting" (the requesting Holders\' Registrable Securities) or "outstanding" (all Registrable Securities then outstanding)';
const NET_UNIT =
  "FALSE: gross value at the price given, at least the figure; TRUE: net of selling expenses ([discount]), more than the figure";
const FILING_UNIT = '"join-close" (from the end of the period for other Holders to join) or "request" (from the date of the request)';

/** The CTC Communications Series B registration rights agreement (2000): the default terms. */
export const CTC_2000_TERMS: readonly TermDefinition[] = [
  term(
    "demand_min_percent",
    0.2,
    "fraction",
    '"Registration on Request" (i): "not less than the lesser of 20% or $30 million of the then outstanding Registrable Securities held by such Holders as a group"',
    "fraction of the base demand_min_base names",
  ),
  term(
    "demand_min_base",
    "requesting",
    "choice",
    '"Registration on Request" (i): the 20% is "of the then outstanding Registrable Securities held by such Holders as a group", the requesting Holders',
    BASE_UNIT,
  ),
  term("demand_min_value", 30_000_000, "money", '"Registration on Request" (i): "$30 million" (valued at the price given)'),
  term(
    "demand_value_net",
    false,
    "flag",
    '"Registration on Request" (i): "not less than the lesser of 20% or $30 million": no deduction for expenses, so gross at the price given, and "not less than" (at least the figure)',
    NET_UNIT,
  ),
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
    "filing_from",
    "join-close",
    "choice",
    '"Registration Statement": the ninety (90) days run from "the end of the period within which requests for registration may be delivered to the Company", the close of the fifteen (15) days other Holders have to join',
    FILING_UNIT,
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
  term(
    "lockup_ipo_days",
    90,
    "days",
    '"Holder Lockup Agreements in Connection with Public Offering": "ninety (90) days following the effective date of the registration statement for any underwritten offering by the Company", the IPO included: no longer period for the IPO',
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

// The NVCA 2020 model Investors' Rights Agreement, from its public CommonAccord transcription
// (github.com/CommonAccord/Cmacc-Org, Doc/G/NVCA/2020/IRA/Form/0.md). Each clause names the
// model's section and the transcription's key, quotes the words, and where the model has a bracket
// or a blank quotes it and says what was chosen. The transcription writes some of the model's
// brackets as braces ({twenty (20)}); they are quoted as written there.
const NVCA = "NVCA 2020 model IRA";
const CHOSEN = "bracket in the model; chosen:";
const BLANK = "blank in the model, with no suggested figure; filled with";

/**
 * The NVCA 2020 model investors' rights agreement's values for the same terms. Where the model has
 * a bracket the value is a choice inside it and the clause column quotes the bracket ("bracket in
 * the model; chosen: …"); where it has a blank the clause column says so and what was filled in.
 * Check against the executed agreement: these are a model's suggestions, not a deal's terms.
 */
export const NVCA_TERMS: readonly TermDefinition[] = [
  term(
    "demand_min_percent",
    0.4,
    "fraction",
    `${NVCA} §2.1(a) [Register.ByDemand.S-1.00.1]: a request that the Company file "with respect to {at least forty percent (40%)} of the Registrable Securities then outstanding" (the model's bracket [at least forty percent (40%)], in braces in the transcription); ${CHOSEN} forty percent (40%)`,
    "fraction of the base demand_min_base names",
  ),
  term(
    "demand_min_base",
    "outstanding",
    "choice",
    `${NVCA} §2.1(a) [Register.ByDemand.S-1.00.1]: "at least forty percent (40%) of the Registrable Securities then outstanding": all Registrable Securities outstanding, not the requesting Holders' (no bracket)`,
    BASE_UNIT,
  ),
  term(
    "demand_min_value",
    15_000_000,
    "money",
    `${NVCA} §2.1(a) [Register.ByDemand.S-1.2.lesser]: "(or a lesser percent if the anticipated aggregate offering price, net of Selling Expenses, would exceed $[five (5)- fifteen (15)] million)" (itself an optional selection); ${CHOSEN} $15 million, the top of the bracket, and the parenthetical kept`,
  ),
  term(
    "demand_value_net",
    true,
    "flag",
    `${NVCA} §2.1(a) [Register.ByDemand.S-1.2.lesser]: "net of Selling Expenses, would exceed": net of "all underwriting discounts, selling commissions, and stock transfer taxes" (Selling Expenses, §1), here the [discount] given, and more than the figure (no bracket)`,
    NET_UNIT,
  ),
  term(
    "demand_majority",
    0.5,
    "fraction",
    `${NVCA} §2.1(a) [Register.ByDemand.S-1.00.1]: "a request from Holders of {Registration.OnDemand.AtLeastShareholdersOf.%} of the Registrable Securities then outstanding" (a blank, [__%], for the parties to fill); ${BLANK} a majority (more than 50%), the CTC 2000 figure`,
    "more than this fraction of Registrable Securities outstanding",
  ),
  term(
    "demand_waiting_months",
    60,
    "months",
    `${NVCA} §2.1(a) [Register.ByDemand.S-1.0-2]: "If at any time after {the earlier of} {insert date that is] three (3) - five (5) years} after the date of this Agreement or {one hundred eighty (180)} days after the effective date of the registration statement for the IPO" (the model's brackets "[the earlier of] [three (3) - five (5)] years ... or [one hundred eighty (180)] days after the IPO", in braces in the transcription, the IPO limb optional); ${CHOSEN} five (5) years after the date of the Agreement (give that date as closing_date); the 180 days after the IPO, if earlier, are not modelled by this term`,
  ),
  term(
    "max_demands",
    2,
    "count",
    `${NVCA} §2.1(d)(ii) [Register.ByDemand.Deny.1.2]: no obligation "after the Company has effected [one (1) - two (2)] registration[s] pursuant to Section 2.1(a)"; ${CHOSEN} two (2) registrations`,
    "demand registrations",
  ),
  term(
    "months_between_registrations",
    6,
    "months",
    `${NVCA} §2.1(d)(i) [Register.ByDemand.Deny.1.1]: no demand registration "during the period that is [sixty (60)] days before the Company's good faith estimate of the date of filing of, and ending on a date that is [one hundred eighty (180)] days after the effective date of, a Company-initiated registration"; ${CHOSEN} one hundred eighty (180) days, counted here as six months after the last registration (the model has no general one-in-six-months rule, and the sixty (60) days before a filing are not modelled)`,
  ),
  term(
    "join_window_days",
    20,
    "days",
    `${NVCA} §2.1(a) [Register.ByDemand.S-1.00.2.00.1.00]: other Holders join "within {twenty (20)} days of the date the Demand Notice is given" (the bracket [twenty (20)], in braces in the transcription, as in §2.1(b)'s "[twenty (20)] days"); ${CHOSEN} twenty (20) days`,
  ),
  term(
    "early_demand_days",
    15,
    "days",
    `${NVCA}: no counterpart of CTC's early demand ("Registration on Request" (ii)) in the model; the CTC 2000 value is kept`,
  ),
  term(
    "piggyback_window_days",
    20,
    "days",
    `${NVCA} §2.2 [Register.ByCompany]: "Upon the request of each Holder given within twenty (20) days after such notice is given by the Company" (no bracket)`,
  ),
  term(
    "filing_deadline_days",
    60,
    "days",
    `${NVCA} §2.1(a)(ii) [Register.ByDemand.S-1.00.2.2]: file "as soon as practicable, and in any event within sixty (60) days after the date such request is given by the Initiating Holders" (no bracket)`,
  ),
  term(
    "filing_from",
    "request",
    "choice",
    `${NVCA} §2.1(a)(ii) [Register.ByDemand.S-1.00.2.2]: "within sixty (60) days after the date such request is given by the Initiating Holders": from the request, not from the close of the join window (no bracket)`,
    FILING_UNIT,
  ),
  term(
    "effectiveness_days",
    120,
    "days",
    `${NVCA} §2.4(a) [Register.CompanyDuty.1.0]: "keep such registration statement effective for a period of up to one hundred twenty (120) days or, if earlier, until the distribution contemplated in the registration statement has been completed" (no bracket)`,
  ),
  term(
    "lockup_days",
    90,
    "days",
    `${NVCA} §2.11 [Register.MarketStandoff.1.RestrictedPeriod.End, Non.IPO]: "or ninety (90) days in the case of any registration other than the IPO" (no bracket). The model's period starts "on the date of the final prospectus"`,
  ),
  term(
    "lockup_ipo_days",
    180,
    "days",
    `${NVCA} §2.11 [Register.MarketStandoff.1.RestrictedPeriod.End]: "such period not to exceed one hundred eighty (180) days in the case of the IPO" (no bracket). RR.DATE's "lockup" adds lockup_days; for the IPO pass this value as lockup_days`,
  ),
  term(
    "postponement_days",
    90,
    "days",
    `${NVCA} §2.1(c) [Register.ByDemand.Delay.00.0]: defer "[for a period of not more than [thirty (30) - one hundred twenty (120)] days after the request of the Initiating Holders is given]" (the alternative bracket tolls the time periods instead); ${CHOSEN} ninety (90) days, the CTC 2000 figure and inside the bracket`,
  ),
  term(
    "postponement_interval_months",
    12,
    "months",
    `${NVCA} §2.1(c) [Register.ByDemand.Delay.00.1]: "the Company may not invoke this right more than [once] in any twelve (12) month period"; ${CHOSEN} once`,
  ),
  term(
    "shelf_suspension_days",
    90,
    "days",
    `${NVCA}: no cap on shelf suspensions in the model (§2.4(a)(ii) [Register.CompanyDuty.1.2] instead extends the 120 days "for up to [_______] days" for a Form S-3 shelf, a blank); the CTC 2000 value is kept`,
    "days in total",
  ),
  term(
    "transfer_threshold_shares",
    200_000,
    "shares",
    `${NVCA} §6.1 [Misc.Assign]: a transferee "that ... (iii) after such transfer, [holds at least [_____] shares of Registrable Securities ...] [together with its Affiliates, would be a Major Investor]"; ${BLANK} 200,000 shares, the CTC 2000 figure; the model tests what the transferee holds after the transfer, while RR.TRANSFER.OK tests the shares transferred`,
  ),
  term(
    "mail_notice_days",
    5,
    "days",
    `${NVCA} §6.5 [Misc.Notice.1]: "(iii) five (5) days after having been sent by registered or certified mail, return receipt requested, postage prepaid" (no bracket)`,
  ),
  term(
    "consent_majority",
    0.5,
    "fraction",
    `${NVCA} §6.6 [Misc.Amend-Waive.1]: amendment or waiver "only with the written consent of the Company and the holders of [at least a majority] of the Registrable Securities then outstanding"; ${CHOSEN} a majority`,
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
  return Object.fromEntries(table.map((t) => [t.name, t.value])) as unknown as Terms;
}

export const DEFAULT_TERMS: Terms = toTerms(CTC_2000_TERMS);

export function isTermName(name: string): name is TermName {
  return (TERM_NAMES as readonly string[]).includes(name);
}

function definition(name: TermName): TermDefinition {
  return CTC_2000_TERMS.find((t) => t.name === name)!;
}

/** The kind of a term (a known name). */
export function termKind(name: TermName): TermKind {
  return definition(name).kind;
}

/**
 * Checks that a value suits its term's kind and returns it normalised; the message names the term.
 * Numbers for the number kinds; one of the listed words for a choice (case and spaces aside);
 * TRUE/FALSE or 1/0 for a flag.
 */
export function checkTermValue(name: TermName, value: TermValue, where: string): TermValue {
  const kind = definition(name).kind;
  const label = `${where}: ${name}`;
  if (kind === "choice") {
    const words: readonly string[] = TERM_CHOICES[name as keyof typeof TERM_CHOICES];
    const word = typeof value === "string" ? value.trim().toLowerCase() : "";
    if (!words.includes(word)) invalid(`${label}: expected ${listWords(words)}, got ${describe(value)}`);
    return word;
  }
  if (kind === "flag") {
    if (typeof value === "boolean") return value;
    if (value === 1 || value === 0) return value === 1;
    return invalid(`${label}: expected TRUE or FALSE (or 1 or 0), got ${describe(value)}`);
  }
  if (typeof value !== "number" || !Number.isFinite(value)) return invalid(`${label}: expected a number, got ${describe(value)}`);
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
  value: TermValue;
  /** Where the override came from, for messages: "terms (row 3)". */
  where: string;
}

/** The defaults with overrides applied by name. An unknown or repeated name is an error. */
export function termsWith(overrides: readonly TermOverride[], base: Terms = DEFAULT_TERMS): Terms {
  const result: Record<string, TermValue> = { ...base };
  const seen = new Set<string>();
  for (const { name, value, where } of overrides) {
    const key = name.trim().toLowerCase();
    if (!isTermName(key)) invalid(`${where}: unknown term "${name}"; expected one of ${listWords(TERM_NAMES)}`);
    if (seen.has(key)) invalid(`${where}: the term ${key} is given twice`);
    seen.add(key);
    result[key] = checkTermValue(key, value, where);
  }
  return result as unknown as Terms;
}

/** "$30,000,000", "20%", "15 days", "outstanding": a term's value as a banker writes it, for messages. */
export function describeTerm(terms: Terms, name: TermName): string {
  const value = terms[name];
  if (typeof value !== "number") return typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : value;
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
