import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { failure } from "@aitbc/server-lib/testing";
import {
  startWalletHarness,
  type TestAccount,
  type WalletHarness,
} from "./support/wallet-harness.js";

describe.each(testDatabaseKinds())("wallet transfers (%s)", (kind) => {
  let h: WalletHarness;
  beforeAll(async () => {
    h = await startWalletHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The sender's chain state: balance and both nonces (a signed tx moves pending_nonce). */
  async function chainState(a: TestAccount) {
    const acct = await a.client.node.getAccount({ path: { address: a.address } });
    return { balance: acct.balance_micro, nonce: acct.nonce, pending: acct.pending_nonce };
  }

  it("moves AITBC on chain and answers once a block has it", async () => {
    const alice = await h.account("alice", "customer", 100);
    const bob = await h.account("bob", "provider");
    const t = await alice.client.wallet.createTransfer({ body: { to: bob.address, amount: 25.5 } });
    expect(t).toMatchObject({
      from: alice.address,
      to: bob.address,
      amount: 25.5,
      amount_micro: "25500000",
      nonce: 0,
      status: "confirmed",
    });
    expect(t.block_height).toBeGreaterThan(0);
    const onChain = await alice.client.node.getTransaction({ body: { tx_hash: t.tx_hash } });
    expect(onChain).toMatchObject({ status: "confirmed", type: "transfer", from: alice.address });
    expect((await alice.client.wallet.getBalance()).balance).toBe(74.5);
    expect((await bob.client.wallet.getBalance()).balance).toBe(25.5);
  });

  it("refuses an overspend with 402 and signs nothing", async () => {
    const carol = await h.account("carol", "customer", 10);
    const dave = await h.account("dave", "customer");
    const before = await chainState(carol);
    const err = await failure(
      carol.client.wallet.createTransfer({ body: { to: dave.address, amount: 10.000001 } }),
    );
    expect(err).toMatchObject({ status: 402, code: "insufficient_funds" });
    expect(await chainState(carol)).toEqual(before);
    expect((await dave.client.wallet.getBalance()).balance).toBe(0);
  });

  it.each([
    [{ to: "aitbc123", amount: 1 }, "body.to"],
    [{ to: "0x" + "ab".repeat(20), amount: 1 }, "body.to"],
    [{ to: "VALID", amount: 0 }, "body.amount"],
    [{ to: "VALID", amount: -5 }, "body.amount"],
    [{ to: "VALID", amount: 1.0000001 }, "body.amount"],
    [{ to: "VALID" }, "body.amount"],
  ])("rejects %j with 400 naming %s, and moves nothing", async (body, field) => {
    const erin = await h.account(`erin-${field}-${JSON.stringify(body).length}`, "customer", 5);
    const target = await h.account(`target-${field}-${JSON.stringify(body).length}`, "customer");
    const payload = { ...body, ...(body.to === "VALID" ? { to: target.address } : {}) };
    const before = await chainState(erin);
    const err = await failure(
      erin.client.wallet.createTransfer({ body: payload as { to: string; amount: number } }),
    );
    expect(err).toMatchObject({ status: 400, code: "validation_failed" });
    expect(err.problem.errors?.map((e) => e.field)).toContain(field);
    expect(await chainState(erin)).toEqual(before);
  });

  it("returns the first result for a retry with the same Idempotency-Key and moves money once", async () => {
    const frank = await h.account("frank", "customer", 50);
    const gina = await h.account("gina", "customer");
    const headers = { "Idempotency-Key": "transfer-once-1" };
    const body = { to: gina.address, amount: 20 };
    const first = await frank.client.wallet.createTransfer({ body, headers });
    const retry = await frank.client.wallet.createTransfer({ body, headers });
    expect(retry).toEqual(first);
    expect((await gina.client.wallet.getBalance()).balance).toBe(20);
    expect((await frank.client.wallet.getBalance()).balance).toBe(30);

    const reused = await failure(
      frank.client.wallet.createTransfer({ body: { ...body, amount: 21 }, headers }),
    );
    expect(reused).toMatchObject({ status: 409, code: "idempotency_key_reused" });
    expect((await gina.client.wallet.getBalance()).balance).toBe(20);
  });

  it("lands concurrent transfers of one account with distinct nonces", async () => {
    const hank = await h.account("hank", "customer", 100);
    const ivy = await h.account("ivy", "customer");
    const n = 6;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        hank.client.wallet.createTransfer({ body: { to: ivy.address, amount: i + 1 } }),
      ),
    );
    expect(results.every((r) => r.status === "confirmed")).toBe(true);
    expect(new Set(results.map((r) => r.nonce))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect((await ivy.client.wallet.getBalance()).balance).toBe(21);
    expect((await hank.client.wallet.getBalance()).balance).toBe(79);
  });

  it("refuses accounts without a custodial key (404) and the bare admin key (403)", async () => {
    const key = h.coordinator.addAccount({
      id: "non-custodial",
      role: "customer",
      address: "aitbc" + "1".repeat(40),
    });
    const target = await h.account("target-nc", "customer");
    const err = await failure(
      h.clientWithKey(key).wallet.createTransfer({ body: { to: target.address, amount: 1 } }),
    );
    expect(err).toMatchObject({ status: 404, code: "not_found" });
    const adminErr = await failure(
      h.admin.wallet.createTransfer({ body: { to: target.address, amount: 1 } }),
    );
    expect(adminErr).toMatchObject({ status: 403, code: "forbidden" });
  });

  it("answers 401 without a key", async () => {
    const err = await failure(
      h.anonymous.wallet.createTransfer({ body: { to: "aitbc" + "2".repeat(40), amount: 1 } }),
    );
    expect(err).toMatchObject({ status: 401, code: "unauthorized" });
  });
});
