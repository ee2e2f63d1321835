// What a run needs and the first screen does not (issue 9, item 7: the bundle): the engine's
// scenario, the sheet it writes, the warnings before it and the read-back after it. Pane.tsx and
// Scenarios.tsx load this module with the first run, open or comparison (dynamic import(): the
// chunk "run", beside taskpane.html, which also holds the results view of lazy.tsx).
export { buildScenarioSheet, computeScenario, parseCapTable, runWarnings } from "../scenario";
export { readBackCheck } from "./SheetCheck";
