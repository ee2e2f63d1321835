// Every object type of the OCF schemas, v1.2.0 and the main branch (enums/ObjectType.schema.json),
// with what the importer does with it. A type missing from this table is refused: the importer
// cannot tell whether it changes who holds how many shares.

/** Why each kind of object that does not change outstanding stock is not counted. */
export const SKIP_REASONS = {
  convertible:
    "share count depends on a future financing (SAFEs and convertible notes are not shares until they convert; the stock they convert into arrives as its own TX_STOCK_ISSUANCE)",
  plan: "options, RSUs and other equity compensation (TX_EQUITY_COMPENSATION_*, called TX_PLAN_SECURITY_* before OCF 1.1) are not outstanding shares until exercised or settled; stock issued on exercise arrives as its own TX_STOCK_ISSUANCE",
  warrant: "a warrant is a right to buy shares, not outstanding stock; stock issued on exercise arrives as its own TX_STOCK_ISSUANCE",
  acceptance: "records that the holder accepted the security; its shares are counted from their issuance",
  vesting:
    "vesting decides when shares or awards vest, not how many shares are outstanding (unvested restricted stock is counted from its issuance)",
  authorizedShares: "changes the number of shares authorized, not the shares issued and outstanding",
  planPool: "changes the shares reserved under a stock plan, not the shares outstanding",
  stakeholderEvent: "records a change in a stakeholder's relationship or status, not in their holdings",
  stockPlan: "a stock plan reserves shares for awards; reserved shares are not outstanding",
  valuation: "a valuation (such as a 409A) prices the shares; it does not change holdings",
  vestingTerms: "vesting terms describe a schedule; the shares they apply to are counted from their issuance",
  legendTemplate: "a legend template is certificate text; it does not change holdings",
  documentRecord: "a DOCUMENT object points to a file such as a signed agreement; it does not change holdings",
  financing: "a financing groups a round's issuances; those issuances are read themselves",
  afterAsOf: "dated after the as-of date",
} as const;
export type SkipReason = keyof typeof SKIP_REASONS;

/** What the importer does with an object type: reads it, walks it, or lists it as not counted. */
export type Treatment = { kind: "read"; what: string } | { kind: "walk"; what: string } | { kind: "skip"; reason: SkipReason };

const read = (what: string): Treatment => ({ kind: "read", what });
const walk = (what: string): Treatment => ({ kind: "walk", what });
const skip = (reason: SkipReason): Treatment => ({ kind: "skip", reason });

/** Object types in main but not in v1.2.0. */
export const MAIN_ONLY = new Set([
  "CE_STAKEHOLDER_RELATIONSHIP",
  "CE_STAKEHOLDER_STATUS",
  "TX_EQUITY_COMPENSATION_REPRICING",
  "TX_STOCK_CONSOLIDATION",
]);

export const OBJECT_TYPES: Readonly<Record<string, Treatment>> = {
  ISSUER: read("the issuer's legal name (from the manifest)"),
  STAKEHOLDER: read("name and type of each holder"),
  STOCK_CLASS: read("class type (COMMON/PREFERRED), price per share and the first ratio conversion right"),
  STOCK_LEGEND_TEMPLATE: skip("legendTemplate"),
  STOCK_PLAN: skip("stockPlan"),
  VALUATION: skip("valuation"),
  VESTING_TERMS: skip("vestingTerms"),
  FINANCING: skip("financing"),
  DOCUMENT: skip("documentRecord"),
  CE_STAKEHOLDER_RELATIONSHIP: skip("stakeholderEvent"),
  CE_STAKEHOLDER_STATUS: skip("stakeholderEvent"),
  TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT: skip("authorizedShares"),
  TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT: walk("replaces the class's conversion ratio from its date"),
  TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT: skip("authorizedShares"),
  TX_STOCK_CLASS_SPLIT: walk("multiplies every outstanding security of the class by split_ratio, exactly"),
  TX_STOCK_PLAN_POOL_ADJUSTMENT: skip("planPool"),
  TX_STOCK_PLAN_RETURN_TO_POOL: skip("planPool"),
  TX_CONVERTIBLE_ACCEPTANCE: skip("convertible"),
  TX_CONVERTIBLE_CANCELLATION: skip("convertible"),
  TX_CONVERTIBLE_CONVERSION: skip("convertible"),
  TX_CONVERTIBLE_ISSUANCE: skip("convertible"),
  TX_CONVERTIBLE_RETRACTION: skip("convertible"),
  TX_CONVERTIBLE_TRANSFER: skip("convertible"),
  TX_EQUITY_COMPENSATION_ACCEPTANCE: skip("plan"),
  TX_EQUITY_COMPENSATION_CANCELLATION: skip("plan"),
  TX_EQUITY_COMPENSATION_EXERCISE: skip("plan"),
  TX_EQUITY_COMPENSATION_ISSUANCE: skip("plan"),
  TX_EQUITY_COMPENSATION_RELEASE: skip("plan"),
  TX_EQUITY_COMPENSATION_REPRICING: skip("plan"),
  TX_EQUITY_COMPENSATION_RETRACTION: skip("plan"),
  TX_EQUITY_COMPENSATION_TRANSFER: skip("plan"),
  TX_PLAN_SECURITY_ACCEPTANCE: skip("plan"),
  TX_PLAN_SECURITY_CANCELLATION: skip("plan"),
  TX_PLAN_SECURITY_EXERCISE: skip("plan"),
  TX_PLAN_SECURITY_ISSUANCE: skip("plan"),
  TX_PLAN_SECURITY_RELEASE: skip("plan"),
  TX_PLAN_SECURITY_RETRACTION: skip("plan"),
  TX_PLAN_SECURITY_TRANSFER: skip("plan"),
  TX_STOCK_ACCEPTANCE: skip("acceptance"),
  TX_STOCK_CANCELLATION: walk("closes the security; a remainder is its balance_security_id, issued on its own"),
  TX_STOCK_CONSOLIDATION: walk("closes every security in security_ids; the combined resulting_security_id is issued on its own"),
  TX_STOCK_CONVERSION: walk("closes the security; resulting_security_ids and any balance are issued on their own"),
  TX_STOCK_ISSUANCE: walk("creates the security (or, for a remainder or result, records its holder and quantity)"),
  TX_STOCK_REISSUANCE: walk("closes the security in full; resulting_security_ids are issued on their own"),
  TX_STOCK_REPURCHASE: walk("closes the security; a remainder is its balance_security_id, issued on its own"),
  TX_STOCK_RETRACTION: walk("closes the security in full"),
  TX_STOCK_TRANSFER: walk("closes the security; resulting_security_ids and any balance are issued on their own"),
  TX_WARRANT_ACCEPTANCE: skip("warrant"),
  TX_WARRANT_CANCELLATION: skip("warrant"),
  TX_WARRANT_EXERCISE: skip("warrant"),
  TX_WARRANT_ISSUANCE: skip("warrant"),
  TX_WARRANT_RETRACTION: skip("warrant"),
  TX_WARRANT_TRANSFER: skip("warrant"),
  TX_VESTING_ACCELERATION: skip("vesting"),
  TX_VESTING_START: skip("vesting"),
  TX_VESTING_EVENT: skip("vesting"),
};

const NAMES: Readonly<Record<string, string>> = {
  CE_STAKEHOLDER_RELATIONSHIP: "stakeholder relationship change",
  CE_STAKEHOLDER_STATUS: "stakeholder status change",
  TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT: "conversion ratio adjustment",
  TX_STOCK_PLAN_RETURN_TO_POOL: "return of shares to the plan pool",
  TX_STOCK_REISSUANCE: "stock reissuance",
  TX_VESTING_START: "vesting start",
  TX_VESTING_EVENT: "vesting event",
  TX_VESTING_ACCELERATION: "vesting acceleration",
};

/** The words a lawyer reads for an object type: "TX_STOCK_CANCELLATION" → "stock cancellation". */
export function typeName(objectType: string): string {
  return (
    NAMES[objectType] ??
    objectType
      .replace(/^(TX|CE)_/, "")
      .toLowerCase()
      .replace(/_/g, " ")
  );
}

/** "stock cancellation (TX_STOCK_CANCELLATION, tx-16)" */
export function describeObject(objectType: string, id: string): string {
  return `${typeName(objectType)} (${objectType}, ${id})`;
}
