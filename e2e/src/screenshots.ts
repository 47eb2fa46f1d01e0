// Screenshots of every page, for people to look at (AITBC_E2E_SCREENSHOTS=<dir> keeps them in a
// known place; by default they go to a temp dir whose path the run prints).
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";

let dir: string | undefined;

export function screenshotDir(): string {
  if (!dir) {
    dir = process.env.AITBC_E2E_SCREENSHOTS || mkdtempSync(join(tmpdir(), "aitbc-e2e-shots-"));
    mkdirSync(dir, { recursive: true });
  }
  return dir;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(screenshotDir(), `${name}.png`);
  // From the top, or the sticky header lands in the middle of a full-page shot.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
  return path;
}
