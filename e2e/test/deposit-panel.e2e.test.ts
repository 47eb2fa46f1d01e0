// A customer's prepaid deposit on the marketplace's "My jobs" page, in a real browser against a
// real stack: add to it, a bad amount and a short balance refused, withdraw, and release the rest
// once the chain's delay has passed.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AitbcClient } from "@aitbc/sdk";
import { launchChromium } from "../src/chromium.js";
import { clientFor, openPage, signIn, until, type OpenedPage } from "../src/page-helpers.js";
import { screenshot } from "../src/screenshots.js";

const stack = inject("stack");

describe.skipIf(!stack)("marketplace deposit panel", () => {
  const s = stack!;
  let browser: Browser;
  let opened: OpenedPage;
  let page: Page;
  let customer: AitbcClient;
  let customerKey: string;

  beforeAll(async () => {
    const admin = clientFor(s.config, s.credentials.admin.api_key);
    // Its own customer, so the dev customer's jobs elsewhere keep their own funding.
    const account = await admin.coordinator.createAccount({
      body: { id: "deposit-customer", name: "Deposit Customer", role: "customer" },
    });
    customerKey = account.api_key;
    customer = clientFor(s.config, customerKey);
    await admin.node.requestFaucet({ body: { address: account.address!, amount: 50 } });
    await until(
      () => customer.wallet.getBalance(),
      (b) => b.balance === 50,
      "the faucet's 50 AITBC",
    );
    browser = await launchChromium();
    opened = await openPage(browser, `${s.config.marketplace!}#/jobs`);
    page = opened.page;
  });

  afterAll(async () => {
    await browser?.close();
  });

  const state = () => page.locator("#deposit-state").innerText();

  it("adds to the deposit; a bad amount and a short balance are refused and move nothing", async () => {
    expect(await signIn(page, customerKey)).toBe("customer");
    await page.locator("#deposit-card #deposit-state").waitFor();
    expect(await state()).toBe("none");

    await page.locator("#deposit-amount").fill("1.1234567");
    await page.locator("#deposit-add").click();
    expect(await page.locator("#deposit-status .notice-error").innerText()).toContain(
      "Please check the amount",
    );

    await page.locator("#deposit-amount").fill("1000");
    await page.locator("#deposit-add").click();
    await page.locator("#deposit-status .notice-error").getByText("Not enough AITBC").waitFor();
    expect(await customer.wallet.getDeposit()).toMatchObject({ amount: 0, status: "none" });

    await page.locator("#deposit-amount").fill("12.5");
    await page.locator("#deposit-add").click();
    await page.locator("#deposit-status .notice-success").waitFor();
    expect(await page.locator("#deposit-amount-value").innerText()).toBe("12.5 AITBC");
    expect(await state()).toBe("active");
    expect(await customer.wallet.getDeposit()).toMatchObject({ amount: 12.5, status: "active" });
    expect((await customer.wallet.getBalance()).balance).toBe(37.5);
    await screenshot(page, "marketplace-deposit");
  });

  it("withdraws, shows the block the release waits for, then releases the rest", async () => {
    await page.locator("#deposit-withdraw").click();
    await page.locator("#deposit-status .notice-success").getByText("Withdrawal started").waitFor();
    expect(await state()).toBe("withdrawing");
    const d = await customer.wallet.getDeposit();
    expect(await page.locator("#deposit-unlock").innerText()).toContain(
      `from block ${d.unlock_height}`,
    );
    expect(await page.locator("#deposit-release").count()).toBe(0);

    await until(
      () => customer.wallet.getDeposit(),
      (x) => x.releasable,
      "the deposit's unlock height",
      60_000,
    );
    await page.reload();
    await page.locator("#deposit-release").click();
    await page.locator("#deposit-status .notice-success").getByText("Released").waitFor();
    expect(await state()).toBe("none");
    expect((await customer.wallet.getBalance()).balance).toBe(50);
    expect(opened.errors).toEqual([]);
  }, 90_000);
});
