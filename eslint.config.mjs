// ESLint for Målkoll: typescript-eslint's recommended rules, Microsoft's Office add-in rules (they
// catch Office.js load/sync mistakes, as the React task pane template's office-addin-lint does) and
// the rules of hooks. Formatting is Prettier's (npm run format), so eslint-config-prettier turns the
// stylistic rules off. `npm run lint` runs both checks.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import jest from "eslint-plugin-jest";
import prettier from "eslint-config-prettier";
import globals from "globals";

const officeRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "error",
  "office-addins/no-navigational-load": "error",
  "office-addins/no-office-initialize": "error",
  "office-addins/test-for-null-using-isNullObject": "error",
};

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "test-artifacts/**", "coverage/**", "out/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "no-console": "error",
      eqeqeq: ["error", "smart"],
    },
  },
  {
    // Office.js code; the tests' ExcelJS cells and the fake's own checks would read as false alarms.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: officeRules,
  },
  {
    // No focused tests, and a skipped one only with its reason beside it (an eslint-disable comment).
    files: ["test/**/*.{ts,tsx}"],
    plugins: { jest },
    rules: {
      "jest/no-focused-tests": "error",
      "jest/no-disabled-tests": "error",
      "jest/no-identical-title": "error",
      "jest/valid-expect": "error",
    },
  },
  {
    // Plain Node scripts and configs (CommonJS).
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Benchmarks and scripts print on purpose (a test that prints a measurement says so where it does).
    files: ["bench/**", "scripts/**"],
    rules: { "no-console": "off" },
  },
  prettier,
);
