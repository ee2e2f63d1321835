// The RR functions' implementations by Excel id, without src/functions/functions.ts: that file is
// the custom-functions entry, and the metadata plugin appends CustomFunctions.associate(...) to
// it, so a bundle that imports it registers the functions again (and, opened outside Office,
// throws "CustomFunctions is not defined"). The task pane's Explain cell evaluates formulas
// through this table instead. Each functions.ts body is one line delegating to the function
// named here; test/workbook/explain/catalog.test.ts fails when the two disagree.

import * as rr from "./adapters";
import * as agreement from "./agreementAdapters";

export const RR_IMPLEMENTATIONS: Readonly<Record<string, (...args: never[]) => unknown>> = {
  REGISTRABLE: rr.registrable,
  "RULE144.VOLUME": rr.rule144Volume,
  "RULE144.WEEKLY": rr.rule144Weekly,
  "RULE144.HOLDEND": rr.rule144HoldEnd,
  "RULE144.CEASED": rr.rule144Ceased,
  "RULE144.STATUS": rr.rule144Status,
  "RULE144.CEASEDATE": rr.rule144CeaseDate,
  "RULE144.WINDOWS": rr.rule144Windows,
  "RULE144.FORM144": rr.rule144Form144,
  PRIORITY: rr.priority,
  CUTBACK: rr.cutbackShares,
  "INDEMNITY.CAP": rr.indemnityCapFn,
  "INDEMNITY.ALLOCATE": rr.indemnityAllocate,
  "INDEMNITY.UNCOVERED": rr.indemnityUncovered,
  "DEMAND.CHECK": agreement.demandCheck,
  "DEMAND.OK": agreement.demandOk,
  "DEMAND.EARLY": agreement.demandEarly,
  "SHELF.END": agreement.shelfEndFn,
  "SHELF.OK": agreement.shelfOk,
  DATE: agreement.agreementDateFn,
  "TRANSFER.OK": agreement.transferOk,
  CONSENT: agreement.consent,
  TERMS: agreement.termsTable,
};
