// Lint config for the whole monorepo. Generated code (*.gen.ts) and build output are excluded.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const NO_PARSE_FLOAT = {
  selector: "CallExpression[callee.name='parseFloat']",
  message: "Money is integer micro-AITBC: use the amount helpers, never parseFloat.",
};

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "**/*.gen.ts",
      "sdk/src/gen/**",
      "spec/bundled/**",
      "docs/api/**",
      ".aitbc/**",
      ".turbo/**",
      "coverage/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        Buffer: "readonly",
        fetch: "readonly",
        AbortController: "readonly",
        AbortSignal: "readonly",
        TextEncoder: "readonly",
        TextDecoder: "readonly",
        structuredClone: "readonly",
        performance: "readonly",
        queueMicrotask: "readonly",
        setImmediate: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-syntax": ["error", NO_PARSE_FLOAT],
    },
  },
  {
    files: ["servers/*/src/**/*.ts"],
    ignores: ["servers/lib/src/db/transaction.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        NO_PARSE_FLOAT,
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message:
            "Use transaction(db, fn) from @aitbc/server-lib: the one way the services run a transaction (it refuses to nest one on SQLite).",
        },
      ],
    },
  },
);
