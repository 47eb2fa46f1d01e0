import { defineConfig } from "vitest/config";

// Model loading and whole-stack tests take seconds, not milliseconds; files run one at a time so
// the two shared cores are not split between llama.cpp instances.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
