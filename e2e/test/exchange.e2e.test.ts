// The Trade Exchange page (:23000, served by the exchange itself): a customer buying
// 1000 AITBC with Bitcoin testnet at 1 BTC = 100,000 AITBC. The BTC payment comes from outside
// the page, as it would from a real wallet: here the exchange's fake testnet.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../src/chromium.js";
import { clientFor, openPage, signIn, type OpenedPage } from "../src/page-helpers.js";
import { screenshot } from "../src/screenshots.js";

const stack = inject("stack");

async function fakeBitcoin(url: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
}

describe.skipIf(!stack)("trade exchange page", () => {
  const s = stack!;
  let browser: Browser;
  let opened: OpenedPage;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    opened = await openPage(browser, s.config.exchange!);
    page = opened.page;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("quotes 1000 AITBC at 0.01 BTC, and refuses to order without a key or for nothing", async () => {
    await page.locator("#rate").waitFor();
    expect(await page.locator("#rate").innerText()).toBe("1 BTC = 100,000 AITBC");
    expect(await page.locator("#buy-method option").allInnerTexts()).toEqual(["Bitcoin (testnet)"]);
    await page.locator("#buy-amount").fill("1000");
    expect(await page.locator("#quote-btc").innerText()).toBe("0.01 BTC");
    expect(await page.locator("#quote").innerText()).toContain("1,000,000 sats");

    await page.locator("#buy-submit").click();
    expect(await page.locator("#buy-status").innerText()).toContain("Sign in first");
    await page.locator("#buy-amount").fill("0");
    expect(await page.locator("#quote").innerText()).toContain("above zero");

    const customer = clientFor(s.config, s.credentials.customer.api_key);
    const orders = await customer.exchange.listOrders({ query: { limit: 200 } });
    expect(orders.items).toEqual([]);
    await screenshot(page, "exchange-quote");
  });

  it("buys 1000 AITBC: order, deposit address, payment, confirmation, mint", async () => {
    const customer = clientFor(s.config, s.credentials.customer.api_key);
    const before = await customer.wallet.getBalance();
    expect(await signIn(page, s.credentials.customer.api_key)).toBe("customer");
    await page.locator("#wallet-balance").waitFor();
    await page.locator("#buy-amount").fill("1000");
    await page.locator("#buy-submit").click();

    const detail = page.locator("#order-detail");
    await detail.waitFor();
    const orderId = (await detail.getAttribute("data-order-id"))!;
    await page.locator('#order-status[data-status="awaiting_payment"]').waitFor();
    expect(await page.locator("#order-btc").innerText()).toBe("0.01 BTC");
    const order = await customer.exchange.getOrder({ path: { order_id: orderId } });
    expect(order).toMatchObject({
      amount_aitbc: 1000,
      amount_sats: 1_000_000,
      buyer_address: s.credentials.customer.address,
    });
    expect(await page.locator("#order-card").innerText()).toContain(order.deposit_address);
    expect(await page.locator(".notice-info").innerText()).toContain("/_fake/pay");
    await screenshot(page, "exchange-order-awaiting-payment");

    await fakeBitcoin(s.fakeBitcoinUrl, "/_fake/pay", {
      address: order.deposit_address,
      sats: order.amount_sats,
    });
    await fakeBitcoin(s.fakeBitcoinUrl, "/_fake/mine", {});

    await page.locator('#order-status[data-status="minted"]').waitFor();
    const mintHash = await page.locator("#mint-tx").getAttribute("data-tx-hash");
    expect(mintHash).toMatch(/^0x[0-9a-f]{64}$/);
    const mint = await clientFor(s.config).node.getTransaction({ body: { tx_hash: mintHash! } });
    expect(mint).toMatchObject({
      type: "mint",
      status: "confirmed",
      to: s.credentials.customer.address,
      amount_micro: "1000000000",
    });
    const after = await customer.wallet.getBalance();
    expect(BigInt(after.balance_micro) - BigInt(before.balance_micro)).toBe(1_000_000_000n);
    await screenshot(page, "exchange-order-minted");
    expect(opened.errors).toEqual([]);
  });
});
