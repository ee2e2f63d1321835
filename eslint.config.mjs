// ESLint (flat config): typescript-eslint, the Office add-in rules (Office.js load/sync mistakes),
// React hooks, and the house rules: the engine imports nothing from Office, React or Fluent, and
// no code evaluates strings or injects HTML. Formatting is Prettier's (npm run format:check).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";
import globals from "globals";

const officeRules = Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "error"]));

export default tseslint.config(
  { ignores: ["dist/**", "build/**", "node_modules/**", "coverage/**", "docs/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    languageOptions: {
      globals: { ...globals.browser, Office: "readonly", Excel: "readonly", CustomFunctions: "readonly", OfficeExtension: "readonly" },
    },
    rules: {
      ...officeRules,
      "office-addins/no-context-sync-in-loop": "warn",
      ...reactHooks.configs.recommended.rules,
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: "Render text, never HTML: holder names may contain markup.",
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "fetch", message: "The add-in makes no network calls." },
        { name: "XMLHttpRequest", message: "The add-in makes no network calls." },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The custom functions are registered by name from functions.json: `any` is the Excel-shaped type.
    files: ["src/functions/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["src/engine/**/*.ts", "src/ocf/**/*.ts", "src/scenario/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-*", "react/*", "@fluentui/*"], message: "Pure rules: no React or Fluent UI here." },
            {
              group: ["office-*", "@microsoft/office-js", "*/workbook/*", "*/taskpane/*", "*/functions/*"],
              message: "Pure rules: no Office, workbook, pane or adapter imports here.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions", "window", "document", "fetch", "XMLHttpRequest"],
    },
  },
  {
    files: ["test/**/*.{ts,tsx}", "scripts/**/*.{js,mjs}", "*.{js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { "@typescript-eslint/no-require-imports": "off", "@typescript-eslint/no-explicit-any": "off", "no-restricted-globals": "off" },
  },
  prettier,
);
