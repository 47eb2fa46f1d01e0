import { defineConfig } from "vitest/config";

// Several tests start Prism or child processes; on a busy 2-core machine they take seconds.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
