// Where the built pages live (dist/pages/<site>/, made by scripts/build-pages.mjs), and how the
// Trade Exchange page is handed to the exchange server, which serves it from a directory
// (AITBC_EXCHANGE_PAGES_DIR) on its own port next to its API.
import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PublicConfig, Site } from "./public-config.js";

/** <package>/dist/pages. This file runs from dist/ (built) or src/ (tests): both one level down. */
export function pagesRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), "..", "dist", "pages");
}

export class PagesNotBuiltError extends Error {
  constructor(readonly dir: string) {
    super(
      `The web pages are not built (${dir} is missing). Run: npx turbo run build --filter=@aitbc/web`,
    );
    this.name = "PagesNotBuiltError";
  }
}

export function siteDir(site: Site): string {
  const dir = join(pagesRoot(), site);
  if (!existsSync(join(dir, "index.html"))) throw new PagesNotBuiltError(dir);
  return dir;
}

/**
 * The built Trade Exchange page without a config.json: served as is, it talks to the exchange API
 * on its own origin and to the stack's default ports for the rest. Use writeExchangePages for a
 * stack on other ports.
 */
export function exchangePagesDir(): string {
  return siteDir("exchange");
}

/**
 * Copies the Trade Exchange page into `targetDir` with a config.json holding the stack's URLs, and
 * returns `targetDir`: point the exchange's AITBC_EXCHANGE_PAGES_DIR at it.
 */
export function writeExchangePages(targetDir: string, config: PublicConfig): string {
  const target = resolve(targetDir);
  mkdirSync(target, { recursive: true });
  cpSync(exchangePagesDir(), target, { recursive: true });
  writeFileSync(join(target, "config.json"), JSON.stringify(config, null, 2) + "\n");
  return target;
}
