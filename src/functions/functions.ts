// The RR worksheet functions (formula contract, shared/docs/formulas.md §1–§5 and RR.TERMS). The JSDoc of each
// declaration is its help in Excel: custom-functions-metadata turns it into functions.json at build
// time and registers each function under its id. Bodies stay one line: the work is in ./adapters.
//
// Arguments typed any[][] take one value or a one-column / one-row range and spill one result per
// row; a bad row gives an error in its own cell only. Arguments typed any take one value. How
// blank cells, error values and data types are read (the same on every host): ./excel.

import * as rr from "./adapters";
import * as agreement from "./agreementAdapters";
// Before the build's appended CustomFunctions.associate calls run: outside Office there is no
// CustomFunctions to register with (see ./registration).
import "./registration";

/**
 * Registrable Securities held, as common shares: common + floor(convertible × ratio) − disposed, or 0 once cessation (iii) applies. Definition of "Registrable Securities" and its cessation clauses (i)–(iii). Fractional shares from conversion are dropped per holder, since none are issued. Spills one result per row.
 * @customfunction REGISTRABLE REGISTRABLE
 * @helpurl https://localhost:3000/help/functions.html#rr-registrable
 * @example =RR.REGISTRABLE(100, 10, 1.5) → 115
 * @clause Definition of "Registrable Securities"; cessation (i), (ii) and (iii)
 * @param common Common shares held that are Registrable Securities (issued or issuable under the purchase agreement, or by split or dividend on them). Whole shares; one value or a column.
 * @param convertible Convertible shares held (the Series B Preferred). Whole shares; one value or a column.
 * @param ratio Common shares issuable per convertible share. Needed only where convertible shares are held, and then greater than 0 (a blank cell reads as 0 and is then an error naming ratio); blank for a common-only holder.
 * @param [disposed] Registrable Securities (as common) already sold under an effective registration statement or publicly distributed under an exemption: cessation (i) and (ii). Default 0; more than the holder's count is an error.
 * @param [ceased] TRUE when cessation (iii), Rule 144, applies to the holder (see RR.RULE144.CEASED): the result is then 0. Default FALSE.
 * @returns Whole shares per row.
 */
export function registrable(common: any[][], convertible: any[][], ratio: any[][], disposed?: any[][], ceased?: any[][]): any[][] {
  return rr.registrable(common, convertible, ratio, disposed, ceased);
}

/**
 * Rule 144(e)(1) volume limit: the most an affiliate may sell in any three months, floor(max(1% of the class outstanding, average of the four weekly volumes)). Over-the-counter securities get the 1% test alone (C&DI 133.02). Selling exactly the limit is allowed ("shall not exceed").
 * @customfunction RULE144.VOLUME RULE144.VOLUME
 * @helpurl https://localhost:3000/help/functions.html#rr-rule144-volume
 * @example =RR.RULE144.VOLUME(1840000, {15000,17200,19600,18100}) → 18,400
 * @clause Rule 144(e)(1); C&DI 133.02
 * @param outstanding Shares of the class outstanding as shown by the issuer's most recent report. Whole shares.
 * @param weekly_volumes Exactly four weekly trading volumes: the four calendar weeks before the Form 144 filing (order does not matter; RR.RULE144.WEEKLY gives their average from daily data).
 * @param [venue] "exchange" (default, also for a blank cell: a national securities exchange, Nasdaq included) or "otc" (quoted only over the counter: 1% test alone).
 * @returns Whole shares.
 */
export function rule144Volume(outstanding: any, weekly_volumes: any[][], venue?: any): any {
  return rr.rule144Volume(outstanding, weekly_volumes, venue);
}

/**
 * Average weekly trading volume for Rule 144(e)(1)(ii): the sum of the daily volumes dated in the four complete Sunday–Saturday weeks before the week containing the filing date, divided by four. Days outside those weeks are ignored; a week with no dated entry gives #N/A naming it (a week of zeros is data). The calendar-week reading is this add-in's convention.
 * @customfunction RULE144.WEEKLY RULE144.WEEKLY
 * @helpurl https://localhost:3000/help/functions.html#rr-rule144-weekly
 * @example =RR.RULE144.WEEKLY(A2:A40, B2:B40, DATE(2024,5,15)) → the average of the weeks 14 Apr – 11 May 2024
 * @clause Rule 144(e)(1)(ii)
 * @param dates Trading dates, as Excel dates (text dates are an error). A column or row; rows blank (or 0) in both dates and volumes are skipped, so the range may run past the data.
 * @param volumes Shares traded on each date, same length as dates; a blank volume is 0 shares.
 * @param filing_date Date the Form 144 is filed (Rule 144(h)).
 * @returns Shares per week (may have a fraction of a quarter share).
 */
export function rule144Weekly(dates: any[][], volumes: any[][], filing_date: any): any {
  return rr.rule144Weekly(dates, volumes, filing_date);
}

/**
 * First day on which the Rule 144(d) holding period is met, with the regime chosen by the date of sale: from 15 Feb 2008 six months (reporting issuer, 144(d)(1)(i)) or one year (144(d)(1)(ii)); from 29 Apr 1997 to 14 Feb 2008 one year. A period of N months is met on EDATE(acquired, N) + 1 (the conservative reading of "must elapse"); where only the 2008 rule ends it earlier, the result is 15 Feb 2008. Sales before 29 Apr 1997 are outside the model (#N/A).
 * @customfunction RULE144.HOLDEND RULE144.HOLDEND
 * @helpurl https://localhost:3000/help/functions.html#rr-rule144-holdend
 * @example =RR.RULE144.HOLDEND(DATE(2007,6,1)) → 2008-02-15
 * @clause Rule 144(d)(1), (d)(3)(ii); Releases 33-7390 and 33-8869
 * @param acquired Date the securities were acquired and fully paid. For conversion shares, the date the convertible was paid for (144(d)(3)(ii) tacking).
 * @param [reporting] TRUE (default) when the issuer has been an Exchange Act reporting company for at least 90 days; a blank cell reads as FALSE.
 * @returns A date serial per row (format the cells as dates).
 */
export function rule144HoldEnd(acquired: any[][], reporting?: any[][]): any[][] {
  return rr.rule144HoldEnd(acquired, reporting);
}

/**
 * Cessation (iii) of "Registrable Securities": TRUE when all the holder's Registrable Securities could be sold under Rule 144 in one three-month period, judged on as_of under the rules in force on as_of. Reading: the holder's present ability to sell on as_of; a holding period that ends, or the 2008 regime change that falls, later in the window does not count yet (RR.RULE144.CEASEDATE gives that forward date). FALSE while the holding period (RR.RULE144.HOLDEND, regime by as_of) is not met. 2008 regime: non-affiliate TRUE; affiliate TRUE when registrable ≤ volume_limit − sold_3m. 1997 regime: non-affiliate held two years (Rule 144(k)) TRUE; otherwise registrable ≤ volume_limit − sold_3m. Without current public information (current_info FALSE, Rule 144(c)): an affiliate is never ceased; a non-affiliate of a reporting issuer needs one year, not six months (144(b)(1)(i): "The requirements of paragraph (c)(1) of this section shall not apply … provided a period of one year has elapsed"), and under the 1997 regime two years (Rule 144(k)). Rows with the same group label that are affiliates are tested together (144(e)(3)(vi)): their registrable and sold_3m summed against one volume_limit.
 * @customfunction RULE144.CEASED RULE144.CEASED
 * @helpurl https://localhost:3000/help/functions.html#rr-rule144-ceased
 * @example =RR.RULE144.CEASED(10000, FALSE, DATE(2007,12,1), DATE(2008,7,1), 18400) → TRUE
 * @clause Cessation (iii) of "Registrable Securities"; Rule 144(b), (d), (e), (k)
 * @param registrable The holder's Registrable Securities, as converted and aggregated for the holder (Rule 144(e)(3)). Whole shares.
 * @param affiliate TRUE when the holder is, or was within the three months before as_of, an affiliate of the issuer.
 * @param acquired Date acquired and paid for (the convertible's purchase date for conversion shares, 144(d)(3)(ii)).
 * @param as_of First day of the three-month period tested; chooses the regime.
 * @param volume_limit Rule 144(e)(1) limit in shares, usually RR.RULE144.VOLUME(...).
 * @param [reporting] TRUE (default) when the issuer has reported under the Exchange Act for at least 90 days.
 * @param [current_info] TRUE (default) when the issuer is current in its Exchange Act reports (Rule 144(c)(1); for a non-reporting issuer, public information under (c)(2)); a blank cell reads as FALSE.
 * @param [sold_3m] Shares (as common) the holder sold in the three months before as_of; they count against the volume limit ("together with all sales … within the preceding three months", 144(e)(1)). Blank = 0; for an affiliate more than volume_limit is an error.
 * @param [group] A label per row (text): rows with the same label are persons acting in concert (144(e)(3)(vi)), e.g. funds of one sponsor; their affiliate rows are tested together and must give the same volume_limit. Blank = no group.
 * @returns TRUE or FALSE per row.
 */
export function rule144Ceased(
  registrable: any[][],
  affiliate: any[][],
  acquired: any[][],
  as_of: any[][],
  volume_limit: any[][],
  reporting?: any[][],
  current_info?: any[][],
  sold_3m?: any[][],
  group?: any[][],
): any[][] {
  return rr.rule144Ceased(registrable, affiliate, acquired, as_of, volume_limit, reporting, current_info, sold_3m, group);
}

/**
 * The RR.RULE144.CEASED test as one sentence for the margin: the outcome ("Ceased:" or "Not ceased:"), the binding reason (holding period, current public information, the room left by sales in the last three months, a group's total, Rule 144(k)), the dates or numbers involved, the regime and the paragraph of Rule 144. Same inputs and reading as RR.RULE144.CEASED (present ability on as_of).
 * @customfunction RULE144.STATUS RULE144.STATUS
 * @helpurl https://localhost:3000/help/functions.html#rr-rule144-status
 * @example =RR.RULE144.STATUS(10000, FALSE, DATE(2007,12,1), DATE(2008,7,1), 18400) → Ceased: non-affiliate, holding period met on 2008-06-02 (6 months, Rule 144(d)(1)(i), 2008 regime).
 * @clause Cessation (iii) of "Registrable Securities"; Rule 144(b), (d), (e), (k)
 * @param registrable The holder's Registrable Securities, as converted and aggregated. Whole shares.
 * @param affiliate TRUE when the holder is, or was within the three months before as_of, an affiliate.
 * @param acquired Date acquired and paid for (the convertible's purchase date for conversion shares).
 * @param as_of First day of the three-month period tested; chooses the regime.
 * @param volume_limit Rule 144(e)(1) limit in shares, usually RR.RULE144.VOLUME(...).
 * @param [reporting] TRUE (default) when the issuer has reported under the Exchange Act for at least 90 days.
 * @param [current_info] TRUE (default) when the issuer is current in its Exchange Act reports (Rule 144(c)); a blank cell reads as FALSE.
 * @param [sold_3m] Shares the holder sold in the three months before as_of, counted against the volume limit (144(e)(1)). Blank = 0.
 * @param [group] A label per row: rows with the same label act in concert (144(e)(3)(vi)) and their affiliate rows are tested together. Blank = no group.
 * @returns Text per row.
 */
export function rule144Status(
  registrable: any[][],
  affiliate: any[][],
  acquired: any[][],
  as_of: any[][],
  volume_limit: any[][],
  reporting?: any[][],
  current_info?: any[][],
  sold_3m?: any[][],
  group?: any[][],
): any[][] {
  return rr.rule144Status(registrable, affiliate, acquired, as_of, volume_limit, reporting, current_info, sold_3m, group);
}

/**
 * The date the holder's registration rights lapse under cessation (iii): the first date on or after from on which RR.RULE144.CEASED would be TRUE with these inputs held fixed, crossing the 15 Feb 2008 regime change (Release 33-8869 applies by date of sale). Default from: 29 Apr 1997 (the first day of the 1997 regime) or acquired, whichever is later; the search never starts before 29 Apr 1997, outside the model. #N/A with the reason when it never happens at these inputs (an affiliate, or a group of affiliates, above the volume limit, or an affiliate without current public information).
 * @customfunction RULE144.CEASEDATE RULE144.CEASEDATE
 * @helpurl https://localhost:3000/help/functions.html#rr-rule144-ceasedate
 * @example =RR.RULE144.CEASEDATE(10000, FALSE, DATE(2007,12,1), 18400) → 2008-06-02
 * @clause Cessation (iii) of "Registrable Securities"; Rule 144(b), (c), (d), (e), (k); Release 33-8869
 * @param registrable The holder's Registrable Securities, as converted and aggregated. Whole shares.
 * @param affiliate TRUE when the holder is, or was within the three months before the sale, an affiliate.
 * @param acquired Date acquired and paid for (the convertible's purchase date for conversion shares, 144(d)(3)(ii)).
 * @param volume_limit Rule 144(e)(1) limit in shares, usually RR.RULE144.VOLUME(...), held fixed.
 * @param [reporting] TRUE (default) when the issuer has reported under the Exchange Act for at least 90 days.
 * @param [current_info] TRUE (default) when the issuer is current in its reports (Rule 144(c)); a blank cell reads as FALSE.
 * @param [sold_3m] Shares sold in the three months before each date tested, counted against the volume limit. Blank = 0.
 * @param [group] A label per row for persons acting in concert (144(e)(3)(vi)), as in RR.RULE144.CEASED. Blank = no group.
 * @param [from] The first date considered. Blank: 1997-04-29 or acquired, whichever is later.
 * @returns A date serial per row (format the cells as dates).
 */
export function rule144CeaseDate(
  registrable: any[][],
  affiliate: any[][],
  acquired: any[][],
  volume_limit: any[][],
  reporting?: any[][],
  current_info?: any[][],
  sold_3m?: any[][],
  group?: any[][],
  from?: any[][],
): any[][] {
  return rr.rule144CeaseDate(registrable, affiliate, acquired, volume_limit, reporting, current_info, sold_3m, group, from);
}

/**
 * The dribble-out count: how many consecutive three-month periods an affiliate needs to sell all of registrable under the Rule 144(e)(1) volume limit, the first period's room reduced by sold_3m ("together with all sales … within the preceding three months"). 1 + ceiling((registrable − (volume_limit − sold_3m)) / volume_limit) when the first room is not enough; 1 when it is; 0 for no shares. Whole shares: a fractional limit allows its whole part. #N/A when the limit is below one share.
 * @customfunction RULE144.WINDOWS RULE144.WINDOWS
 * @helpurl https://localhost:3000/help/functions.html#rr-rule144-windows
 * @example =RR.RULE144.WINDOWS(50000, 18400, 12000) → 4
 * @clause Rule 144(e)(1)
 * @param registrable Shares the affiliate is to sell (as common). Whole shares.
 * @param volume_limit Rule 144(e)(1) limit in shares per three months, usually RR.RULE144.VOLUME(...).
 * @param [sold_3m] Shares sold in the three months before the first period. Blank = 0; more than volume_limit is an error.
 * @returns A whole number per row.
 */
export function rule144Windows(registrable: any[][], volume_limit: any[][], sold_3m?: any[][]): any[][] {
  return rr.rule144Windows(registrable, volume_limit, sold_3m);
}

/**
 * TRUE when sales in reliance on Rule 144 in one three-month period need a notice on Form 144 (Rule 144(h)), the regime chosen by the date of sale. From 15 Feb 2008: affiliates only, when the sales exceed 5,000 shares or an aggregate sale price of $50,000 (144(h)(1): "exceeds 5,000 shares or other units or has an aggregate sale price in excess of $50,000"; Release 33-8869 increased the thresholds and a non-affiliate's sale needs only paragraphs (c)(1) and (d), 144(b)(1)). 29 Apr 1997 to 14 Feb 2008: every seller relying on the rule, non-affiliates included, when the sales exceed 500 shares or $10,000 (old instruction: "not required in any case where the amount … does not exceed 500 shares and the aggregate sale value does not exceed $10,000"); a non-affiliate's sale after two years under old Rule 144(k) needed no notice, and is outside this test. Exactly 5,000 shares or $50,000 (500 or $10,000) needs none.
 * @customfunction RULE144.FORM144 RULE144.FORM144
 * @helpurl https://localhost:3000/help/functions.html#rr-rule144-form144
 * @example =RR.RULE144.FORM144(5001, 40000, TRUE, DATE(2024,5,15)) → TRUE
 * @clause Rule 144(h); Release 33-8869
 * @param shares Shares sold and to be sold in reliance on Rule 144 in the three-month period (as common). Whole shares.
 * @param amount Their aggregate sale price in dollars.
 * @param affiliate TRUE when the seller is, or was within the three months before the sale, an affiliate of the issuer.
 * @param sale_date Date of the sale; chooses the regime (before 29 Apr 1997 is outside the model, #N/A).
 * @returns TRUE or FALSE per row.
 */
export function rule144Form144(shares: any[][], amount: any[][], affiliate: any[][], sale_date: any[][]): any[][] {
  return rr.rule144Form144(shares, amount, affiliate, sale_date);
}

/**
 * Cutback tier of a seller (1 = excluded first), from clause "Additional Procedures in Underwritten Offerings; Holder Lockups; Cutbacks". demand (Cutbacks on Holder Demands): company 1, no-rights 1, other 2, holder 3, initiating 3. company (Cutbacks on Company Registrations): everyone 1, company 2. other-demand (Cutbacks on other Holders Demands): company 1, no-rights 1, other 2, holder 2, initiating 3.
 * @customfunction PRIORITY PRIORITY
 * @helpurl https://localhost:3000/help/functions.html#rr-priority
 * @example =RR.PRIORITY("other", "demand") → 2
 * @clause "Cutbacks on Holder Demands", "Cutbacks on Company Registrations", "Cutbacks on other Holders Demands"
 * @param role "company" (the issuer's own shares), "no-rights" (holders without registration rights), "other" (rights under other agreements), "holder" (Holders under this agreement) or "initiating" (the holders whose demand started the offering). Case-insensitive.
 * @param offering "demand" (a Holder demand), "company" (a Company registration) or "other-demand" (another holder's demand).
 * @returns A tier number per row.
 */
export function priority(role: any[][], offering: any[][]): any[][] {
  return rr.priority(role, offering);
}

/**
 * Shares each seller keeps in an underwritten offering after the managing underwriter's cutback. If all requests fit, each row gets its request; otherwise tiers are excluded in ascending tier number, each entirely before the next loses a share, and the one tier cut partially is split pro rata by request (or by weights, capped at each request, surplus re-split). Tier 1 (the Company's shares and holders without rights) is cut "as determined by the Company" in "Cutbacks on Holder Demands" and "Cutbacks on other Holders Demands": the clause leaves the split to the Company, so pro rata by request is only this function's default, and weights override it (give the Company's determination as weights). Whole shares by largest remainder: ties to the larger request, then the earlier row. The total is exactly min(capacity, total requested). A row with bad input (text, a negative or fractional count, an error value) shows its error and takes no part; an empty row (blank or 0 throughout) gets 0.
 * @customfunction CUTBACK CUTBACK
 * @helpurl https://localhost:3000/help/functions.html#rr-cutback
 * @example =RR.CUTBACK({40;35;25}, 1, 7) → {3;2;2}
 * @clause "Additional Procedures in Underwritten Offerings; Holder Lockups; Cutbacks"
 * @param requested Shares each row asks to include. Whole shares; a column.
 * @param priority Tier of each row (RR.PRIORITY, or any whole numbers of 1 or more; 1 is cut first).
 * @param capacity The most shares the managing underwriter will include. Whole shares, one value.
 * @param [weights] Optional pro rata basis instead of the request, e.g. shares owned, or for tier 1 the split "as determined by the Company" (the NVCA model's basis; the reading for tier 3 of "Cutbacks on other Holders Demands" when given). Numbers of 0 or more.
 * @returns Whole shares per row.
 */
export function cutback(requested: any[][], priority: any[][], capacity: any, weights?: any[][]): any[][] {
  return rr.cutback(requested, priority, capacity, weights);
}

/**
 * A selling Holder's cap on indemnity and contribution (clause "Limitation on Liability of Holders of Registrable Securities"): its proceeds after underwriters' discounts and commissions, shares_sold × price × (1 − discount) − shares_sold × commission_per_share, in decimal arithmetic, rounded once to the cent, half-up.
 * @customfunction INDEMNITY.CAP INDEMNITY.CAP
 * @helpurl https://localhost:3000/help/functions.html#rr-indemnity-cap
 * @example =RR.INDEMNITY.CAP(1000000, 20, 0.06) → 18,800,000.00
 * @clause "Limitation on Liability of Holders of Registrable Securities"
 * @param shares_sold Registrable Securities the holder sold in the registration. Whole shares.
 * @param price Public offering price per share.
 * @param discount Underwriters' discount as a fraction: 0.06 for a 6% gross spread; 0 or more and less than 1.
 * @param [commission_per_share] Any further commission per share. Default 0.
 * @returns Money per row, to the cent.
 */
export function indemnityCap(shares_sold: any[][], price: any[][], discount: any[][], commission_per_share?: any[][]): any[][] {
  return rr.indemnityCap(shares_sold, price, discount, commission_per_share);
}

/**
 * What each party bears of a loss under clause "Contribution": the loss (to the cent) split in proportion to relative fault, in whole cents by largest remainder (ties to the larger fault, then the earlier row), then each party limited to what is left of its cap. The cap is one aggregate for all claims: the Holder's liability "shall not in any event exceed" its proceeds ("Limitation on Liability of Holders of Registrable Securities"), so [cap_used], what a party already bore for earlier claims, comes off it: cap left = cap − cap_used. Liability is several: what a cap cuts off is not moved to the others (see RR.INDEMNITY.UNCOVERED). A row whose fault is bad input shows its error and takes no part in the split; a bad cap affects its own row only. Reg. S-K Item 512(h): the SEC views indemnity of directors, officers and controlling persons for Securities Act liability as against public policy.
 * @customfunction INDEMNITY.ALLOCATE INDEMNITY.ALLOCATE
 * @helpurl https://localhost:3000/help/functions.html#rr-indemnity-allocate
 * @example =RR.INDEMNITY.ALLOCATE(100, {1;1;1}, {10;"none";"none"}) → {10;33.33;33.33}
 * @clause "Contribution"; "Limitation on Liability of Holders of Registrable Securities"
 * @param loss The loss to be borne, one amount.
 * @param fault Relative fault weight of each party (0 or more; fractions allowed).
 * @param cap Each party's cap, usually RR.INDEMNITY.CAP(...), rounded to the cent first; the text "none" for an uncapped party such as the Company. A blank cell is a cap of 0.
 * @param [cap_used] Amounts each party already bore under its cap for earlier claims (default 0; a blank cell is 0). The cap is one aggregate ("shall not in any event exceed"), so the cap left for this loss is cap − cap_used; a negative cap_used, or one above the cap, is #VALUE! naming it. Ignored for an uncapped party.
 * @returns Money per row, to the cent.
 */
export function indemnityAllocate(loss: any, fault: any[][], cap: any[][], cap_used?: any[][]): any[][] {
  return rr.indemnityAllocate(loss, fault, cap, cap_used);
}

/**
 * The part of a loss that no party bears because caps cut it off: loss − SUM(RR.INDEMNITY.ALLOCATE(loss, fault, cap, cap_used)), to the cent, each cap less what was already borne under it (cap_used: the cap is one aggregate, "shall not in any event exceed") (clause "Limitation on Liability of Holders of Registrable Securities"; liability several, not joint).
 * @customfunction INDEMNITY.UNCOVERED INDEMNITY.UNCOVERED
 * @helpurl https://localhost:3000/help/functions.html#rr-indemnity-uncovered
 * @example =RR.INDEMNITY.UNCOVERED(100, {1;1;1}, {10;"none";"none"}) → 23.34
 * @clause "Limitation on Liability of Holders of Registrable Securities"
 * @param loss The loss to be borne, one amount.
 * @param fault Relative fault weight of each party (0 or more).
 * @param cap Each party's cap, or the text "none" for an uncapped party.
 * @param [cap_used] Amounts each party already bore under its cap for earlier claims (default 0); the cap left is cap − cap_used, an error when negative or above the cap.
 * @returns Money, to the cent.
 */
export function indemnityUncovered(loss: any, fault: any[][], cap: any[][], cap_used?: any[][]): any {
  return rr.indemnityUncovered(loss, fault, cap, cap_used);
}

/**
 * Checks a demand registration request against "Registration on Request" (i) and "Number of Requests; Form". Returns "OK", or "Not OK:" followed by every failing condition, each with its clause. Readings: "at any time after the first anniversary" excludes the anniversary itself; "not less than the lesser of 20% or $30 million of the then outstanding Registrable Securities held by such Holders as a group" is met when the request reaches 20% of the requesting group's shares or shares worth $30 million at the price given (gross, not net of expenses), whichever is fewer; a majority is more than half. Other agreements measure differently, through the terms: demand_min_base "outstanding" (NVCA) takes the percentage of all Registrable Securities outstanding instead of the requesting Holders'; demand_value_net TRUE (NVCA: "net of Selling Expenses, would exceed") values the request at price × (1 − discount) and needs more than the figure. The six-month rule ("shall not be required to effect more than one (1) registration ... during any six (6) month period") limits registrations effected, not requests: when the last registration was effective less than six months before the request, the result is "OK; effect on or after YYYY-MM-DD (at most one registration in six months, "Number of Requests; Form")" and RR.DEMAND.OK is TRUE. Month convention (the same in every RR function): a period of N months from D runs to EDATE(D, N), 31 Aug + 6 months being the end of February; the next six-month period, and so the deferred date, starts on EDATE(last_registration, 6). Numbers come from the agreement terms (RR.TERMS).
 * @customfunction DEMAND.CHECK DEMAND.CHECK
 * @helpurl https://localhost:3000/help/functions.html#rr-demand-check
 * @example =RR.DEMAND.CHECK(DATE(2001,6,1), DATE(2000,3,15), 600000, 1000000, 200000, 25, 0) → OK
 * @clause "Registration on Request" (i); "Number of Requests; Form"
 * @param request_date Date of the Holders' written request.
 * @param closing_date Date of the Closing under the purchase agreement.
 * @param requesting Registrable Securities held by the requesting Holders as a group (as common).
 * @param outstanding Registrable Securities outstanding (as common, counting shares issuable on conversion).
 * @param requested Registrable Securities the request asks to register.
 * @param price Price per share at which the $30 million test is measured.
 * @param demands_used Demand registrations already effected under "Registration on Request" (i).
 * @param [last_registration] Effective date of the last registration under Section 2; blank if none.
 * @param [discount] Underwriters' discount as a fraction (0.06 for 6%), deducted from the price where the term demand_value_net is TRUE (NVCA: "net of Selling Expenses"); blank for none. Ignored under the CTC 2000 terms (gross value).
 * @param [terms] Optional name | value rows overriding the agreement terms (see RR.TERMS). A terms range given ninth, where formulas written before [discount] put it, is still read as terms.
 * @returns "OK" or the failing conditions.
 */
export function demandCheck(
  request_date: any,
  closing_date: any,
  requesting: any,
  outstanding: any,
  requested: any,
  price: any,
  demands_used: any,
  last_registration?: any,
  discount?: any,
  terms?: any[][],
): any {
  return agreement.demandCheck(
    request_date,
    closing_date,
    requesting,
    outstanding,
    requested,
    price,
    demands_used,
    last_registration,
    discount,
    terms,
  );
}

/**
 * TRUE when a demand registration request meets every condition of "Registration on Request" (i) and "Number of Requests; Form" (the same test as RR.DEMAND.CHECK, as TRUE/FALSE). The six-month rule defers the registration to EDATE(last_registration, 6) and does not make the request fail, so it leaves the answer TRUE (RR.DEMAND.CHECK gives the date).
 * @customfunction DEMAND.OK DEMAND.OK
 * @helpurl https://localhost:3000/help/functions.html#rr-demand-ok
 * @example =RR.DEMAND.OK(DATE(2001,3,15), DATE(2000,3,15), 600000, 1000000, 200000, 25, 0) → FALSE (the anniversary itself is too early)
 * @clause "Registration on Request" (i); "Number of Requests; Form"
 * @param request_date Date of the Holders' written request.
 * @param closing_date Date of the Closing.
 * @param requesting Registrable Securities held by the requesting Holders as a group.
 * @param outstanding Registrable Securities outstanding.
 * @param requested Registrable Securities the request asks to register.
 * @param price Price per share at which the $30 million test is measured.
 * @param demands_used Demand registrations already effected.
 * @param [last_registration] Effective date of the last registration under Section 2; blank if none.
 * @param [discount] Underwriters' discount as a fraction, deducted where demand_value_net is TRUE; blank for none.
 * @param [terms] Optional name | value rows overriding the agreement terms (see RR.TERMS).
 * @returns TRUE or FALSE.
 */
export function demandOk(
  request_date: any,
  closing_date: any,
  requesting: any,
  outstanding: any,
  requested: any,
  price: any,
  demands_used: any,
  last_registration?: any,
  discount?: any,
  terms?: any[][],
): any {
  return agreement.demandOk(
    request_date,
    closing_date,
    requesting,
    outstanding,
    requested,
    price,
    demands_used,
    last_registration,
    discount,
    terms,
  );
}

/**
 * TRUE when Holders may request a registration under "Registration on Request" (ii) (clause 2(a)(ii)): after the Company's notice that Robert Fabbricatore sold "in excess of thirty percent (30%)" of his shares "within twelve (12) months of the Closing Date", "the Holders may request in writing that the Company effect the registration under the Securities Act of all or part of the Registrable Securities, provided that such request is delivered prior to the later of (x) the first anniversary of the Closing Date and (y) fifteen (15) days following delivery by the Company of such notice." TRUE when notice_date ≤ request_date < MAX(EDATE(closing_date, 12), notice_date + 15): "thereafter" admits a request the day of the notice, "prior to" excludes the later date itself. No majority or size test, and it does not use one of the three demands of "Registration on Request" (i). A blank notice_date (no notice given) is FALSE; a notice_date before the Closing is an error.
 * @customfunction DEMAND.EARLY DEMAND.EARLY
 * @helpurl https://localhost:3000/help/functions.html#rr-demand-early
 * @example =RR.DEMAND.EARLY(DATE(2000,12,1), DATE(2000,3,15), DATE(2000,11,20)) → TRUE
 * @clause "Registration on Request" (ii)
 * @param request_date Date the Holders' written request is delivered.
 * @param closing_date Date of the Closing under the purchase agreement.
 * @param notice_date Date the Company delivered its notice of the founder's sale; blank if no notice has been given (then FALSE).
 * @param [terms] Optional name | value rows overriding the agreement terms (demand_waiting_months for the first anniversary, early_demand_days for the 15 days; see RR.TERMS).
 * @returns TRUE or FALSE.
 */
export function demandEarly(request_date: any, closing_date: any, notice_date: any, terms?: any[][]): any {
  return agreement.demandEarly(request_date, closing_date, notice_date, terms);
}

/**
 * The last day a "shelf" registration statement must be kept effective: "in no event for a period of more than ninety (90) days after such registration statement becomes effective, plus, in the case of a "shelf" registration, the number of days for which the effectiveness of such registration was suspended pursuant to Section 2(b)" ("Amendments and Supplements to Registration Statement"), that is effective_date + 90 (term effectiveness_days) + suspended_days, days counted as days. Only suspensions under "Postponement and Suspension" extend it, and that clause caps them at "a total of ninety (90) days" (term shelf_suspension_days): more suspended days than the cap is an error naming suspended_days (see RR.SHELF.OK).
 * @customfunction SHELF.END SHELF.END
 * @helpurl https://localhost:3000/help/functions.html#rr-shelf-end
 * @example =RR.SHELF.END(DATE(2001,1,1), 30) → 2001-05-01
 * @clause "Amendments and Supplements to Registration Statement"; "Postponement and Suspension"
 * @param effective_date Date the shelf registration statement became effective.
 * @param suspended_days Days its effectiveness was suspended under "Postponement and Suspension", in total; whole days, 0 to 90 (a blank cell is 0).
 * @param [terms] Optional name | value rows overriding the agreement terms (effectiveness_days, shelf_suspension_days; see RR.TERMS).
 * @returns A date serial (format the cell as a date).
 */
export function shelfEnd(effective_date: any, suspended_days: any, terms?: any[][]): any {
  return agreement.shelfEnd(effective_date, suspended_days, terms);
}

/**
 * TRUE when a further suspension of a "shelf" registration statement keeps the total within the cap of "Postponement and Suspension": "the Company may not suspend the effectiveness of any "shelf" registration statement for more than a total of ninety (90) days" (term shelf_suspension_days). TRUE when used_days + new_days ≤ 90: exactly 90 in total is allowed, 91 is not.
 * @customfunction SHELF.OK SHELF.OK
 * @helpurl https://localhost:3000/help/functions.html#rr-shelf-ok
 * @example =RR.SHELF.OK(60, 30) → TRUE (90 days in total, the cap exactly)
 * @clause "Postponement and Suspension"
 * @param used_days Days the shelf has already been suspended, in total. Whole days, 0 or more (a blank cell is 0).
 * @param new_days Days of the further suspension proposed. Whole days, 0 or more.
 * @param [terms] Optional name | value rows overriding the agreement terms (shelf_suspension_days; see RR.TERMS).
 * @returns TRUE or FALSE.
 */
export function shelfOk(used_days: any, new_days: any, terms?: any[][]): any {
  return agreement.shelfOk(used_days, new_days, terms);
}

/**
 * The agreement's calendar: the last day of a period that starts on date. Events: "demand-window" (first anniversary of the Closing; a demand may be made from the next day), "join" (15 days after the Company's notice of a demand), "piggyback" (15 days after the piggyback notice), "filing" (90 days after the request window closes; the term filing_from says from which event the date given runs: "join-close" under CTC 2000, "request" under NVCA, 60 days), "effectiveness" (90 days after effectiveness), "lockup" (90 days after the effective date; for the IPO under NVCA terms the period is the term lockup_ipo_days, 180 days, to add to the date yourself), "postponement" (90 days), "next-postponement" (12 months: first day another may start), "next-demand" (6 months: first day another registration may be demanded), "mail" (a mailed notice is effective 4 days after deposit). Months are added with EDATE, the add-in's one month convention (a period of N months from D runs to EDATE(D, N)), so 31 Aug + 6 months is the end of February. Periods come from the terms (RR.TERMS).
 * @customfunction DATE DATE
 * @helpurl https://localhost:3000/help/functions.html#rr-date
 * @example =RR.DATE("next-demand", DATE(2000,8,31)) → 2001-02-28
 * @clause "Registration on Request"; "Piggyback Registration"; "Registration Statement"; "Postponement and Suspension"; "Holder Lockup Agreements"; "Notices"
 * @param event The period, one of the event words above.
 * @param date The date the period starts from (Closing, notice, effective date, deposit…).
 * @param [terms] Optional name | value rows overriding the agreement terms (see RR.TERMS).
 * @returns A date serial per row.
 */
export function agreementDate(event: any[][], date: any[][], terms?: any[][]): any[][] {
  return agreement.agreementDate(event, date, terms);
}

/**
 * TRUE when registration rights pass with a transfer under "Assignment of Registration Rights": to a Controlled Affiliate, as part of a pro rata distribution to partners or members, of at least 200,000 Registrable Securities (term transfer_threshold_shares), or of all the Registrable Securities the holder then holds.
 * @customfunction TRANSFER.OK TRANSFER.OK
 * @helpurl https://localhost:3000/help/functions.html#rr-transfer-ok
 * @example =RR.TRANSFER.OK(150000, 150000) → TRUE (all the holder has)
 * @clause "Assignment of Registration Rights"
 * @param transferred Registrable Securities transferred. Whole shares; no more than held.
 * @param held Registrable Securities the holder held before the transfer.
 * @param [to_affiliate] TRUE for a transfer to a Controlled Affiliate. Default FALSE.
 * @param [pro_rata_distribution] TRUE for a pro rata distribution to partners or members. Default FALSE.
 * @param [terms] Optional name | value rows overriding the agreement terms (see RR.TERMS).
 * @returns TRUE or FALSE per row.
 */
export function transferOk(
  transferred: any[][],
  held: any[][],
  to_affiliate?: any[][],
  pro_rata_distribution?: any[][],
  terms?: any[][],
): any[][] {
  return agreement.transferOk(transferred, held, to_affiliate, pro_rata_distribution, terms);
}

/**
 * TRUE when consenting holders hold more than half of the Registrable Securities outstanding, as amendments, waivers and the Company's assignment require ("Amendments, Waivers and Consents"; "Binding Effect; Assignment"). Exactly half is not enough.
 * @customfunction CONSENT CONSENT
 * @helpurl https://localhost:3000/help/functions.html#rr-consent
 * @example =RR.CONSENT(500000, 1000000) → FALSE (exactly half)
 * @clause "Amendments, Waivers and Consents"; "Binding Effect; Assignment"
 * @param consenting Registrable Securities held by the consenting holders; no more than outstanding.
 * @param outstanding Registrable Securities outstanding.
 * @param [terms] Optional name | value rows overriding the agreement terms (see RR.TERMS).
 * @returns TRUE or FALSE.
 */
export function consent(consenting: any, outstanding: any, terms?: any[][]): any {
  return agreement.consent(consenting, outstanding, terms);
}

/**
 * The agreement terms every RR function reads, as a table that spills: term | value | unit | clause, with a header row. Blank: the CTC 2000 agreement (the defaults). "nvca": the NVCA 2020 model investors' rights agreement's values for the same terms, from the model's text (its CommonAccord transcription, Doc/G/NVCA/2020/IRA/Form/0.md): the clause column names the section, quotes the words and, where the model has a bracket or a blank, quotes it and says what was chosen. Values are numbers, or words for demand_min_base ("requesting" or "outstanding") and filing_from ("join-close" or "request"), or TRUE/FALSE for demand_value_net. Paste it, edit values, and pass it as the [terms] argument.
 * @customfunction TERMS TERMS
 * @helpurl https://localhost:3000/help/functions.html#rr-terms
 * @example =RR.TERMS("nvca") → the table of terms with NVCA values
 * @clause Every clause that sets a number (see the clause column)
 * @param [preset] Blank (omitted or a blank cell) for the CTC 2000 defaults, or "nvca".
 * @returns A table of terms.
 */
export function terms(preset?: any): any[][] {
  return agreement.terms(preset);
}
