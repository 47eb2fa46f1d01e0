import { defineConfig } from "vitest/config";

// One stack for the whole run (global setup), the files one after another so the two shared
// cores are not split between browsers and the miner; a job takes seconds, not milliseconds.
export default defineConfig({
  test: {
    include: ["test/**/*.e2e.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
