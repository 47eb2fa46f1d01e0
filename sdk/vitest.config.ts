import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The tests run the source: `#web-socket` of package.json points at the built files.
  resolve: {
    alias: {
      "#web-socket": fileURLToPath(new URL("./src/jobs/web-socket-node.ts", import.meta.url)),
    },
  },
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
