// What an OCF import returns. Share counts are whole JavaScript numbers (checked to be exact);
// ratios are given both as exact decimal text and as the number a worksheet cell holds.

export type ClassType = "COMMON" | "PREFERRED";
/** OCF RoundingType: how fractional shares from a conversion are rounded. */
export type RoundingType = "FLOOR" | "CEILING" | "NORMAL";

export interface ConversionRatio {
  /** Target shares per share of this class: numerator / denominator, or original price / conversion price. */
  numerator: string;
  denominator: string;
  /** numerator ÷ denominator to 40 significant digits (exact when it terminates). */
  exact: string;
  /** The same as a number, for a worksheet cell. */
  value: number;
  /** Where it came from: the mechanism's `ratio`, or `price_per_share` ÷ `conversion_price`. */
  source: "ratio" | "price";
  rounding: RoundingType;
  /** The class it converts into, when the right names one. */
  convertsToStockClassId: string | null;
  /** The transaction that set it, when a ratio adjustment did; null for the class's own right. */
  adjustedBy: string | null;
}

export interface StockClassInfo {
  id: string;
  name: string;
  classType: ClassType;
  /** price_per_share.amount as decimal text, or null. */
  pricePerShare: string | null;
  /** The ratio in force on the as-of date, or null when the class has no ratio conversion right. */
  conversionRatio: ConversionRatio | null;
}

/** A security outstanding on the as-of date, with the date its holding period runs from. */
export interface Lot {
  securityId: string;
  stockClassId: string;
  classType: ClassType;
  shares: number;
  /**
   * ISO date the lot was paid for: the issuance date of the security it descends from. A security
   * that results from a transfer or a conversion keeps its source's date (Rule 144(d) tacking;
   * (d)(3)(ii) for conversions; for transfers, tacking assumes the transferor was not an affiliate).
   */
  acquired: string;
  /** The security first issued in this lot's chain (itself when it was issued directly). */
  originSecurityId: string;
}

export interface PreferredPosition {
  stockClassId: string;
  className: string;
  shares: number;
  ratio: ConversionRatio | null;
  /** shares × ratio rounded per the class's rounding type (FLOOR when none); 0 without a ratio. */
  asConverted: number;
  /** Earliest and latest lot dates of this class. */
  earliestAcquired: string;
  latestAcquired: string;
}

export interface HolderPosition {
  stakeholderId: string;
  name: string;
  stakeholderType: string;
  common: number;
  commonEarliestAcquired: string | null;
  commonLatestAcquired: string | null;
  preferred: PreferredPosition[];
  totalPreferred: number;
  /** common + Σ as-converted preferred. */
  asConverted: number;
  lots: Lot[];
}

export interface SkippedItem {
  file: string;
  id: string;
  objectType: string;
  reason: string;
}

export interface ImportSummary {
  ocfVersion: string;
  files: number;
  stakeholders: number;
  stockClasses: number;
  /** Transactions dated on or before the as-of date that changed holdings or ratios. */
  transactionsApplied: number;
  securitiesOutstanding: number;
  holders: number;
  skipped: SkippedItem[];
  /** Things imported but worth a look (e.g. preferred without a ratio conversion right). */
  warnings: string[];
}

export interface OcfImport {
  issuer: string;
  asOf: string;
  stockClasses: StockClassInfo[];
  /** Stakeholders holding shares on the as-of date, in the stakeholders file's order. */
  holders: HolderPosition[];
  summary: ImportSummary;
}

export interface ImportOptions {
  /** ISO date to walk the transactions to; defaults to the manifest's as_of. */
  asOf?: string;
}
