// Lint: Next.js's and typescript-eslint's recommended rules, plus the house rules that keep the architecture as it is
// (eslint/sandbox-rules.mjs): module boundaries between the audiences and layers, and no import cycles between
// folders of lib/.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import sandbox from "./eslint/sandbox-rules.mjs";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { sandbox },
    rules: {
      "sandbox/module-boundaries": "error",
      "sandbox/no-folder-cycles": "error",
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ["e2e/**", "packages/playwright/**", "examples/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([
    ".next/**",
    ".next-package/**",
    "dist/**",
    "data/**",
    "test-results/**",
    "playwright-report/**",
    "lib/db/generated/**",
    "lib/db/generated-postgresql/**",
    "lib/db/generated-kysely/**",
    "packages/playwright/dist/**",
    "packages/playwright/src/generated/**",
    "examples/qa-suite/node_modules/**",
    "next-env.d.ts",
    // Code that breaks the rules on purpose, for the linter's own test (test/lint-rules.test.ts).
    "test/lint-fixtures/**",
  ]),
]);
