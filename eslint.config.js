// One lint for every package: typescript-eslint (type-aware where it catches real bugs: promises
// left floating), React's hook rules in the three UIs, and Prettier owning layout.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/*.d.ts", ".tsbuild/**", "out/**", "test-artifacts/**", "shared-types/src/openapi.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ["vitest.config.ts"] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      // Express 4 ignores a handler's promise, so every async handler here catches and calls next(err) itself.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false, arguments: false, returns: false, variables: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["web/src/**/*.tsx", "ado-extension/src/**/*.tsx", "bitbucket-connect-app/src/**/*.tsx", "bitbucket-forge-app/src/**/*.tsx", "web/src/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  // Tests read JSON bodies as the API sends them, untyped.
  { files: ["**/*.test.ts", "backend/src/testing/**", "web/e2e/**"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
  { files: ["**/*.cjs"], languageOptions: { globals: { ...globals.node }, sourceType: "commonjs" } },
  prettier,
);
