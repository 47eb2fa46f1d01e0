import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Multi-node tests share two CPU cores with other suites: one file at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { AITBC_LOG_LEVEL: process.env.AITBC_LOG_LEVEL ?? "silent" },
  },
});
