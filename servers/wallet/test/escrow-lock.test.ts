import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressFromPublicKey, keyPairFromSecret, poolPayoutTx, signTx } from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { pollUntil } from "@aitbc/server-lib/testing";
import { failure } from "@aitbc/server-lib/testing";
import {
  startWalletHarness,
  type TestAccount,
  type WalletHarness,
} from "./support/wallet-harness.js";

describe.each(testDatabaseKinds())("escrow lock (%s)", (kind) => {
  let h: WalletHarness;
  beforeAll(async () => {
    h = await startWalletHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function chainState(a: TestAccount) {
    const acct = await a.client.node.getAccount({ path: { address: a.address } });
    return { balance: acct.balance_micro, locked: acct.locked_micro, pending: acct.pending_nonce };
  }

  it("locks a job's budget from the customer's address once a block has it", async () => {
    const customer = await h.account("customer-123", "customer", 1000);
    const lock = await customer.client.wallet.lockEscrow({
      body: { job_id: "707c75d0910e49e2965196bce0127ba1", amount: 250 },
    });
    expect(lock).toMatchObject({
      job_id: "707c75d0910e49e2965196bce0127ba1",
      amount: 250,
      amount_micro: "250000000",
      from: customer.address,
    });
    expect(lock.block_height).toBeGreaterThan(0);
    const onChain = await customer.client.node.getTransaction({ body: { tx_hash: lock.tx_hash } });
    expect(onChain).toMatchObject({
      status: "confirmed",
      type: "escrow_lock",
      from: customer.address,
      job_id: "707c75d0910e49e2965196bce0127ba1",
    });
    expect(await customer.client.wallet.getBalance()).toMatchObject({
      balance: 750,
      locked: 250,
    });
  });

  it("never locks a job twice: the same job again returns the first lock", async () => {
    const c = await h.account("twice", "customer", 100);
    const body = { job_id: "job-twice", amount: 30 };
    const first = await c.client.wallet.lockEscrow({ body });
    // A different Idempotency-Key (the SDK makes a new one per call): the job id alone dedupes.
    const second = await c.client.wallet.lockEscrow({ body });
    expect(second).toEqual(first);
    expect(await chainState(c)).toMatchObject({ balance: "70000000", locked: "30000000" });

    const same = { "Idempotency-Key": "lock-key-1" };
    const a = await c.client.wallet.lockEscrow({
      body: { job_id: "job-key", amount: 5 },
      headers: same,
    });
    const b = await c.client.wallet.lockEscrow({
      body: { job_id: "job-key", amount: 5 },
      headers: same,
    });
    expect(b).toEqual(a);
    expect(await chainState(c)).toMatchObject({ balance: "65000000", locked: "35000000" });
  });

  it("locks once when the same job arrives concurrently", async () => {
    const c = await h.account("concurrent-lock", "customer", 100);
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        c.client.wallet.lockEscrow({ body: { job_id: "job-race", amount: 10 } }),
      ),
    );
    expect(new Set(results.map((r) => r.tx_hash)).size).toBe(1);
    expect(await chainState(c)).toMatchObject({ balance: "90000000", locked: "10000000" });
  });

  it("answers 409 for the same job with another amount, and moves nothing", async () => {
    const c = await h.account("other-amount", "customer", 100);
    await c.client.wallet.lockEscrow({ body: { job_id: "job-amount", amount: 10 } });
    const before = await chainState(c);
    const err = await failure(
      c.client.wallet.lockEscrow({ body: { job_id: "job-amount", amount: 11 } }),
    );
    expect(err).toMatchObject({ status: 409, code: "conflict" });
    expect(await chainState(c)).toEqual(before);
  });

  it("answers 402 when the balance is short, with no transaction", async () => {
    const c = await h.account("short", "customer", 100);
    const before = await chainState(c);
    const err = await failure(
      c.client.wallet.lockEscrow({ body: { job_id: "job-short", amount: 250 } }),
    );
    expect(err).toMatchObject({ status: 402, code: "insufficient_funds" });
    expect(await chainState(c)).toEqual(before);
    // The failed attempt left nothing behind: once funded, the same job locks normally.
    await h.chain.fund(c.address, 200);
    const lock = await c.client.wallet.lockEscrow({ body: { job_id: "job-short", amount: 250 } });
    expect(lock.amount).toBe(250);
  });

  it("needs the customer's own key: 401 without, 403 for a provider or the admin key", async () => {
    const provider = await h.account("a-provider", "provider", 100);
    const noKey = await failure(
      h.anonymous.wallet.lockEscrow({ body: { job_id: "job-auth", amount: 1 } }),
    );
    expect(noKey).toMatchObject({ status: 401, code: "unauthorized" });
    const asProvider = await failure(
      provider.client.wallet.lockEscrow({ body: { job_id: "job-auth", amount: 1 } }),
    );
    expect(asProvider).toMatchObject({ status: 403, code: "forbidden" });
    const asAdmin = await failure(
      h.admin.wallet.lockEscrow({ body: { job_id: "job-auth", amount: 1 } }),
    );
    expect(asAdmin).toMatchObject({ status: 403, code: "forbidden" });
    expect(await chainState(provider)).toMatchObject({ locked: "0", pending: 0 });
  });

  it.each([
    [{ job_id: "job bad", amount: 1 }, "body.job_id"],
    [{ job_id: "job-zero", amount: 0 }, "body.amount"],
    [{ job_id: "job-decimals", amount: 0.1234567 }, "body.amount"],
  ])("rejects %j with 400 naming %s", async (body, field) => {
    const c = await h.account(`bad-input-${field}-${body.amount}`, "customer", 10);
    const before = await chainState(c);
    const err = await failure(c.client.wallet.lockEscrow({ body }));
    expect(err).toMatchObject({ status: 400, code: "validation_failed" });
    expect(err.problem.errors?.map((e) => e.field)).toContain(field);
    expect(await chainState(c)).toEqual(before);
  });
});

describe("a locked job settled on chain, as the wallet shows it", () => {
  let h: WalletHarness;
  beforeAll(async () => {
    h = await startWalletHarness("sqlite");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("shows the release: the provider's payment less the pool fee, the customer's refund, nothing left locked, and a re-run paid from the pool", async () => {
    const customer = await h.account("settle-customer", "customer", 100);
    const provider = await h.account("settle-provider", "provider");
    await customer.client.wallet.lockEscrow({ body: { job_id: "job-settled", amount: 50 } });
    expect(await customer.client.wallet.getBalance()).toMatchObject({ balance: 50, locked: 50 });

    // The coordinator's side of the contract: a release signed with the settlement key.
    const settlementAddress = addressFromPublicKey(
      keyPairFromSecret(h.chain.settlementSecretKey).publicKey,
    );
    const { pending_nonce } = await customer.client.node.getAccount({
      path: { address: settlementAddress },
    });
    const release = signTx(
      {
        type: "escrow_release",
        chainId: h.chain.chainId,
        nonce: pending_nonce,
        payload: {
          job_id: "job-settled",
          paid: "20000000",
          refund: "30000000",
          provider: provider.address,
          receipt_hash: "sha256:" + "ab".repeat(32),
          pool_fee: "1000000",
        },
      },
      h.chain.settlementSecretKey,
    );
    const { tx_hash } = await customer.client.node.submitTransaction({ body: release });
    await pollUntil(
      async () =>
        (await customer.client.node.getTransaction({ body: { tx_hash } })).status === "confirmed",
      "the release",
    );

    expect(await customer.client.wallet.getBalance()).toMatchObject({ balance: 80, locked: 0 });
    expect(await provider.client.wallet.getBalance()).toMatchObject({ balance: 19, locked: 0 });
    const customerHistory = await customer.client.wallet.listTransactions();
    expect(customerHistory.items.map((i) => [i.type, i.direction, i.amount, i.job_id])).toEqual([
      ["escrow_release", "in", 30, "job-settled"],
      ["escrow_lock", "out", 50, "job-settled"],
      ["faucet", "in", 100, undefined],
    ]);
    const payout = poolPayoutTx(
      {
        chainId: h.chain.chainId,
        nonce: pending_nonce + 1,
        secretKey: h.chain.settlementSecretKey,
      },
      { jobId: "rerun-1", provider: provider.address, amountMicro: 500_000n },
    );
    const paid = await customer.client.node.submitTransaction({ body: payout });
    await pollUntil(
      async () =>
        (await customer.client.node.getTransaction({ body: { tx_hash: paid.tx_hash } })).status ===
        "confirmed",
      "the pool payout",
    );
    expect(await provider.client.wallet.getBalance()).toMatchObject({ balance: 19.5 });
    const providerHistory = await provider.client.wallet.listTransactions();
    expect(providerHistory.items).toEqual([
      expect.objectContaining({
        tx_hash: paid.tx_hash,
        type: "pool_payout",
        direction: "in",
        amount: 0.5,
        job_id: "rerun-1",
      }),
      expect.objectContaining({ tx_hash, type: "escrow_release", direction: "in", amount: 19 }),
    ]);
  });
});
