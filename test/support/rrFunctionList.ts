// For code run outside jest and webpack (ts-node: scripts/bench-workbook.ts): the RR function list
// that jest.config.js and webpack.config.js inject (src/functions/list.ts). Import before any src module.
const { rrFunctionList } = require("../../scripts/rr-functions") as { rrFunctionList(): unknown };

(globalThis as { RR_FUNCTION_LIST?: unknown }).RR_FUNCTION_LIST ??= rrFunctionList();
