import { defineConfig } from "vitest/config";

// An outside developer's first minutes, against one stack started for the run: the tarballs of
// the packages installed into an empty project running the getting-started script, and the SDK's
// waits against the real coordinator. Installing from the npm cache takes about half a minute.
export default defineConfig({
  test: {
    include: ["test/getting-started/**/*.test.ts"],
    globalSetup: ["test/getting-started/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
