// A Holder demand that meets every condition of RR.DEMAND.CHECK under the default terms (the
// engine tests assert it: "a request that meets everything is OK"): dated 2001-06-01, after the
// first anniversary of a Closing on 2000-03-15, no demand used, no earlier registration. Tests
// change one field from here.
import { serialFromDate as D } from "../../src/engine/dates";
import type { DemandInput } from "../../src/engine/agreement";

export const DEMAND_OK: Readonly<DemandInput> = Object.freeze({
  requestDate: D(2001, 6, 1),
  closingDate: D(2000, 3, 15),
  requesting: 600_000,
  outstanding: 1_000_000,
  requested: 200_000,
  price: 25,
  demandsUsed: 0,
  lastRegistration: null,
});
