// Scenario logic for the task pane: pure TypeScript on top of the engine (no React, no Office).
export * from "./capTable";
export * from "./sample";
export * from "./payload";
export * from "./schema";
export * from "./compute";
export * from "./sheet";
export * from "./sheetCheck";
export * from "./warnings";
export * from "./types";
