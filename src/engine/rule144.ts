// Rule 144 (17 CFR 230.144) as it bears on cessation (iii) of "Registrable Securities": holding
// periods (144(d)), the volume limit (144(e)) and the two regimes a sale date can fall under.
// Facts and sources: shared/docs/rule144.md.

import { andList, invalid, notAvailable, formatCount, listWords, RuleError } from "./errors";
import { edate, isoDate, serialFromDate, weekday, Serial } from "./dates";
import { checkShares, checkNonNegative, exact } from "./quantities";

/** Release 33-7390 took effect: one-year holding period, Rule 144(k) after two years. */
export const REGIME_1997_START: Serial = serialFromDate(1997, 4, 29);
/** Release 33-8869 took effect: six months for reporting issuers; chosen by the date of sale. */
export const REGIME_2008_START: Serial = serialFromDate(2008, 2, 15);

export type Regime = "1997" | "2008";
export type Venue = "exchange" | "otc";
export const VENUES: readonly Venue[] = ["exchange", "otc"];

export function parseVenue(text: string): Venue {
  const word = text.trim().toLowerCase();
  const venue = VENUES.find((v) => v === word);
  if (!venue)
    invalid(
      `venue: unknown venue "${text}"; expected ${listWords(VENUES)} (a national securities exchange, Nasdaq included, or over-the-counter only)`,
    );
  return venue;
}

/** The regime in force on a date of sale; before 29 Apr 1997 the model has no answer. */
export function regimeOn(saleDate: Serial, name: string): Regime {
  if (saleDate < REGIME_1997_START) {
    notAvailable(
      `${name}: a sale on ${isoDate(saleDate)} is before 1997-04-29, outside the modelled Rule 144 regimes (Releases 33-7390 and 33-8869)`,
    );
  }
  return saleDate >= REGIME_2008_START ? "2008" : "1997";
}

/** Holding period in months and the paragraph that sets it, under a regime. */
export function holdingPeriod(regime: Regime, reporting: boolean): HoldingPeriod {
  if (regime === "1997") return PERIOD_1997;
  return reporting ? PERIOD_2008_REPORTING : PERIOD_2008_OTHER;
}

export interface HoldingPeriod {
  readonly months: number;
  readonly paragraph: string;
  readonly label: string;
}

// One object per period, shared by every call (no allocation per row).
// Rule 144(d)(1) as Release 33-7390 left it: one year.
const PERIOD_1997: HoldingPeriod = Object.freeze({
  months: 12,
  paragraph: "Rule 144(d)(1)",
  label: "one year, Rule 144(d)(1), 1997 regime",
});
// Rule 144(d)(1)(i) (Release 33-8869): six months for a reporting issuer's securities.
const PERIOD_2008_REPORTING: HoldingPeriod = Object.freeze({
  months: 6,
  paragraph: "Rule 144(d)(1)(i)",
  label: "6 months, Rule 144(d)(1)(i), 2008 regime",
});
// Rule 144(d)(1)(ii): one year for a non-reporting issuer's.
const PERIOD_2008_OTHER: HoldingPeriod = Object.freeze({
  months: 12,
  paragraph: "Rule 144(d)(1)(ii)",
  label: "one year, Rule 144(d)(1)(ii), 2008 regime",
});

/** Convention (rule144.md): a period of N months "must elapse", so it is met the day after EDATE. */
function periodMet(acquired: Serial, months: number): Serial {
  return edate(acquired, months) + 1;
}

/**
 * First day on which the holding period is met for securities acquired (fully paid) on `acquired`,
 * with the regime chosen by the date of sale: one year under the 1997 regime; from 15 Feb 2008 six
 * months (reporting issuer) or one year. Conversion shares tack to the convertible's purchase date
 * (144(d)(3)(ii)), so pass that date. Where the one-year period would end on or after 15 Feb 2008
 * but the new period ended earlier, the new rule makes the sale possible on 15 Feb 2008 itself.
 */
export function holdingPeriodEnd(acquired: Serial, reporting: boolean): Serial {
  const oneYear = periodMet(acquired, 12);
  if (oneYear < REGIME_1997_START) {
    notAvailable(
      `acquired: the holding period would be met on ${isoDate(oneYear)}, before 1997-04-29, outside the modelled Rule 144 regimes (Releases 33-7390 and 33-8869)`,
    );
  }
  if (oneYear < REGIME_2008_START) return oneYear;
  return Math.max(periodMet(acquired, holdingPeriod("2008", reporting).months), REGIME_2008_START);
}

/**
 * Rule 144(e)(1): the most an affiliate may sell in any three months, the greater of 1% of the
 * class outstanding and the average weekly volume of the four calendar weeks before the Form 144
 * filing; over-the-counter securities get the 1% test alone (C&DI 133.02). Whole shares, floored.
 */
export function volumeLimit(outstanding: number, weeklyVolumes: readonly number[], venue: Venue): number {
  checkShares(outstanding, "outstanding");
  if (weeklyVolumes.length !== 4) invalid(`weekly_volumes: expected exactly four weekly volumes, got ${weeklyVolumes.length}`);
  let total = 0n;
  weeklyVolumes.forEach((v, i) => (total += BigInt(checkShares(v, `weekly_volumes (value ${i + 1})`))));
  const onePercent = BigInt(outstanding) / 100n;
  if (venue === "otc") return Number(onePercent);
  const average = total / 4n;
  return Number(average > onePercent ? average : onePercent);
}

export interface DailyVolume {
  date: Serial;
  volume: number;
}

/**
 * Average weekly volume over the four complete Sunday–Saturday weeks before the week containing
 * the filing date (Rule 144(e)(1)(ii); the calendar-week convention is rule144.md's). Days outside
 * those weeks are ignored; a week with no dated entry has no data and gives #N/A.
 */
export function averageWeeklyVolume(days: readonly DailyVolume[], filingDate: Serial): number {
  const filingWeekStart = filingDate - weekday(filingDate);
  const firstDay = filingWeekStart - 28;
  const weekTotals = [0n, 0n, 0n, 0n];
  const weekSeen = [false, false, false, false];
  for (const { date, volume } of days) {
    if (date < firstDay || date >= filingWeekStart) continue;
    const week = Math.floor((date - firstDay) / 7);
    weekTotals[week] += BigInt(volume);
    weekSeen[week] = true;
  }
  weekSeen.forEach((seen, week) => {
    if (!seen) {
      const start = firstDay + 7 * week;
      notAvailable(
        `dates: no trading day dated in the week ${isoDate(start)} to ${isoDate(start + 6)}, one of the four calendar weeks before the week of filing_date (${isoDate(filingDate)})`,
      );
    }
  });
  const total = weekTotals.reduce((a, b) => a + b, 0n);
  if (total > BigInt(Number.MAX_SAFE_INTEGER))
    invalid(`volumes: the four weeks total ${total.toString()} shares, too large to hold exactly`);
  return Number(total) / 4; // a quarter is exact in binary floating point
}

// ---- Cessation (iii): could all be sold under Rule 144 in three months? ----------------------------
//
// The paragraphs applied below, as 17 CFR 230.144 reads (current text, eCFR):
// - (b)(1)(i): a non-affiliate of a reporting issuer is not an underwriter "if all of the conditions
//   of paragraphs (c)(1) and (d) of this section are met. The requirements of paragraph (c)(1) of this
//   section shall not apply to restricted securities sold for the account of a person who is not an
//   affiliate of the issuer at the time of the sale and has not been an affiliate during the preceding
//   three months, provided a period of one year has elapsed since the later of the date the securities
//   were acquired from the issuer or from an affiliate of the issuer." So without current public
//   information (144(c)(1)) a non-affiliate waits one year, not six months.
// - (b)(1)(ii): a non-affiliate of a non-reporting issuer needs only "the condition of paragraph (d)".
// - (b)(2): an affiliate (or one within the 90 days before the sale) needs "all of the conditions of
//   this section", (c) included: without current public information an affiliate cannot sell under
//   Rule 144 at all.
// - (e)(1): "the amount of securities sold, together with all sales of securities of the same class
//   sold for the account of such person within the preceding three months, shall not exceed the
//   greatest of" the 1% and volume tests: shares already sold in the three months (sold_3m) use up
//   the limit.
// - (e)(3)(vi): "When two or more affiliates or other persons agree to act in concert for the purpose
//   of selling securities of an issuer, all securities of the same class sold for the account of all
//   such persons during any three-month period shall be aggregated for the purpose of determining the
//   limitation on the amount of securities sold".
// - 1997 regime (Release 33-7390): current public information (c) applied to every sale under the
//   rule except one by a non-affiliate after two years under old Rule 144(k) (the SEC's 2005 investor
//   guide: "If you are not an affiliate of the issuer and have held restricted securities for two
//   years, you can sell them without regard to the above conditions").

/** Affiliates whose sales are aggregated under Rule 144(e)(3)(vi): the totals of one group. */
export interface GroupTotal {
  /** The label as the user typed it (first row of the group). */
  label: string;
  /** Row numbers (1-based) of the group's affiliate rows, this one included. */
  rows: readonly number[];
  registrable: bigint;
  sold3m: bigint;
}

export interface CessationInput {
  /** The holder's Registrable Securities, as converted and aggregated for the holder. */
  registrable: number;
  /** Is, or was within the three months before as_of, an affiliate of the issuer. */
  affiliate: boolean;
  acquired: Serial;
  asOf: Serial;
  volumeLimit: number;
  reporting: boolean;
  /** Rule 144(c): the issuer is current in its Exchange Act reports (or public information). Default TRUE. */
  currentInfo?: boolean;
  /** Shares (as common) sold in the three months before as_of, which count against the volume limit. Default 0. */
  sold3m?: number;
  /** For an affiliate acting in concert with others (Rule 144(e)(3)(vi)): the group's totals. */
  group?: GroupTotal;
}

export interface Cessation {
  ceased: boolean;
  /** One sentence for the margin: outcome, binding reason, dates or numbers, regime, paragraph. */
  explanation: string;
}

/** "row 3" or "rows 1, 2 and 4". */
export function listRows(rows: readonly number[]): string {
  return `${rows.length === 1 ? "row" : "rows"} ${andList(rows.map(String))}`;
}

interface Checked {
  registrable: number;
  limit: number;
  sold3m: number;
  currentInfo: boolean;
}

/** The volume limit in whole shares: no fraction of a share can be sold. */
function capOf(limit: number): bigint {
  return BigInt(Math.floor(limit));
}

/**
 * The inputs every date shares. Shares sold in three months above the volume limit are impossible
 * for an affiliate selling under Rule 144(e)(1) ("shall not exceed"), so they are an error naming
 * sold_3m rather than a negative room.
 */
function checkCessation(input: Omit<CessationInput, "asOf">): Checked {
  const registrable = checkShares(input.registrable, "registrable");
  const limit = checkNonNegative(input.volumeLimit, "volume_limit", "a volume limit in shares");
  const sold3m = checkShares(input.sold3m ?? 0, "sold_3m");
  if (input.affiliate) {
    const g = input.group;
    // Without a group, as numbers: a safe integer against a whole double compares exactly.
    if (g ? g.sold3m > capOf(limit) : sold3m > Math.floor(limit)) {
      const cap = capOf(limit);
      const sold = g ? g.sold3m : BigInt(sold3m);
      const whose = g
        ? `group "${g.label}" (${listRows(g.rows)}) sold ${formatCount(sold)} shares in the last three months together, more than`
        : `${formatCount(sold)} shares sold in the last three months are more than`;
      invalid(
        `sold_3m: ${whose} the volume limit of ${formatCount(limit)}; an affiliate's Rule 144 sales in three months cannot exceed the limit (Rule 144(e)(1)${g ? ", (e)(3)(vi)" : ""}), so expected 0 to ${formatCount(cap)}`,
      );
    }
  }
  return { registrable, limit, sold3m, currentInfo: input.currentInfo ?? true };
}

/**
 * The volume-limit test (Rule 144(e)(1)): registrable + sold_3m ≤ the limit, for the group's totals
 * where the holder is an affiliate acting in concert.
 */
function withinVolume(input: Omit<CessationInput, "asOf">, c: Checked): boolean {
  const g = input.affiliate ? input.group : undefined;
  if (g) return g.registrable + g.sold3m <= capOf(c.limit);
  // Safe integers and a whole cap below 2^53: cap − sold is exact, so no BigInt for each row.
  const cap = Math.floor(c.limit);
  if (cap <= Number.MAX_SAFE_INTEGER) return c.registrable <= cap - c.sold3m;
  return BigInt(c.registrable) + BigInt(c.sold3m) <= capOf(c.limit);
}

/**
 * The volume test's clause of the sentence. `who` opens it ("affiliate, …") unless the sales lead
 * it; then `inner` goes inside the closing parenthesis ("affiliate, ").
 */
function volumeClause(
  input: Omit<CessationInput, "asOf">,
  c: Checked,
  regime: Regime,
  within: boolean,
  who: string,
  inner: string,
): string {
  const g = input.affiliate ? input.group : undefined;
  const reg = g ? g.registrable : BigInt(c.registrable);
  const sold = g ? g.sold3m : BigInt(c.sold3m);
  const cap = capOf(c.limit);
  const paragraph = g ? `Rule 144(e)(1), (e)(3)(vi), ${regime} regime` : `Rule 144(e)(1), ${regime} regime`;
  if (sold === 0n && !g) {
    return `${who}, ${formatCount(reg)} registrable shares ${within ? "are within" : "exceed"} the volume limit of ${formatCount(c.limit)} for three months (${paragraph})`;
  }
  if (sold === 0n && g) {
    return `${who}, group "${g.label}" (${listRows(g.rows)}) holds ${formatCount(reg)} registrable shares together, ${within ? "within" : "above"} the volume limit of ${formatCount(c.limit)} for three months (affiliates acting in concert, ${paragraph})`;
  }
  const whose = g ? `group "${g.label}" (${listRows(g.rows)}): ` : "";
  const shares = g ? `the group's ${formatCount(reg)} registrable shares` : `the ${formatCount(reg)} registrable shares`;
  return `${whose}${formatCount(sold)} sold in the last three months leave room for ${formatCount(sold > cap ? 0n : cap - sold)} of ${formatCount(c.limit)}, ${within ? "enough for" : "fewer than"} ${shares} (${inner}${g ? "acting in concert, " : ""}${paragraph})`;
}

/**
 * Cessation (iii) of "Registrable Securities": could all of the holder's Registrable Securities be
 * sold under Rule 144 within one three-month period starting on as_of? The regime is the one in
 * force on as_of (Release 33-8869 applies by date of sale), and the reading is the holder's present
 * ability on as_of: a holding period that ends, or a regime change that falls, later in the window
 * does not count yet (cessationDate gives that forward date).
 */
export function assessCessation(input: CessationInput): Cessation {
  return judge(input, true);
}

/**
 * assessCessation(input).ceased, without writing the sentence (RR.RULE144.CEASED): the same
 * decision, the same refusals of bad input.
 */
export function hasCeased(input: CessationInput): boolean {
  return judge(input, false).ceased;
}

/**
 * assessCessation's decision; the sentence is written only when `explain` is set, and nothing is
 * allocated for a row without it (RR.RULE144.CEASED runs this for every row of a cap table).
 * Everything that can refuse the input is computed whether or not it is: the sentences only format.
 */
function judge(input: CessationInput, explain: boolean): Cessation {
  const c = checkCessation(input);
  const { acquired, asOf, affiliate, reporting } = input;
  const regime = regimeOn(asOf, "as_of");
  const period = holdingPeriod(regime, reporting);
  const metOn = periodMet(acquired, period.months);

  // 144(b)(2): an affiliate needs every condition, (c) included; no date cures it.
  if (affiliate && !c.currentInfo) {
    if (!explain) return NOT_CEASED;
    return said(
      false,
      `Not ceased: affiliate, and ${reporting ? "the issuer is not current in its Exchange Act reports" : "adequate current public information about the issuer is not available"}, without which an affiliate cannot sell under Rule 144 (${regime === "2008" ? `Rule 144(b)(2), ${reporting ? "(c)(1)" : "(c)(2)"}` : "Rule 144(c)"}, ${regime} regime).`,
    );
  }

  if (asOf < metOn) {
    const firstSale = holdingPeriodEnd(acquired, reporting); // may refuse (#N/A): not deferred
    if (!explain) return NOT_CEASED;
    const saleRegime: Regime = firstSale >= REGIME_2008_START ? "2008" : "1997";
    const note = holdingPeriod(saleRegime, reporting).label;
    const switchNote = saleRegime !== regime ? `; ${regime} regime on as_of` : "";
    // A non-affiliate of a non-reporting issuer needs only (d) under the 2008 regime (144(b)(1)(ii)).
    const infoMatters = !c.currentInfo && (reporting || regime === "1997");
    const info = infoMatters ? `; and the issuer is not current in its reports (${reporting ? "Rule 144(c)(1)" : "Rule 144(c)(2)"})` : "";
    return said(false, `Not ceased: holding period not met until ${isoDate(firstSale)} (${note}${switchNote})${info}.`);
  }

  if (!affiliate && regime === "2008") {
    if (!c.currentInfo && reporting) {
      // 144(b)(1)(i): without (c)(1) information a non-affiliate waits until one year has elapsed.
      const oneYear = periodMet(acquired, 12);
      if (asOf < oneYear) {
        if (!explain) return NOT_CEASED;
        return said(
          false,
          `Not ceased: non-affiliate, and the issuer is not current in its Exchange Act reports, so one year must elapse, on ${isoDate(oneYear)} (Rule 144(b)(1)(i), (c)(1), 2008 regime).`,
        );
      }
      if (!explain) return CEASED;
      return said(
        true,
        `Ceased: non-affiliate, held one year on ${isoDate(oneYear)}, so current public information is not required (Rule 144(b)(1)(i), 2008 regime).`,
      );
    }
    if (!explain) return CEASED;
    return said(true, `Ceased: non-affiliate, ${held(metOn, period)}.`);
  }
  if (!affiliate) {
    // Rule 144(k) (1997 regime): a non-affiliate sells freely after two years.
    const twoYears = periodMet(acquired, 24);
    if (asOf >= twoYears) {
      if (!explain) return CEASED;
      return said(true, `Ceased: non-affiliate, held two years on ${isoDate(twoYears)} (Rule 144(k), 1997 regime).`);
    }
    if (!c.currentInfo) {
      if (!explain) return NOT_CEASED;
      return said(
        false,
        `Not ceased: non-affiliate held less than two years (Rule 144(k) not until ${isoDate(twoYears)}), and the issuer is not current in its reports, which a sale before then needs (Rule 144(c), 1997 regime).`,
      );
    }
    const within = withinVolume(input, c);
    if (!explain) return within ? CEASED : NOT_CEASED;
    const who = `non-affiliate held less than two years (Rule 144(k) not until ${isoDate(twoYears)})`;
    const inner = `non-affiliate held less than two years, Rule 144(k) not until ${isoDate(twoYears)}; `;
    return volumeSentence(within, volumeClause(input, c, regime, within, who, inner), metOn, period);
  }
  const within = withinVolume(input, c);
  if (!explain) return within ? CEASED : NOT_CEASED;
  return volumeSentence(within, volumeClause(input, c, regime, within, "affiliate", "affiliate, "), metOn, period);
}

function held(metOn: Serial, period: HoldingPeriod): string {
  return `holding period met on ${isoDate(metOn)} (${period.label})`;
}

function volumeSentence(within: boolean, clause: string, metOn: Serial, period: HoldingPeriod): Cessation {
  return within ? said(true, `Ceased: ${clause}; ${held(metOn, period)}.`) : said(false, `Not ceased: ${clause}.`);
}

// The answer without its sentence, shared (hasCeased reads only `ceased`).
const CEASED: Cessation = Object.freeze({ ceased: true, explanation: "" });
const NOT_CEASED: Cessation = Object.freeze({ ceased: false, explanation: "" });

function said(ceased: boolean, explanation: string): Cessation {
  return { ceased, explanation };
}

/**
 * RR.RULE144.CEASEDATE: the first date on or after `from` on which assessCessation is TRUE with the
 * other inputs held fixed, across the 15 Feb 2008 regime change. The answer can only change on a
 * few dates (the 6-, 12- and 24-month marks after acquisition and 2008-02-15), so those dates and
 * `from` itself are tested in order. Default `from`: 1997-04-29 or acquired, whichever is later;
 * dates before 1997-04-29 are outside the model, so the search never starts earlier. #N/A when it
 * never happens at these inputs (an affiliate above the volume limit, or without current information).
 */
export function cessationDate(input: Omit<CessationInput, "asOf">, from?: Serial): Serial {
  checkCessation(input);
  const start = Math.max(from ?? Math.max(REGIME_1997_START, input.acquired), REGIME_1997_START);
  const candidates = new Set<Serial>([start]);
  for (const months of [6, 12, 24]) {
    let date: Serial;
    try {
      date = periodMet(input.acquired, months);
    } catch {
      continue; // past 9999-12-31: no such date
    }
    if (date > start) candidates.add(date);
  }
  if (REGIME_2008_START > start) candidates.add(REGIME_2008_START);
  let last: Cessation | undefined;
  for (const date of [...candidates].sort((a, b) => a - b)) {
    last = assessCessation({ ...input, asOf: date });
    if (last.ceased) return date;
  }
  const reason = last!.explanation.replace(/^Not ceased: /, "").replace(/\.$/, "");
  return notAvailable(
    `never: with these inputs held fixed the holder's Rule 144 position never lets all be sold in three months (${reason})`,
  );
}

// ---- The dribble-out count ------------------------------------------------------------------------

/**
 * RR.RULE144.WINDOWS: how many consecutive three-month periods an affiliate needs to sell all of
 * `registrable` under the volume limit (Rule 144(e)(1)), the first period's room reduced by the
 * shares sold in the three months before. 0 shares need 0 periods; a limit below one share never
 * sells anything (#N/A). Whole shares: a fractional limit allows its whole part.
 */
export function dribbleWindows(registrable: number, volumeLimit: number, sold3m: number): number {
  const c = checkCessation({ registrable, volumeLimit, sold3m, affiliate: true, acquired: 0, reporting: true });
  const reg = BigInt(c.registrable);
  if (reg === 0n) return 0;
  const cap = capOf(c.limit);
  const room = cap - BigInt(c.sold3m);
  if (reg <= room) return 1;
  if (cap === 0n) {
    notAvailable(
      `volume_limit: is ${formatCount(c.limit)}, less than one share, so no shares can be sold in any three months under Rule 144(e)(1) and ${formatCount(reg)} registrable shares never sell out`,
    );
  }
  return Number(1n + (reg - room + cap - 1n) / cap);
}

// ---- Form 144 -------------------------------------------------------------------------------------

/**
 * Rule 144(h) thresholds by regime. Current text (h)(1): "the amount of securities to be sold in
 * reliance upon this rule during any period of three months exceeds 5,000 shares or other units or
 * has an aggregate sale price in excess of $50,000" — both strict (exactly 5,000 shares or $50,000
 * needs no notice). Release 33-8869 ("increase the Form 144 filing thresholds"; in practitioners'
 * summaries, "For affiliates' sales, increase the thresholds … to either 5,000 shares or $50,000
 * within a three-month period (up from the current 500 shares or $10,000)" and "Holders who are
 * non-affiliates of the issuer will no longer be required to file a Form 144"): from 15 Feb 2008
 * only affiliates file, since a non-affiliate's sale needs only paragraphs (c)(1) and (d)
 * (144(b)(1)). Before: the old Form 144 instruction, "The filing of Form 144 is not required in any
 * case where the amount of stock to be sold during any three (3) month period does not exceed 500
 * shares and the aggregate sale value does not exceed $10,000", for every seller relying on the rule,
 * non-affiliates within the two years before Rule 144(k) included.
 */
export const FORM144_THRESHOLDS: Readonly<Record<Regime, { shares: number; amount: number; affiliatesOnly: boolean }>> = {
  "1997": { shares: 500, amount: 10_000, affiliatesOnly: false },
  "2008": { shares: 5_000, amount: 50_000, affiliatesOnly: true },
};

/**
 * Is a notice on Form 144 required for sales in reliance on Rule 144 of `shares` with an aggregate
 * sale price of `amount` in one three-month period (Rule 144(h)), the regime chosen by the date of
 * sale? The 1997 answer is for a sale under the rule's conditions: a non-affiliate selling after two
 * years under old Rule 144(k) files nothing.
 */
export function form144Required(shares: number, amount: number, affiliate: boolean, saleDate: Serial): boolean {
  const count = checkShares(shares, "shares");
  const price = checkNonNegative(amount, "amount", "an aggregate sale price in dollars");
  const t = FORM144_THRESHOLDS[regimeOn(saleDate, "sale_date")];
  if (t.affiliatesOnly && !affiliate) return false;
  return count > t.shares || exact(price).gt(t.amount);
}

// ---- Groups acting in concert (Rule 144(e)(3)(vi)) ------------------------------------------------

/** One row as the group test needs it; `unreadable` when its own inputs are bad (it shows its own error). */
export type GroupRow =
  | { label: null }
  | { label: string; unreadable: true }
  | { label: string; unreadable?: false; affiliate: boolean; registrable: number; sold3m: number; volumeLimit: number };

/**
 * Rows with the same non-blank label (trimmed, case-insensitive, as Excel compares text) are persons
 * acting in concert; for those that are affiliates, registrable and sold_3m are summed and tested
 * against one volume limit, which every such row must give. Per row: its group's totals, an error
 * for every affiliate row of a group that cannot be tested (different limits, or a member row whose
 * input is bad), or undefined (no label, or not an affiliate: tested on its own).
 */
export function aggregateGroups(rows: readonly GroupRow[]): (GroupTotal | RuleError | undefined)[] {
  const groups = new Map<string, { label: string; members: number[]; unreadable: number[] }>();
  rows.forEach((row, i) => {
    if (row.label === null) return;
    const key = row.label.trim().toLowerCase();
    const group = groups.get(key) ?? { label: row.label.trim(), members: [], unreadable: [] };
    groups.set(key, group);
    if (row.unreadable) group.unreadable.push(i);
    else if (row.affiliate) group.members.push(i);
  });
  const out = new Array<GroupTotal | RuleError | undefined>(rows.length).fill(undefined);
  for (const { label, members, unreadable } of groups.values()) {
    if (members.length === 0) continue;
    const numbered = members.map((i) => i + 1);
    let problem: RuleError | undefined;
    if (unreadable.length > 0) {
      const bad = unreadable.map((i) => i + 1);
      problem = new RuleError(
        `group: the total of group "${label}" is unknown because ${listRows(bad)} ${bad.length === 1 ? "has" : "have"} bad input (see ${bad.length === 1 ? "its cell" : "their cells"}); the affiliates of a group are tested together (Rule 144(e)(3)(vi))`,
      );
    } else {
      const limits = members.map((i) => (rows[i] as { volumeLimit: number }).volumeLimit);
      if (limits.some((l) => l !== limits[0])) {
        const each = members.map((i, k) => `row ${i + 1}: ${formatCount(limits[k])}`).join("; ");
        problem = new RuleError(
          `group: the rows of group "${label}" (${listRows(numbered)}) give different volume limits (${each}); affiliates acting in concert are tested against one volume limit (Rule 144(e)(3)(vi)), so give every row of the group the same volume_limit`,
        );
      }
    }
    if (problem) {
      for (const i of members) out[i] = problem;
      continue;
    }
    let registrable = 0n;
    let sold3m = 0n;
    for (const i of members) {
      const row = rows[i] as { registrable: number; sold3m: number };
      registrable += BigInt(checkShares(row.registrable, "registrable"));
      sold3m += BigInt(checkShares(row.sold3m, "sold_3m"));
    }
    const total: GroupTotal = { label, rows: numbered, registrable, sold3m };
    for (const i of members) out[i] = total;
  }
  return out;
}
