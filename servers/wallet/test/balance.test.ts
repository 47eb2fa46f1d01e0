import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressFromPublicKey, generateKeyPair } from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { failure } from "@aitbc/server-lib/testing";
import { startWalletHarness, type WalletHarness } from "./support/wallet-harness.js";

describe.each(testDatabaseKinds())("wallet balance and authentication (%s)", (kind) => {
  let h: WalletHarness;
  beforeAll(async () => {
    h = await startWalletHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("shows the caller's on-chain balance in its documented shape", async () => {
    const provider = await h.account("gpu-compute-pro", "provider", 100);
    const balance = await provider.client.wallet.getBalance();
    expect(balance).toEqual({
      balance: 100.0,
      currency: "AITBC",
      address: provider.address,
      balance_micro: "100000000",
      locked: 0,
      locked_micro: "0",
      nonce: 0,
    });
  });

  it("shows exact fractional balances", async () => {
    const a = await h.account("fractional", "customer", 0.000001);
    expect(await a.client.wallet.getBalance()).toMatchObject({
      balance: 0.000001,
      balance_micro: "1",
    });
  });

  it("reads another address with ?address, and the admin key must name one", async () => {
    const a = await h.account("reader", "customer");
    const b = await h.account("funded-other", "customer", 7);
    expect(await a.client.wallet.getBalance({ query: { address: b.address } })).toMatchObject({
      address: b.address,
      balance: 7,
    });
    expect(await h.admin.wallet.getBalance({ query: { address: b.address } })).toMatchObject({
      balance: 7,
    });
    const err = await failure(h.admin.wallet.getBalance());
    expect(err).toMatchObject({ status: 400, code: "validation_failed" });
    expect(err.problem.errors?.[0]?.field).toBe("query.address");
  });

  it("rejects a malformed address with 400 naming the field", async () => {
    const a = await h.account("typo", "customer");
    const err = await failure(a.client.wallet.getBalance({ query: { address: "aitbcXYZ" } }));
    expect(err).toMatchObject({ status: 400, code: "validation_failed" });
    expect(err.problem.errors?.map((e) => e.field)).toContain("query.address");
  });

  it("answers 401 without a key and for a key the coordinator does not know", async () => {
    const noKey = await failure(h.anonymous.wallet.getBalance());
    expect(noKey).toMatchObject({ status: 401, code: "unauthorized" });
    const unknown = await failure(h.clientWithKey("not-a-real-key").wallet.getBalance());
    expect(unknown).toMatchObject({ status: 401, code: "unauthorized" });
  });

  it("answers 503 when the coordinator cannot check the key", async () => {
    const a = await h.account("while-broken", "customer");
    h.coordinator.setBroken(true);
    try {
      const err = await failure(a.client.wallet.getBalance());
      expect(err).toMatchObject({ status: 503, code: "unavailable" });
    } finally {
      h.coordinator.setBroken(false);
    }
    expect(await a.client.wallet.getBalance()).toMatchObject({ address: a.address });
  });

  it("shows a non-custodial account's balance from its own chain address", async () => {
    const own = addressFromPublicKey(generateKeyPair().publicKey);
    await h.chain.fund(own, 12.5);
    const key = h.coordinator.addAccount({ id: "self-custody", role: "customer", address: own });
    expect(await h.clientWithKey(key).wallet.getBalance()).toMatchObject({
      address: own,
      balance: 12.5,
    });
  });

  it("says 404 for an account without an address or custodial key", async () => {
    const key = h.coordinator.addAccount({ id: "no-wallet", role: "customer", address: null });
    const err = await failure(h.clientWithKey(key).wallet.getBalance());
    expect(err).toMatchObject({ status: 404, code: "not_found" });
  });

  it("answers health with its dependencies", async () => {
    expect(await h.anonymous.wallet.getHealth()).toMatchObject({
      status: "ok",
      service: "wallet",
      checks: { database: "ok", chain: "ok" },
    });
  });
});

describe("identity cache", () => {
  let h: WalletHarness;
  beforeAll(async () => {
    h = await startWalletHarness("sqlite", { identityCacheMs: 500 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("asks the coordinator once per 500 ms window for a burst of calls with one key", async () => {
    const a = await h.account("cached", "customer");
    const before = h.coordinator.calls;
    const started = Date.now();
    for (let i = 0; i < 5; i++) await a.client.wallet.getBalance();
    const windows = Math.ceil((Date.now() - started) / 500);
    expect(h.coordinator.calls - before).toBeLessThanOrEqual(Math.min(windows, 5));
  });
});

describe("when the chain node is down", () => {
  let h: WalletHarness;
  beforeAll(async () => {
    h = await startWalletHarness("sqlite");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("answers 503 unavailable and reports the chain down in health", async () => {
    const a = await h.account("stranded", "customer", 5);
    await h.chain.close();
    expect(await failure(a.client.wallet.getBalance())).toMatchObject({
      status: 503,
      code: "unavailable",
    });
    expect(
      await failure(
        a.client.wallet.createTransfer({ body: { to: "aitbc" + "3".repeat(40), amount: 1 } }),
      ),
    ).toMatchObject({ status: 503, code: "unavailable" });
    expect(await h.anonymous.wallet.getHealth()).toMatchObject({
      status: "degraded",
      checks: { database: "ok", chain: "down" },
    });
  });
});
