// What every browser test does: open a page in a fresh context, sign in through the key box,
// collect uncaught page errors, and wait for the app rather than for time.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createAitbcClient, pollUntil, type AitbcClient } from "@aitbc/sdk";
import type { PublicConfig } from "@aitbc/web";

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions in the page; a test ends by checking there were none. */
  errors: string[];
}

export async function openPage(browser: Browser, url: string): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto(url);
  return { page, context, errors };
}

/** Pastes a key into the header's key box and waits until the coordinator accepted it. */
export async function signIn(page: Page, apiKey: string): Promise<string> {
  const input = page.locator("#api-key-input");
  if (!(await input.isVisible())) await page.locator(".key-summary").click();
  await input.fill(apiKey);
  await page.locator("#api-key-save").click();
  const who = page.locator("#signed-in-as");
  await who.waitFor();
  return (await who.getAttribute("data-role")) ?? "";
}

export function clientFor(config: PublicConfig, apiKey?: string): AitbcClient {
  return createAitbcClient({
    coordinatorUrl: config.coordinator,
    nodeUrl: config.nodes[0],
    walletUrl: config.wallet,
    ...(config.exchange ? { exchangeUrl: config.exchange } : {}),
    ...(apiKey ? { apiKey } : {}),
  });
}

/** Polls `read` until `done` holds, or fails with the last value after the deadline. */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  let last: T | undefined;
  // Wrapped, so that a value the caller waits for may itself be undefined.
  const found = await pollUntil(
    async () => {
      last = await read();
      return done(last) ? { value: last } : undefined;
    },
    {
      timeoutMs,
      intervalMs: 200,
      timeoutError: () =>
        new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`),
    },
  );
  return found.value;
}
