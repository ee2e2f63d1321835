const { rrFunctionList } = require("./scripts/rr-functions");

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // Long user-flow tests (pane, browser) run on a shared 2-core CI machine: jest's 5 s default
  // failed a good submission there. Speed is measured by npm run bench, never by a timeout.
  testTimeout: 60_000,
  roots: ["<rootDir>/test"],
  setupFiles: ["<rootDir>/test/support/customFunctionsStub.ts", "<rootDir>/test/support/memoryWorkbookSetup.ts"],
  // The RR function list from src/functions/functions.ts's JSDoc, as webpack.config.js injects it
  // into the bundles (src/functions/list.ts reads it).
  globals: { RR_FUNCTION_LIST: rrFunctionList() },
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleNameMapper: {
    // office-addin-mock's dependency chain reaches ESM-only packages; this is the CommonJS entry it needs.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
};
