// Bundles each site's browser code (src/pages/<site>/main.ts, with the SDK) into
// dist/pages/<site>/app.js + app.css, and copies its index.html and the favicon next to them.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const sites = ["marketplace", "explorer", "exchange", "miner-dashboard"];
const out = join(root, "dist", "pages");
rmSync(out, { recursive: true, force: true });

await Promise.all(
  sites.map(async (site) => {
    const src = join(root, "src", "pages", site);
    const dest = join(out, site);
    mkdirSync(dest, { recursive: true });
    await build({
      entryPoints: { app: join(src, "main.ts") },
      outdir: dest,
      bundle: true,
      format: "esm",
      platform: "browser",
      target: ["es2022"],
      minify: true,
      sourcemap: "linked",
      legalComments: "none",
      logLevel: "warning",
      // The SDK loads `ws` only in Node; a browser bundle must never contain it.
      external: ["ws"],
    });
    copyFileSync(join(src, "index.html"), join(dest, "index.html"));
    copyFileSync(join(root, "src", "pages", "common", "favicon.svg"), join(dest, "favicon.svg"));
  }),
);
console.log(`pages: ${sites.join(", ")} → ${out}`);
