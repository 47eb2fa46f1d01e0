import { defineConfig } from "vitest/config";

// The user docs and the CLI's help read by someone new to the project; no stack, a few seconds.
export default defineConfig({
  test: {
    include: ["test/docs/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
