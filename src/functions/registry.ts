// Every RR function by its Excel id (without the RR. namespace), for code that evaluates RR
// formulas outside Excel (the in-memory workbook of the preview and tests). Excel itself learns
// the ids from functions.json, generated from the @customfunction tags; a test checks that this
// table and functions.json name the same functions.

import * as rr from "./functions";

export const RR_REGISTRY: Readonly<Record<string, (...args: never[]) => unknown>> = {
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
  CUTBACK: rr.cutback,
  "INDEMNITY.CAP": rr.indemnityCap,
  "INDEMNITY.ALLOCATE": rr.indemnityAllocate,
  "INDEMNITY.UNCOVERED": rr.indemnityUncovered,
  "DEMAND.CHECK": rr.demandCheck,
  "DEMAND.OK": rr.demandOk,
  "DEMAND.EARLY": rr.demandEarly,
  "SHELF.END": rr.shelfEnd,
  "SHELF.OK": rr.shelfOk,
  DATE: rr.agreementDate,
  "TRANSFER.OK": rr.transferOk,
  CONSENT: rr.consent,
  TERMS: rr.terms,
};
