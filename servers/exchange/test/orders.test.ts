import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { failure, pollUntil } from "@aitbc/server-lib/testing";
import { startExchangeHarness, type ExchangeHarness } from "./support/exchange-harness.js";

describe.each(testDatabaseKinds())("exchange orders (%s)", (kind) => {
  let h: ExchangeHarness;
  beforeAll(async () => {
    h = await startExchangeHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("creates an order for 1000 AITBC with a fresh testnet deposit address", async () => {
    const buyer = h.buyer("customer-123");
    const order = await buyer.client.exchange.createOrder({
      body: { amount_aitbc: 1000, payment_method: "bitcoin_testnet" },
    });
    expect(order).toMatchObject({
      status: "awaiting_payment",
      payment_method: "bitcoin_testnet",
      amount_aitbc: 1000,
      amount_aitbc_micro: "1000000000",
      amount_btc: 0.01,
      amount_sats: 1_000_000,
      rate: 100000,
      buyer_address: buyer.address,
      received_sats: 0,
      confirmations: 0,
      btc_txids: [],
      mint_tx_hash: null,
      paid_at: null,
      minted_at: null,
    });
    expect(order.order_id).toMatch(/^[0-9a-f]{32}$/);
    expect(order.deposit_address).toMatch(/^tb1q[02-9ac-hj-np-z]{38}$/);
    expect(Date.parse(order.expires_at) - Date.parse(order.created_at)).toBe(3600 * 1000);

    const other = await buyer.client.exchange.createOrder({
      body: { amount_aitbc: 1000, payment_method: "bitcoin_testnet" },
    });
    expect(other.deposit_address).not.toBe(order.deposit_address);
    expect(await buyer.client.exchange.getOrder({ path: { order_id: order.order_id } })).toEqual(
      order,
    );
  });

  it("quotes from a BTC amount, and rounds AITBC amounts up to whole satoshis", async () => {
    const buyer = h.buyer("btc-buyer");
    const byBtc = await buyer.client.exchange.createOrder({
      body: { amount_btc: 0.0015, payment_method: "bitcoin_testnet" },
    });
    expect(byBtc).toMatchObject({ amount_aitbc: 150, amount_sats: 150_000, amount_btc: 0.0015 });
    const odd = await buyer.client.exchange.createOrder({
      body: { amount_aitbc: 1.0005, payment_method: "bitcoin_testnet" },
    });
    expect(odd).toMatchObject({ amount_aitbc: 1.0005, amount_sats: 1001 });
  });

  it.each([
    [
      { amount_aitbc: 10, amount_btc: 0.0001, payment_method: "bitcoin_testnet" },
      "body.amount_aitbc",
    ],
    [{ payment_method: "bitcoin_testnet" }, "body.amount_aitbc"],
    [{ amount_aitbc: 0.5, payment_method: "bitcoin_testnet" }, "body.amount_aitbc"],
    [{ amount_aitbc: 2_000_000, payment_method: "bitcoin_testnet" }, "body.amount_aitbc"],
    [{ amount_aitbc: 1.1234567, payment_method: "bitcoin_testnet" }, "body.amount_aitbc"],
    [{ amount_btc: 0.000000001, payment_method: "bitcoin_testnet" }, "body.amount_btc"],
    [{ amount_aitbc: 10, payment_method: "paypal" }, "body.payment_method"],
  ])("rejects %j with 400 naming %s, creating nothing", async (body, field) => {
    const buyer = h.buyer(`bad-${field}-${JSON.stringify(body).length}`);
    const err = await failure(
      buyer.client.exchange.createOrder({ body: body as { payment_method: "bitcoin_testnet" } }),
    );
    expect(err).toMatchObject({ status: 400, code: "validation_failed" });
    expect(err.problem.errors?.map((e) => e.field)).toContain(field);
    expect((await buyer.client.exchange.listOrders()).items).toEqual([]);
  });

  it("needs an account key with a chain address: 401, 403 for the admin key, 409 without address", async () => {
    const body = { amount_aitbc: 10, payment_method: "bitcoin_testnet" as const };
    expect(await failure(h.anonymous.exchange.createOrder({ body }))).toMatchObject({
      status: 401,
      code: "unauthorized",
    });
    expect(await failure(h.admin.exchange.createOrder({ body }))).toMatchObject({
      status: 403,
      code: "forbidden",
    });
    const key = h.coordinator.addAccount({ id: "no-address", role: "customer", address: null });
    expect(await failure(h.clientWithKey(key).exchange.createOrder({ body }))).toMatchObject({
      status: 409,
      code: "conflict",
    });
  });

  it("hides other accounts' orders (404) and lists only the caller's; the admin sees all", async () => {
    const alice = h.buyer("alice");
    const bob = h.buyer("bob");
    const mine = await alice.client.exchange.createOrder({
      body: { amount_aitbc: 5, payment_method: "bitcoin_testnet" },
    });
    expect(
      await failure(bob.client.exchange.getOrder({ path: { order_id: mine.order_id } })),
    ).toMatchObject({ status: 404, code: "not_found" });
    expect((await bob.client.exchange.listOrders()).items).toEqual([]);
    expect((await alice.client.exchange.listOrders()).items.map((o) => o.order_id)).toEqual([
      mine.order_id,
    ]);
    const all = await h.admin.exchange.listOrders({ query: { limit: 200 } });
    expect(all.items.map((o) => o.order_id)).toContain(mine.order_id);
    expect(
      await failure(bob.client.exchange.getOrder({ path: { order_id: "not-an-order-id" } })),
    ).toMatchObject({ status: 400, code: "validation_failed" });
  });

  it("a tenant admin's key is no platform admin: it sees neither another tenant's orders nor anyone else's", async () => {
    const victim = h.buyer("tenant-b-buyer");
    h.coordinator.update(victim.apiKey, { tenant_id: "tenant-b" });
    const order = await victim.client.exchange.createOrder({
      body: { amount_aitbc: 5, payment_method: "bitcoin_testnet" },
    });
    const tenantAdmin = h.clientWithKey(
      h.coordinator.addAccount({
        id: "tenant-a-admin",
        role: "admin",
        tenant_id: "tenant-a",
        address: null,
      }),
    );
    expect(
      await failure(tenantAdmin.exchange.getOrder({ path: { order_id: order.order_id } })),
    ).toMatchObject({ status: 404, code: "not_found" });
    const listed = await tenantAdmin.exchange.listOrders({ query: { limit: 200 } });
    expect(listed.items.map((o) => o.order_id)).not.toContain(order.order_id);
    const platform = await h.admin.exchange.getOrder({ path: { order_id: order.order_id } });
    expect(platform.order_id).toBe(order.order_id);
  });

  it("refuses a revoked key within 1 s, and caches unknown keys instead of asking the coordinator each time", async () => {
    const cached = await startExchangeHarness(kind, { identityCacheMs: 500 });
    try {
      const buyer = cached.buyer("soon-revoked");
      await buyer.client.exchange.listOrders();
      cached.coordinator.revoke(buyer.apiKey);
      const revokedAt = Date.now();
      // The first request sent 1 s after the revocation is refused (timed by when it was sent, so
      // a slow machine's answer time does not count).
      let refusedSentAt = 0;
      await pollUntil(async () => {
        const sentAt = Date.now();
        const refused = await buyer.client.exchange.listOrders().then(
          () => false,
          (err: { status?: number }) => err.status === 401,
        );
        if (refused) refusedSentAt = sentAt;
        return refused;
      }, "the revoked key to be refused");
      expect(refusedSentAt - revokedAt).toBeLessThanOrEqual(1000);
      const before = cached.coordinator.calls;
      const started = Date.now();
      const stranger = cached.clientWithKey("ak_customer_made-up");
      for (let i = 0; i < 20; i++)
        expect(await failure(stranger.exchange.listOrders())).toMatchObject({ status: 401 });
      // One coordinator call per 500 ms cache window, however many requests fall in it.
      const windows = Math.ceil((Date.now() - started) / 500);
      expect(cached.coordinator.calls - before).toBeLessThanOrEqual(windows + 1);
      expect(cached.coordinator.calls - before).toBeLessThan(20);
    } finally {
      await cached.close();
    }
  });

  it("pages the caller's orders newest first", async () => {
    const buyer = h.buyer("pager");
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (
          await buyer.client.exchange.createOrder({
            body: { amount_aitbc: 1 + i, payment_method: "bitcoin_testnet" },
          })
        ).order_id,
      );
    const first = await buyer.client.exchange.listOrders({ query: { limit: 2 } });
    expect(first.items).toHaveLength(2);
    const second = await buyer.client.exchange.listOrders({
      query: { limit: 2, cursor: first.page.next_cursor! },
    });
    expect(second.page.next_cursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((o) => o.order_id))).toEqual(new Set(ids));
  });

  it("returns the first order for a retry with the same Idempotency-Key", async () => {
    const buyer = h.buyer("retrier");
    const headers = { "Idempotency-Key": "order-once" };
    const body = { amount_aitbc: 42, payment_method: "bitcoin_testnet" as const };
    const a = await buyer.client.exchange.createOrder({ body, headers });
    const b = await buyer.client.exchange.createOrder({ body, headers });
    expect(b).toEqual(a);
    expect((await buyer.client.exchange.listOrders()).items).toHaveLength(1);
  });
});
