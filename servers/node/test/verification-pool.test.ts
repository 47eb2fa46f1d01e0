// The verification pool's money on one node, through the HTTP API and the SDK: the pool fee of an
// escrow release and of settlement batch items goes to the pool out of the provider's side (the
// customer's refund is the same), a fee above what is paid is refused, and `pool_payout` pays a
// re-run from the pool once per job, only when the pool holds enough, and only when the
// settlement key signs it. A restart keeps the payouts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  contentDigest,
  depositLockTx,
  escrowReleaseTx,
  fromBase64Url,
  merkleRoot,
  poolPayoutTx,
  settlementBatchTx,
  signTx,
  toMicro,
  txHash,
  type AitbcClient,
  type PoolPayoutInput,
  type SignedTx,
} from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { failure } from "@aitbc/server-lib/testing";
import { createDevGenesis } from "../src/index.js";
import { startHarness, type Harness } from "./support/harness.js";
import { until } from "./support/poll.js";

describe.each(testDatabaseKinds())("verification pool (%s)", (kind) => {
  const [customer, provider, verifier] = createDevGenesis({ validators: 3 }).validators;
  let h: Harness;
  let node: AitbcClient;
  let chainId: string;

  async function ctx(key: { address: string; secret_key: string }) {
    const { pending_nonce } = await node.node.getAccount({ path: { address: key.address } });
    return { chainId, nonce: pending_nonce, secretKey: fromBase64Url(key.secret_key) };
  }
  const settlementKey = () => h.dev.settlement!;

  async function confirm(tx: SignedTx) {
    await node.node.submitTransaction({ body: tx });
    return until(async () => {
      const t = await node.node.getTransaction({ body: { tx_hash: txHash(tx) } });
      return t.status === "confirmed" ? t : undefined;
    }, `confirmation of ${tx.type}`);
  }

  async function rejected(tx: SignedTx, reason: string) {
    const err = await failure(node.node.submitTransaction({ body: tx }));
    expect(err.status).toBe(422);
    expect(err.code).toBe("tx_rejected");
    expect(err.problem.reason).toBe(reason);
    return err;
  }

  const pool = async () => BigInt((await node.node.getVerificationPool()).amount_micro);
  const balance = async (address: string) =>
    BigInt((await node.node.getAccount({ path: { address } })).balance_micro);

  async function lockEscrow(jobId: string, amount: bigint) {
    const c = await ctx(customer!);
    await confirm(
      signTx(
        {
          type: "escrow_lock",
          chainId,
          nonce: c.nonce,
          payload: { job_id: jobId, amount: amount.toString() },
        },
        c.secretKey,
      ),
    );
  }

  async function payout(
    input: Partial<PoolPayoutInput> & { jobId: string },
    signer = settlementKey(),
  ) {
    return poolPayoutTx(await ctx(signer), {
      provider: verifier!.address,
      amountMicro: 100_000n,
      ...input,
    });
  }

  beforeAll(async () => {
    h = await startHarness(kind, { validators: 1, blockTimeMs: 100 });
    node = h.client(0);
    chainId = h.dev.genesis.chain_id;
    await node.node.requestFaucet({ body: { address: customer!.address, amount: 100 } });
  });
  afterAll(() => h?.close());

  it("pays an escrow release's pool fee into the pool out of the provider's side", async () => {
    await lockEscrow("job-fee", toMicro(10));
    const customerBefore = await balance(customer!.address);
    const release = escrowReleaseTx(await ctx(settlementKey()), {
      jobId: "job-fee",
      paidMicro: toMicro(4),
      refundMicro: toMicro(6),
      provider: provider!.address,
      receiptHash: "sha256:" + "1".repeat(64),
      poolFeeMicro: 200_000n,
    });
    const confirmed = await confirm(release);
    expect(confirmed).toMatchObject({ to: provider!.address, amount_micro: "10000000" });
    expect(await balance(provider!.address)).toBe(3_800_000n);
    expect(await balance(customer!.address)).toBe(customerBefore + toMicro(6));
    expect(await pool()).toBe(200_000n);
    expect(await node.node.getEscrow({ path: { job_id: "job-fee" } })).toMatchObject({
      status: "settled",
      paid_micro: "4000000",
      pool_fee: 0.2,
      pool_fee_micro: "200000",
    });
  });

  it("refuses a pool fee above what is paid, and a release without a fee pays the provider all", async () => {
    await lockEscrow("job-over", toMicro(2));
    const over = escrowReleaseTx(await ctx(settlementKey()), {
      jobId: "job-over",
      paidMicro: toMicro(1),
      refundMicro: toMicro(1),
      provider: provider!.address,
      poolFeeMicro: toMicro(1) + 1n,
    });
    const err = await rejected(over, "invalid_payload");
    expect(err.problem.detail).toMatch(/pool_fee .* is above .*paid/);
    expect((await node.node.getEscrow({ path: { job_id: "job-over" } })).status).toBe("locked");

    const providerBefore = await balance(provider!.address);
    await confirm(
      escrowReleaseTx(await ctx(settlementKey()), {
        jobId: "job-over",
        paidMicro: toMicro(1),
        refundMicro: toMicro(1),
        provider: provider!.address,
      }),
    );
    expect(await balance(provider!.address)).toBe(providerBefore + toMicro(1));
    expect(await pool()).toBe(200_000n);
    const escrow = await node.node.getEscrow({ path: { job_id: "job-over" } });
    expect(escrow).toMatchObject({ status: "settled", pool_fee_micro: "0" });
  });

  it("pays settlement batch items' pool fees into the pool, the whole fee of an item if need be", async () => {
    await confirm(depositLockTx(await ctx(customer!), toMicro(20)));
    const items = [
      {
        depositOwner: customer!.address,
        provider: provider!.address,
        paidMicro: toMicro(3),
        jobId: "d1",
        poolFeeMicro: 150_000n,
      },
      {
        depositOwner: customer!.address,
        provider: provider!.address,
        paidMicro: 50_000n,
        jobId: "d2",
        poolFeeMicro: 50_000n,
      },
      {
        depositOwner: customer!.address,
        provider: verifier!.address,
        paidMicro: toMicro(1),
        jobId: "d3",
      },
    ];
    const receiptsRoot = merkleRoot(items.map((i) => contentDigest(`receipt ${i.jobId}`)));
    const providerBefore = await balance(provider!.address);
    await confirm(
      settlementBatchTx(await ctx(settlementKey()), { batchId: "fees-1", receiptsRoot, items }),
    );
    expect(await balance(provider!.address)).toBe(providerBefore + toMicro(3) - 150_000n);
    expect(await balance(verifier!.address)).toBe(toMicro(1));
    expect(await pool()).toBe(200_000n + 150_000n + 50_000n);
    const deposit = await node.node.getDeposit({ path: { address: customer!.address } });
    expect(deposit.amount_micro).toBe(String(toMicro(20) - toMicro(4) - 50_000n));

    const bad = settlementBatchTx(await ctx(settlementKey()), {
      batchId: "fees-bad",
      receiptsRoot,
      items: [{ ...items[0]!, jobId: "d4", poolFeeMicro: toMicro(3) + 1n }],
    });
    const err = await rejected(bad, "invalid_payload");
    expect(err.problem.detail).toContain("payload.items[0].pool_fee");
    expect(await pool()).toBe(400_000n);
  });

  it("pays a verification re-run from the pool once per job", async () => {
    const before = await balance(verifier!.address);
    const confirmed = await confirm(await payout({ jobId: "rerun-1", amountMicro: 300_000n }));
    expect(confirmed).toMatchObject({
      type: "pool_payout",
      to: verifier!.address,
      job_id: "rerun-1",
      amount_micro: "300000",
    });
    expect(await balance(verifier!.address)).toBe(before + 300_000n);
    expect(await pool()).toBe(100_000n);
    await rejected(await payout({ jobId: "rerun-1", amountMicro: 1n }), "pool_payout_exists");
    expect(await pool()).toBe(100_000n);
  });

  it("refuses a payout the pool cannot cover, of nothing, or not signed by the settlement key", async () => {
    const before = {
      pool: await pool(),
      verifier: await balance(verifier!.address),
      nonce: (await node.node.getAccount({ path: { address: settlementKey().address } })).nonce,
    };
    const short = await rejected(
      await payout({ jobId: "rerun-2", amountMicro: before.pool + 1n }),
      "pool_insufficient",
    );
    expect(short.problem.pool_micro).toBe(before.pool.toString());
    await rejected(await payout({ jobId: "rerun-2", amountMicro: 0n }), "invalid_payload");
    for (const signer of [verifier!, customer!, h.dev.treasury!, h.dev.validators[0]!])
      await rejected(await payout({ jobId: "rerun-2" }, signer), "unauthorized_signer");
    const good = await payout({ jobId: "rerun-2" });
    const malformed = { ...good, payload: { ...good.payload, reason: "because" } };
    const err = await failure(node.node.submitTransaction({ body: malformed as SignedTx }));
    expect(err.status).toBe(400);

    expect(await pool()).toBe(before.pool);
    expect(await balance(verifier!.address)).toBe(before.verifier);
    const settler = await node.node.getAccount({ path: { address: settlementKey().address } });
    expect(settler.nonce).toBe(before.nonce);
    // The pool can be paid out to the last micro-AITBC.
    await confirm(await payout({ jobId: "rerun-3", amountMicro: before.pool }));
    expect(await pool()).toBe(0n);
  });

  it("keeps the pool and its payouts across a restart", async () => {
    await h.stop(0);
    await h.start(0);
    node = h.client(0);
    expect(await pool()).toBe(0n);
    await rejected(await payout({ jobId: "rerun-1", amountMicro: 1n }), "pool_payout_exists");
  });
});
