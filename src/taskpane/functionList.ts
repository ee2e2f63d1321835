/** The RR.* worksheet functions listed in the task pane (one line each). */

export const RR_NAMESPACE = "RR";

export interface RrFunctionInfo {
  /** Function id/name as registered in functions.json (without the RR. namespace). */
  readonly name: string;
  /** One-line description shown in the pane. */
  readonly summary: string;
}

export const RR_FUNCTIONS: readonly RrFunctionInfo[] = [
  { name: "REGISTRABLE", summary: "Registrable shares per holder." },
  { name: "RULE144.VOLUME", summary: "Rule 144(e) volume limit." },
  { name: "RULE144.WEEKLY", summary: "Average weekly trading volume over four calendar weeks." },
  { name: "RULE144.HOLDEND", summary: "Date the holding period ends." },
  { name: "RULE144.CEASED", summary: "Cessation test (iii): whether it is met." },
  { name: "RULE144.STATUS", summary: "Cessation test (iii): a plain-words explanation of the result." },
  { name: "PRIORITY", summary: "Cutback tier of a holder's shares." },
  { name: "CUTBACK", summary: "Underwriter cutback: shares allocated to each holder." },
  { name: "INDEMNITY.CAP", summary: "Indemnification cap for each holder." },
  { name: "INDEMNITY.ALLOCATE", summary: "Contribution split by relative fault." },
  { name: "INDEMNITY.UNCOVERED", summary: "Contribution split by fault: the part left uncovered." },
  { name: "DEMAND.CHECK", summary: "Demand request: OK, or every failing condition with its clause." },
  { name: "DEMAND.OK", summary: "Demand request: TRUE when every condition is met." },
  { name: "DATE", summary: "The agreement's calendar: the last day of each period." },
  { name: "TRANSFER.OK", summary: "Whether registration rights pass with a transfer." },
  { name: "CONSENT", summary: "Whether consenting holders are a majority." },
  { name: "TERMS", summary: "The agreement terms as a table (CTC 2000 or NVCA)." },
];
