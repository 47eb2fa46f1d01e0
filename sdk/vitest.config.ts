import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    tags: [
      {
        name: "packaging",
        description:
          "npm pack + install into an empty project; runs in npm test (about 30 s). Skip with --tags-filter='!packaging'.",
        timeout: 120_000,
      },
    ],
  },
});
