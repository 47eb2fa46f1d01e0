import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExchangeHarness, type ExchangeHarness } from "./support/exchange-harness.js";

describe("exchange rates and health", () => {
  let h: ExchangeHarness;
  beforeAll(async () => {
    h = await startExchangeHarness("sqlite");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("quotes the fixed rate, 1 BTC = 100,000 AITBC, without a key", async () => {
    const rates = await h.anonymous.exchange.getRates();
    expect(rates).toMatchObject({
      base: "BTC",
      quote: "AITBC",
      rate: 100000,
      aitbc_per_btc: 100000,
      btc_per_aitbc: 0.00001,
      sats_per_aitbc: 1000,
      payment_methods: ["bitcoin_testnet"],
      required_confirmations: 1,
      order_ttl_s: 3600,
    });
  });

  it("reports its dependencies in health", async () => {
    expect(await h.anonymous.exchange.getHealth()).toMatchObject({
      status: "ok",
      service: "exchange",
      checks: { database: "ok", chain: "ok", bitcoin: "ok" },
    });
  });
});

describe("an exchange with the embedded fake Bitcoin network (dev stack)", () => {
  let h: ExchangeHarness;
  beforeAll(async () => {
    h = await startExchangeHarness("sqlite", { fakeBitcoinPort: 0 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("serves Esplora on its own port and settles payments made there", async () => {
    const url = h.exchange.fakeBitcoinUrl!;
    expect(url).not.toBe(h.bitcoin.url);
    const buyer = h.buyer("dev-buyer");
    const order = await buyer.client.exchange.createOrder({
      body: { amount_aitbc: 2, payment_method: "bitcoin_testnet" },
    });
    const post = (path: string, body: unknown) =>
      fetch(url + path, { method: "POST", body: JSON.stringify(body) });
    expect((await post("/_fake/pay", { address: order.deposit_address, sats: 2000 })).status).toBe(
      200,
    );
    await post("/_fake/mine", { blocks: 1 });
    await h.settleUntil(
      async () =>
        (await buyer.client.exchange.getOrder({ path: { order_id: order.order_id } })).status ===
        "minted",
      "the order to be minted",
    );
  });
});

describe("the Trade Exchange page on the API's port", () => {
  let h: ExchangeHarness;
  let pages: string;
  beforeAll(async () => {
    pages = mkdtempSync(join(tmpdir(), "aitbc-pages-"));
    writeFileSync(join(pages, "index.html"), "<!doctype html><title>AITBC Trade Exchange</title>");
    h = await startExchangeHarness("sqlite", { pagesDir: pages });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(pages, { recursive: true, force: true });
  });

  it("serves the page at / and keeps /api/v1 as the API", async () => {
    const page = await fetch(`${h.exchange.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("AITBC Trade Exchange");
    expect((await h.anonymous.exchange.getRates()).rate).toBe(100000);
    const missing = await fetch(`${h.exchange.url}/api/v1/nothing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
  });
});
