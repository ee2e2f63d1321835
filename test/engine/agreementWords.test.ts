// Inputs that decide the agreement rules the mutation run over src/engine/agreement.ts left
// undecided (test/README.md): the six-month rule's wording for every period, the deferral when
// there was no earlier registration, and the last day Excel's calendar holds.
import { serialFromDate as D, MAX_SERIAL } from "../../src/engine/dates";
import { checkDemand, describeDemand, earlyDemandDeadline, shelfEnd, type DemandInput } from "../../src/engine/agreement";
import { DEFAULT_TERMS, termsWith } from "../../src/engine/terms";
import { DEMAND_OK } from "../support/demandInput";

const months = (n: number) => termsWith([{ name: "months_between_registrations", value: n, where: "test" }]);

describe('the six-month rule in words ("Number of Requests; Form")', () => {
  // A registration on 2001-06-01 defers a request dated the next day; the sentence words the
  // period as the agreement does ("six (6) months"), in figures past twelve.
  const input: DemandInput = { ...DEMAND_OK, requestDate: D(2001, 6, 2), lastRegistration: D(2001, 6, 1) };
  test.each([
    [1, "one month"],
    [2, "two months"],
    [3, "three months"],
    [4, "four months"],
    [5, "five months"],
    [6, "six months"],
    [7, "seven months"],
    [8, "eight months"],
    [9, "nine months"],
    [10, "ten months"],
    [11, "eleven months"],
    [12, "twelve months"],
    [13, "13 months"],
    [18, "18 months"],
    // A period of 0 months defers only a request dated before the last registration itself.
    [0, "0 months"],
  ])("%i → %s", (n, words) => {
    const terms = months(n);
    const outcome = checkDemand(n === 0 ? { ...input, requestDate: D(2001, 5, 31) } : input, terms);
    expect(outcome.ok).toBe(true);
    expect(describeDemand(outcome, terms)).toMatch(
      new RegExp(`^OK; effect on or after \\d{4}-\\d{2}-\\d{2} \\(at most one registration in ${words}, `),
    );
  });
});

test("no earlier registration defers nothing, even for a request in Excel's first months", () => {
  // EDATE(0, 6) would be 1900-06-30: a rule that ran without a last registration would defer a
  // request dated 1900-03-01 to it.
  const outcome = checkDemand({ ...DEMAND_OK, requestDate: D(1900, 3, 1), closingDate: D(1900, 1, 1) }, DEFAULT_TERMS);
  expect(outcome.effectOnOrAfter).toBeNull();
});

describe("periods that end on or past 9999-12-31, Excel's last date (serial 2,958,465)", () => {
  const days = DEFAULT_TERMS.early_demand_days;
  test("a notice whose early-demand window ends on 9999-12-31 itself is accepted", () => {
    const notice = MAX_SERIAL - days;
    expect(earlyDemandDeadline(D(9998, 1, 1), notice, DEFAULT_TERMS)).toBe(MAX_SERIAL);
  });
  test("one day later is refused, naming notice_date", () => {
    const notice = MAX_SERIAL - days + 1;
    expect(() => earlyDemandDeadline(D(9998, 1, 1), notice, DEFAULT_TERMS)).toThrow(
      `notice_date: ${days} days after 9999-12-${31 - days + 1} is past 9999-12-31`,
    );
  });
  const shelf = DEFAULT_TERMS.effectiveness_days;
  test("a shelf period ending on 9999-12-31 itself is accepted", () => {
    expect(shelfEnd(MAX_SERIAL - shelf, 0, DEFAULT_TERMS)).toBe(MAX_SERIAL);
  });
  test("one day later is refused, naming effective_date", () => {
    const start = MAX_SERIAL - shelf + 1;
    expect(() => shelfEnd(start, 0, DEFAULT_TERMS)).toThrow(/^effective_date: the period from \d{4}-\d{2}-\d{2} ends past 9999-12-31$/);
  });
});
