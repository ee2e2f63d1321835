// Agreement mechanics: who may demand a registration and when ("Registration on Request",
// "Number of Requests; Form"), the agreement's calendar, transfers of registration rights
// ("Assignment of Registration Rights") and consents ("Amendments, Waivers and Consents").
// Every number comes from a Terms object (./terms), never from a literal here.

import { invalid, listWords, formatCount } from "./errors";
import { edate, isoDate, MAX_SERIAL, Serial } from "./dates";
import { checkShares, checkNonNegative, exact, Money } from "./quantities";
import { Terms, describeTerm, NumberTermName } from "./terms";

export interface DemandInput {
  requestDate: Serial;
  closingDate: Serial;
  /** Registrable Securities held by the requesting Holders as a group. */
  requesting: number;
  /** Registrable Securities outstanding. */
  outstanding: number;
  /** Registrable Securities the request asks to register. */
  requested: number;
  /** Price per share at which "$30 million" is measured (gross, not net of expenses). */
  price: number;
  /** Demand registrations already used under "Registration on Request" (i). */
  demandsUsed: number;
  /** Effective date of the last registration under Section 2, if any. */
  lastRegistration: Serial | null;
  /**
   * Underwriters' discount as a fraction (0.06 for 6%), used where demand_value_net is TRUE (the
   * NVCA "net of Selling Expenses"); null when not given (then nothing is deducted).
   */
  discount?: number | null;
}

export interface DemandOutcome {
  ok: boolean;
  /** Every failing condition, each naming its clause. */
  failures: string[];
  /**
   * When the six-month rule binds ("Number of Requests; Form": the Company "shall not be required
   * to effect more than one (1) registration ... during any six (6) month period"): the first day
   * the registration may be effected. It limits registrations effected, not requests, so it defers
   * the registration and is not a failure.
   */
  effectOnOrAfter: Serial | null;
}

const REQUEST = '"Registration on Request" (i)';
const NUMBER = '"Number of Requests; Form"';

/**
 * Checks every condition of a demand under "Registration on Request" (i) and "Number of
 * Requests; Form", and reports all that fail, not only the first. Readings: "at any time after
 * the first anniversary" excludes the anniversary; "the lesser of 20% or $30 million of the then
 * outstanding Registrable Securities held by such Holders as a group" means the request must
 * reach 20% of the requesting group's shares or shares worth $30 million at `price`, whichever
 * is fewer. The six-month rule limits registrations *effected*, not requests: when the last
 * registration was effective less than six months before the request, the request is still good
 * and the registration is deferred to EDATE(last_registration, 6), the first day of the next
 * six-month period (the month convention of ./dates: periods of months end on EDATE).
 */
export function checkDemand(input: DemandInput, terms: Terms): DemandOutcome {
  const requesting = checkShares(input.requesting, "requesting");
  const outstanding = checkShares(input.outstanding, "outstanding");
  const requested = checkShares(input.requested, "requested");
  const used = checkShares(input.demandsUsed, "demands_used");
  checkNonNegative(input.price, "price", "a price per share");
  if (input.price === 0) invalid("price: must be greater than 0 (the $ value test is measured at this price)");
  if (requesting > outstanding) {
    invalid(`requesting: ${formatCount(requesting)} is more than the ${formatCount(outstanding)} Registrable Securities outstanding`);
  }
  if (requested > requesting) {
    invalid(
      `requested: ${formatCount(requested)} is more than the ${formatCount(requesting)} Registrable Securities the requesting Holders hold`,
    );
  }

  const failures: string[] = [];
  const opens = edate(input.closingDate, terms.demand_waiting_months);
  if (!(input.requestDate > opens)) {
    failures.push(
      `too early: a demand may be made only after ${isoDate(opens)}, ${describeTerm(terms, "demand_waiting_months")} after the Closing on ${isoDate(input.closingDate)}; the request is dated ${isoDate(input.requestDate)} (${REQUEST}: "at any time after")`,
    );
  }

  const share = exact(requesting).dividedBy(outstanding === 0 ? 1 : outstanding);
  if (!exact(requesting).gt(exact(outstanding).times(terms.demand_majority))) {
    failures.push(
      `not a majority: the requesting Holders hold ${formatCount(requesting)} of ${formatCount(outstanding)} Registrable Securities outstanding (${percent(share)}), and more than ${describeTerm(terms, "demand_majority")} is needed (${REQUEST})`,
    );
  }

  // The size test. CTC (i): "not less than the lesser of 20% or $30 million of the then outstanding
  // Registrable Securities held by such Holders as a group": 20% of the requesting group, or shares
  // worth at least $30 million gross at `price`. NVCA §2.1(a): "at least [40%] of the Registrable
  // Securities then outstanding (or a lesser percent if the anticipated aggregate offering price,
  // net of Selling Expenses, would exceed $[5-15] million)": 40% of all outstanding, or a net value
  // of more than the figure. The terms demand_min_base and demand_value_net choose.
  const discount = input.discount ?? 0;
  checkNonNegative(discount, "discount", "a fraction such as 0.06 for a 6% gross spread");
  if (discount >= 1) invalid(`discount: must be less than 1 (a fraction: 0.06 for a 6% gross spread), got ${discount}`);
  const ofOutstanding = terms.demand_min_base === "outstanding";
  const base = ofOutstanding ? outstanding : requesting;
  const net = terms.demand_value_net;
  const perShare = net ? exact(input.price).times(new Money(1).minus(exact(discount))) : exact(input.price);
  const value = exact(requested).times(perShare);
  const byPercent = exact(requested).gte(exact(base).times(terms.demand_min_percent));
  const byValue = net ? value.gt(terms.demand_min_value) : value.gte(terms.demand_min_value);
  if (!byPercent && !byValue) {
    const percentShares = exact(base).times(terms.demand_min_percent).ceil();
    // The fewest shares that pass the value test: at least V / p gross, or more than V / net price.
    const quotient = new Money(terms.demand_min_value).dividedBy(perShare);
    const valueShares = net ? quotient.floor().plus(1) : quotient.ceil();
    const baseWords = ofOutstanding
      ? `the ${formatCount(outstanding)} Registrable Securities outstanding`
      : `the requesting Holders' ${formatCount(requesting)}`;
    const valueWords = net
      ? `more than ${describeTerm(terms, "demand_min_value")} net of selling expenses at $${formatCount(input.price)} a share less a ${percent(exact(discount))} discount`
      : `${describeTerm(terms, "demand_min_value")} at $${formatCount(input.price)} a share`;
    failures.push(
      `too small: ${formatCount(requested)} shares requested, fewer than both ${describeTerm(terms, "demand_min_percent")} of ${baseWords} (${formatCount(percentShares.toNumber())} shares) and ${valueWords} (${formatCount(valueShares.toNumber())} shares); at least the lesser is needed (${REQUEST})`,
    );
  }

  if (!(used < terms.max_demands)) {
    failures.push(`no demands left: ${formatCount(used)} of ${formatCount(terms.max_demands)} demand registrations used (${NUMBER})`);
  }

  let effectOnOrAfter: Serial | null = null;
  if (input.lastRegistration !== null) {
    // A period of N months that starts on D runs up to EDATE(D, N); the next one starts there.
    const next = edate(input.lastRegistration, terms.months_between_registrations);
    if (input.requestDate < next) effectOnOrAfter = next;
  }
  return { ok: failures.length === 0, failures, effectOnOrAfter };
}

const WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** "six months", as the agreement words it ("six (6) months"); "0 months", "18 months" outside one to twelve. */
function monthsInWords(months: number): string {
  const n = months >= 1 && months <= 12 ? WORDS[months - 1] : formatCount(months);
  return `${n} ${months === 1 ? "month" : "months"}`;
}

function percent(fraction: Money): string {
  return `${formatCount(fraction.times(100).toDecimalPlaces(2).toNumber())}%`;
}

/**
 * "OK", "OK; effect on or after 2001-02-28 (at most one registration in six months, "Number of
 * Requests; Form")" when the six-month rule defers the registration, or every failing condition
 * numbered, as RR.DEMAND.CHECK shows it.
 */
export function describeDemand(outcome: DemandOutcome, terms: Terms): string {
  if (outcome.ok && outcome.effectOnOrAfter !== null) {
    return `OK; effect on or after ${isoDate(outcome.effectOnOrAfter)} (at most one registration in ${monthsInWords(terms.months_between_registrations)}, ${NUMBER})`;
  }
  if (outcome.ok) return "OK";
  return `Not OK: ${outcome.failures.map((f, i) => `(${i + 1}) ${f}`).join(" ")}`;
}

// ---- The early demand of "Registration on Request" (ii) ---------------------------------------

const EARLY = '"Registration on Request" (ii)';

/**
 * "Registration on Request" (ii) (clause 2(a)(ii)): "If within twelve (12) months of the Closing
 * Date Robert Fabbricatore sells in excess of thirty percent (30%) of the total number of shares of
 * Common Stock beneficially owned by him ... as of the Closing Date, the Company shall so notify the
 * Holders and thereafter the Holders may request in writing that the Company effect the
 * registration under the Securities Act of all or part of the Registrable Securities, provided that
 * such request is delivered prior to the later of (x) the first anniversary of the Closing Date and
 * (y) fifteen (15) days following delivery by the Company of such notice."
 *
 * TRUE when the request is delivered on or after the notice ("thereafter": a request the same day
 * as the notice follows it) and before the later of EDATE(closing, 12) and notice + 15 days
 * ("prior to" excludes that day itself). No majority or size test, and it does not use one of the
 * three demands of (i). No notice (null) → FALSE. The Company's notice of the founder's sale
 * cannot precede the Closing: a notice_date before closing_date is an error.
 */
export function earlyDemandAllowed(requestDate: Serial, closingDate: Serial, noticeDate: Serial | null, terms: Terms): boolean {
  if (noticeDate === null) return false;
  if (noticeDate < closingDate) {
    invalid(
      `notice_date: ${isoDate(noticeDate)} is before the Closing on ${isoDate(closingDate)}; the Company's notice reports a sale made after the Closing (${EARLY})`,
    );
  }
  return requestDate >= noticeDate && requestDate < earlyDemandDeadline(closingDate, noticeDate, terms);
}

/** The day the early-demand window shuts: the later of the first anniversary and notice + 15 days (not itself in the window). */
export function earlyDemandDeadline(closingDate: Serial, noticeDate: Serial, terms: Terms): Serial {
  const anniversary = edate(closingDate, terms.demand_waiting_months);
  const afterNotice = noticeDate + terms.early_demand_days;
  if (afterNotice > MAX_SERIAL)
    invalid(`notice_date: ${describeTerm(terms, "early_demand_days")} after ${isoDate(noticeDate)} is past 9999-12-31`);
  return Math.max(anniversary, afterNotice);
}

// ---- The agreement's calendar ---------------------------------------------------------------

interface CalendarEvent {
  term: NumberTermName;
  /** Months are added with EDATE (month ends clamp); days are added as days. */
  by: "months" | "days";
  what: string;
}

/** The last day of each period (or, for the "next" events, the first day allowed again). */
export const EVENTS = {
  "demand-window": {
    term: "demand_waiting_months",
    by: "months",
    what: "first anniversary of the Closing: a demand may be made from the day after",
  },
  join: { term: "join_window_days", by: "days", what: "last day for other Holders to join a demand after the Company's notice" },
  piggyback: { term: "piggyback_window_days", by: "days", what: "last day to ask to be included after the Company's piggyback notice" },
  filing: { term: "filing_deadline_days", by: "days", what: "last day to file after the request window closes" },
  effectiveness: { term: "effectiveness_days", by: "days", what: "last day the registration must be kept effective" },
  lockup: { term: "lockup_days", by: "days", what: "last day of the Holder lockup after the effective date" },
  postponement: { term: "postponement_days", by: "days", what: "last day of a postponement" },
  "next-postponement": { term: "postponement_interval_months", by: "months", what: "first day another postponement may start" },
  "next-demand": { term: "months_between_registrations", by: "months", what: "first day another registration may be demanded" },
  mail: { term: "mail_notice_days", by: "days", what: "day a mailed notice becomes effective" },
} as const satisfies Record<string, CalendarEvent>;
export type AgreementEvent = keyof typeof EVENTS;
export const EVENT_NAMES = Object.keys(EVENTS) as AgreementEvent[];

export function parseEvent(text: string, name = "event"): AgreementEvent {
  const word = text.trim().toLowerCase();
  const event = EVENT_NAMES.find((e) => e === word);
  if (!event) invalid(`${name}: unknown event "${text}"; expected ${listWords(EVENT_NAMES)}`);
  return event;
}

export function agreementDate(event: AgreementEvent, date: Serial, terms: Terms): Serial {
  const { term, by } = EVENTS[event];
  const result = by === "months" ? edate(date, terms[term]) : date + terms[term];
  if (result > MAX_SERIAL) invalid(`date: ${describeTerm(terms, term)} after ${isoDate(date)} is past 9999-12-31`);
  return result;
}

// ---- Shelf registrations ------------------------------------------------------------------------

const SUSPENSION = '"Postponement and Suspension"';
const AMENDMENTS = '"Amendments and Supplements to Registration Statement"';

/**
 * The last day a shelf registration must be kept effective: "in no event for a period of more than
 * ninety (90) days after such registration statement becomes effective, plus, in the case of a
 * "shelf" registration, the number of days for which the effectiveness of such registration was
 * suspended pursuant to Section 2(b)" ("Amendments and Supplements to Registration Statement"),
 * that is effective_date + effectiveness_days + suspended_days. Only suspensions "pursuant to
 * Section 2(b)" extend it, and 2(b) allows no "more than a total of ninety (90) days"
 * ("Postponement and Suspension"): more suspended days than that cap is an error, not an extension.
 */
export function shelfEnd(effectiveDate: Serial, suspendedDays: number, terms: Terms): Serial {
  const suspended = checkDays(suspendedDays, "suspended_days");
  if (suspended > terms.shelf_suspension_days) {
    invalid(
      `suspended_days: ${formatCount(suspended)} days is more than the ${describeTerm(terms, "shelf_suspension_days")} in total the Company may suspend a shelf (${SUSPENSION}); only suspensions within that cap extend the period (${AMENDMENTS})`,
    );
  }
  const end = effectiveDate + terms.effectiveness_days + suspended;
  if (end > MAX_SERIAL) invalid(`effective_date: the period from ${isoDate(effectiveDate)} ends past 9999-12-31`);
  return end;
}

/**
 * "Postponement and Suspension": "the Company may not suspend the effectiveness of any "shelf"
 * registration statement for more than a total of ninety (90) days". TRUE when a further
 * suspension of new_days keeps the total (used_days + new_days) within the cap; exactly the cap is
 * allowed ("more than" is what is barred).
 */
export function shelfSuspensionAllowed(usedDays: number, newDays: number, terms: Terms): boolean {
  const used = checkDays(usedDays, "used_days");
  const fresh = checkDays(newDays, "new_days");
  return used + fresh <= terms.shelf_suspension_days;
}

function checkDays(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 0) invalid(`${name}: expected a whole number of days, 0 or more, got ${value}`);
  return value;
}

// ---- Transfers and consents -------------------------------------------------------------------

/**
 * "Assignment of Registration Rights": the rights pass with a transfer to a Controlled Affiliate,
 * as part of a pro rata distribution to partners or members, of at least 200,000 Registrable
 * Securities, or of all the Registrable Securities the holder then holds.
 */
export function rightsPassOnTransfer(
  transferred: number,
  held: number,
  toAffiliate: boolean,
  proRataDistribution: boolean,
  terms: Terms,
): boolean {
  checkShares(transferred, "transferred");
  checkShares(held, "held");
  if (transferred > held)
    invalid(`transferred: ${formatCount(transferred)} is more than the ${formatCount(held)} Registrable Securities held`);
  return toAffiliate || proRataDistribution || transferred >= terms.transfer_threshold_shares || transferred === held;
}

/** "Amendments, Waivers and Consents": more than half of the Registrable Securities outstanding. */
export function consentCarries(consenting: number, outstanding: number, terms: Terms): boolean {
  checkShares(consenting, "consenting");
  checkShares(outstanding, "outstanding");
  if (consenting > outstanding)
    invalid(`consenting: ${formatCount(consenting)} is more than the ${formatCount(outstanding)} Registrable Securities outstanding`);
  return exact(consenting).gt(exact(outstanding).times(terms.consent_majority));
}
