// The build (custom-functions-metadata-plugin's loader) appends a bare
// `CustomFunctions.associate("ID", fn)` to functions.ts for every function. Inside Excel, office.js
// has defined CustomFunctions before functions.js runs. Opened in a plain browser (taskpane.html
// outside Office, or with office.js's CDN unreachable) there is no CustomFunctions, and those calls
// threw "CustomFunctions is not defined" before the pane could say where the preview is. There is
// nothing to register with there, so a registrar that registers nothing stands in.
//
// `typeof CustomFunctions` resolves the name the way the appended calls do (a global in Excel, or a
// binding the caller supplies, as the tests do), so an existing CustomFunctions is never replaced.

if (typeof CustomFunctions === "undefined") {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { associate: () => undefined };
}

export {};
