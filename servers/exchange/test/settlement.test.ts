import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { startExchangeHarness, type ExchangeHarness } from "./support/exchange-harness.js";

describe.each(testDatabaseKinds())("paying for an order with testnet BTC (%s)", (kind) => {
  let h: ExchangeHarness;
  beforeAll(async () => {
    h = await startExchangeHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("mints the AITBC to the buyer once the deposit is confirmed, exactly once", async () => {
    const buyer = h.buyer("customer-123");
    const order = await buyer.client.exchange.createOrder({
      body: { amount_aitbc: 1000, payment_method: "bitcoin_testnet" },
    });
    const get = () => buyer.client.exchange.getOrder({ path: { order_id: order.order_id } });
    const txid = h.bitcoin.pay(order.deposit_address, order.amount_sats);

    // In the mempool: seen, not yet paid.
    await h.exchange.pollDeposits();
    expect(await get()).toMatchObject({
      status: "awaiting_payment",
      received_sats: 1_000_000,
      confirmations: 0,
      btc_txids: [txid],
    });

    h.bitcoin.mine(1);
    await h.settleUntil(async () => (await get()).status === "minted", "the order to be minted");
    const minted = await get();
    expect(minted).toMatchObject({ status: "minted", confirmations: 1 });
    expect(minted.paid_at).not.toBeNull();
    expect(minted.minted_at).not.toBeNull();
    const mint = await buyer.client.node.getTransaction({
      body: { tx_hash: minted.mint_tx_hash! },
    });
    expect(mint).toMatchObject({ status: "confirmed", type: "mint", to: buyer.address });
    expect(mint.tx.payload).toMatchObject({ amount: "1000000000", reference: order.order_id });
    const account = await buyer.client.node.getAccount({ path: { address: buyer.address } });
    expect(account.balance_micro).toBe("1000000000");

    // More passes and more blocks change nothing.
    h.bitcoin.mine(2);
    for (let i = 0; i < 3; i++) await h.exchange.pollDeposits();
    expect((await get()).mint_tx_hash).toBe(minted.mint_tx_hash);
    expect(
      (await buyer.client.node.getAccount({ path: { address: buyer.address } })).balance_micro,
    ).toBe("1000000000");
  });

  it("waits for the full amount: an underpayment stays awaiting_payment and mints nothing", async () => {
    const buyer = h.buyer("short-payer");
    const order = await buyer.client.exchange.createOrder({
      body: { amount_aitbc: 10, payment_method: "bitcoin_testnet" },
    });
    h.bitcoin.pay(order.deposit_address, order.amount_sats - 1);
    h.bitcoin.mine(1);
    await h.exchange.pollDeposits();
    await h.exchange.pollDeposits();
    expect(
      await buyer.client.exchange.getOrder({ path: { order_id: order.order_id } }),
    ).toMatchObject({ status: "awaiting_payment", received_sats: 9_999, mint_tx_hash: null });
    expect(
      (await buyer.client.node.getAccount({ path: { address: buyer.address } })).balance_micro,
    ).toBe("0");

    // The rest arrives in a second transaction: now it is paid in full.
    h.bitcoin.pay(order.deposit_address, 1);
    h.bitcoin.mine(1);
    await h.settleUntil(
      async () =>
        (await buyer.client.exchange.getOrder({ path: { order_id: order.order_id } })).status ===
        "minted",
      "the topped-up order to be minted",
    );
    expect(
      (await buyer.client.node.getAccount({ path: { address: buyer.address } })).balance_micro,
    ).toBe("10000000");
  });
});

describe("orders that are not paid in time", () => {
  let h: ExchangeHarness;
  beforeAll(async () => {
    h = await startExchangeHarness("sqlite", { orderTtlS: 1 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("expire, and a late payment mints nothing", async () => {
    const buyer = h.buyer("too-late");
    const order = await buyer.client.exchange.createOrder({
      body: { amount_aitbc: 3, payment_method: "bitcoin_testnet" },
    });
    await h.settleUntil(
      async () =>
        (await buyer.client.exchange.getOrder({ path: { order_id: order.order_id } })).status ===
        "expired",
      "the order to expire",
    );
    h.bitcoin.pay(order.deposit_address, order.amount_sats);
    h.bitcoin.mine(1);
    await h.exchange.pollDeposits();
    expect(
      (await buyer.client.exchange.getOrder({ path: { order_id: order.order_id } })).status,
    ).toBe("expired");
    expect(
      (await buyer.client.node.getAccount({ path: { address: buyer.address } })).balance_micro,
    ).toBe("0");
  });
});
