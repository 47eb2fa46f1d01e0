import { defineConfig } from "vitest/config";

// Every suite starts a chain node, a coordinator double and the wallet; on a shared 2-core machine
// a single test can take several seconds without anything being wrong.
export default defineConfig({
  test: { testTimeout: 30_000, hookTimeout: 30_000 },
});
