// Rule 144 (17 CFR 230.144) as it bears on cessation (iii) of "Registrable Securities": holding
// periods (144(d)), the volume limit (144(e)) and the two regimes a sale date can fall under.
// Facts and sources: shared/docs/rule144.md.

import { invalid, notAvailable, formatCount, listWords } from "./errors";
import { edate, isoDate, serialFromDate, weekday, Serial } from "./dates";
import { checkShares, checkNonNegative } from "./quantities";

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
const PERIOD_1997: HoldingPeriod = Object.freeze({
  months: 12,
  paragraph: "Rule 144(d)(1)",
  label: "one year, Rule 144(d)(1), 1997 regime",
});
const PERIOD_2008_REPORTING: HoldingPeriod = Object.freeze({
  months: 6,
  paragraph: "Rule 144(d)(1)(i)",
  label: "6 months, Rule 144(d)(1)(i), 2008 regime",
});
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

export interface CessationInput {
  /** The holder's Registrable Securities, as converted and aggregated for the holder. */
  registrable: number;
  /** Is, or was within the three months before as_of, an affiliate of the issuer. */
  affiliate: boolean;
  acquired: Serial;
  asOf: Serial;
  volumeLimit: number;
  reporting: boolean;
}

export interface Cessation {
  ceased: boolean;
  /** One sentence for the margin: outcome, binding reason, dates or numbers, regime, paragraph. */
  explanation: string;
}

/**
 * Cessation (iii) of "Registrable Securities": could all of the holder's Registrable Securities be
 * sold under Rule 144 within one three-month period starting on as_of? The regime is the one in
 * force on as_of (Release 33-8869 applies by date of sale).
 */
export function assessCessation(input: CessationInput): Cessation {
  const registrable = checkShares(input.registrable, "registrable");
  const limit = checkNonNegative(input.volumeLimit, "volume_limit", "a volume limit in shares");
  const { acquired, asOf, affiliate, reporting } = input;
  const regime = regimeOn(asOf, "as_of");
  const period = holdingPeriod(regime, reporting);
  const metOn = periodMet(acquired, period.months);

  if (asOf < metOn) {
    const firstSale = holdingPeriodEnd(acquired, reporting); // may refuse (#N/A): not deferred
    return outcome(false, () => {
      const saleRegime: Regime = firstSale >= REGIME_2008_START ? "2008" : "1997";
      const note = holdingPeriod(saleRegime, reporting).label;
      const switchNote = saleRegime !== regime ? `; ${regime} regime on as_of` : "";
      return `Not ceased: holding period not met until ${isoDate(firstSale)} (${note}${switchNote}).`;
    });
  }

  // The sentences are built only when read (RR.RULE144.STATUS); RR.RULE144.CEASED reads `ceased`.
  // Everything that can refuse the input is computed before; the sentences only format.
  const held = () => `holding period met on ${isoDate(metOn)} (${period.label})`;
  const within = registrable <= limit;
  const volume = () =>
    `${formatCount(registrable)} registrable shares ${within ? "are within" : "exceed"} the volume limit of ${formatCount(limit)} for three months (Rule 144(e)(1), ${regime} regime)`;

  if (!affiliate && regime === "2008") {
    return outcome(true, () => `Ceased: non-affiliate, ${held()}.`);
  }
  if (!affiliate) {
    const twoYears = periodMet(acquired, 24);
    if (asOf >= twoYears) {
      return outcome(true, () => `Ceased: non-affiliate, held two years on ${isoDate(twoYears)} (Rule 144(k), 1997 regime).`);
    }
    const who = () => `non-affiliate held less than two years (Rule 144(k) not until ${isoDate(twoYears)})`;
    return within
      ? outcome(true, () => `Ceased: ${who()}, ${volume()}; ${held()}.`)
      : outcome(false, () => `Not ceased: ${who()}, ${volume()}.`);
  }
  return within
    ? outcome(true, () => `Ceased: affiliate, ${volume()}; ${held()}.`)
    : outcome(false, () => `Not ceased: affiliate, ${volume()}.`);
}

/** A cessation whose explanation is written on first read. */
function outcome(ceased: boolean, explain: () => string): Cessation {
  return new Outcome(ceased, explain);
}

class Outcome implements Cessation {
  private text: string | undefined;
  constructor(
    readonly ceased: boolean,
    private readonly explain: () => string,
  ) {}
  get explanation(): string {
    return (this.text ??= this.explain());
  }
}
