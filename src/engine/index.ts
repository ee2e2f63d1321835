// The engine's public surface: pure rules, no Office, React or DOM.
export * from "./errors";
export * from "./dates";
export * from "./quantities";
export * from "./registrable";
export * from "./rule144";
export * from "./cutback";
export * from "./scratch";
export * from "./allocationReasons";
export * from "./indemnity";
export * from "./terms";
export * from "./agreement";
