// What Explain cell needs to know about each RR function that Excel's functions.json does not
// carry: the @clause of its help, and its parameter names in order (to name an argument whose
// cell holds an error value). The JSDoc of src/functions/functions.ts is the source;
// test/workbook/explain/catalog.test.ts fails when this table and that file disagree.

export interface FunctionInfo {
  /** Parameter names in order; a trailing "?" marks an optional one. */
  params: readonly string[];
  clause: string;
}

const CESSATION = 'Cessation (iii) of "Registrable Securities"; Rule 144(b), (d), (e), (k)';
const DEMAND = '"Registration on Request" (i); "Number of Requests; Form"';
const DEMAND_PARAMS = [
  "request_date",
  "closing_date",
  "requesting",
  "outstanding",
  "requested",
  "price",
  "demands_used",
  "last_registration?",
  "discount?",
  "terms?",
];
const CESSATION_PARAMS = [
  "registrable",
  "affiliate",
  "acquired",
  "as_of",
  "volume_limit",
  "reporting?",
  "current_info?",
  "sold_3m?",
  "group?",
];

export const FUNCTIONS: Readonly<Record<string, FunctionInfo>> = {
  REGISTRABLE: {
    params: ["common", "convertible", "ratio", "disposed?", "ceased?"],
    clause: 'Definition of "Registrable Securities"; cessation (i), (ii) and (iii)',
  },
  "RULE144.VOLUME": { params: ["outstanding", "weekly_volumes", "venue?"], clause: "Rule 144(e)(1); C&DI 133.02" },
  "RULE144.WEEKLY": { params: ["dates", "volumes", "filing_date"], clause: "Rule 144(e)(1)(ii)" },
  "RULE144.HOLDEND": { params: ["acquired", "reporting?"], clause: "Rule 144(d)(1), (d)(3)(ii); Releases 33-7390 and 33-8869" },
  "RULE144.CEASED": { params: CESSATION_PARAMS, clause: CESSATION },
  "RULE144.STATUS": { params: CESSATION_PARAMS, clause: CESSATION },
  "RULE144.CEASEDATE": {
    params: ["registrable", "affiliate", "acquired", "volume_limit", "reporting?", "current_info?", "sold_3m?", "group?", "from?"],
    clause: 'Cessation (iii) of "Registrable Securities"; Rule 144(b), (c), (d), (e), (k); Release 33-8869',
  },
  "RULE144.WINDOWS": { params: ["registrable", "volume_limit", "sold_3m?"], clause: "Rule 144(e)(1)" },
  "RULE144.FORM144": { params: ["shares", "amount", "affiliate", "sale_date"], clause: "Rule 144(h); Release 33-8869" },
  PRIORITY: {
    params: ["role", "offering"],
    clause: '"Cutbacks on Holder Demands", "Cutbacks on Company Registrations", "Cutbacks on other Holders Demands"',
  },
  CUTBACK: {
    params: ["requested", "priority", "capacity", "weights?"],
    clause: '"Additional Procedures in Underwritten Offerings; Holder Lockups; Cutbacks"',
  },
  "INDEMNITY.CAP": {
    params: ["shares_sold", "price", "discount", "commission_per_share?"],
    clause: '"Limitation on Liability of Holders of Registrable Securities"',
  },
  "INDEMNITY.ALLOCATE": {
    params: ["loss", "fault", "cap", "cap_used?"],
    clause: '"Contribution"; "Limitation on Liability of Holders of Registrable Securities"',
  },
  "INDEMNITY.UNCOVERED": {
    params: ["loss", "fault", "cap", "cap_used?"],
    clause: '"Limitation on Liability of Holders of Registrable Securities"',
  },
  "DEMAND.CHECK": { params: DEMAND_PARAMS, clause: DEMAND },
  "DEMAND.OK": { params: DEMAND_PARAMS, clause: DEMAND },
  "DEMAND.EARLY": { params: ["request_date", "closing_date", "notice_date", "terms?"], clause: '"Registration on Request" (ii)' },
  "SHELF.END": {
    params: ["effective_date", "suspended_days", "terms?"],
    clause: '"Amendments and Supplements to Registration Statement"; "Postponement and Suspension"',
  },
  "SHELF.OK": { params: ["used_days", "new_days", "terms?"], clause: '"Postponement and Suspension"' },
  DATE: {
    params: ["event", "date", "terms?"],
    clause:
      '"Registration on Request"; "Piggyback Registration"; "Registration Statement"; "Postponement and Suspension"; "Holder Lockup Agreements"; "Notices"',
  },
  "TRANSFER.OK": {
    params: ["transferred", "held", "to_affiliate?", "pro_rata_distribution?", "terms?"],
    clause: '"Assignment of Registration Rights"',
  },
  CONSENT: { params: ["consenting", "outstanding", "terms?"], clause: '"Amendments, Waivers and Consents"; "Binding Effect; Assignment"' },
  TERMS: { params: ["preset?"], clause: "Every clause that sets a number (see the clause column)" },
};

/** A parameter's name without the optional marker. */
export function paramName(info: FunctionInfo, index: number): string {
  return (info.params[index] ?? `argument ${index + 1}`).replace(/\?$/, "");
}
