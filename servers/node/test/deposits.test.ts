// Prepaid deposits on one node, through the HTTP API and the SDK: lock and top-up, settlement
// batches from deposits to providers (and every way a batch is refused whole), the withdrawal
// delay racing a settlement, clear 400s for malformed input, and a restart keeping it all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  contentDigest,
  depositLockTx,
  depositReleaseTx,
  depositWithdrawTx,
  fromBase64Url,
  merkleRoot,
  settlementBatchTx,
  signTx,
  toMicro,
  txHash,
  type AitbcClient,
  type SettlementBatchInput,
  type SignedTx,
} from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { failure } from "@aitbc/server-lib/testing";
import { createDevGenesis } from "../src/index.js";
import { startHarness, type Harness } from "./support/harness.js";
import { until } from "./support/poll.js";

const DELAY = 20;

describe.each(testDatabaseKinds())("prepaid deposits (%s)", (kind) => {
  const [alice, bob, carol] = createDevGenesis({ validators: 3 }).validators;
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

  const deposit = (address: string) => node.node.getDeposit({ path: { address } });
  const balance = async (address: string) =>
    BigInt((await node.node.getAccount({ path: { address } })).balance_micro);

  async function batch(input: Omit<SettlementBatchInput, "receiptsRoot">) {
    const receiptsRoot = merkleRoot(input.items.map((i) => contentDigest(`receipt ${i.jobId}`)));
    return settlementBatchTx(await ctx(settlementKey()), { ...input, receiptsRoot });
  }

  beforeAll(async () => {
    h = await startHarness(kind, {
      validators: 1,
      blockTimeMs: 100,
      minEscrow: "1000",
      depositWithdrawDelayBlocks: DELAY,
    });
    node = h.client(0);
    chainId = h.dev.genesis.chain_id;
    for (const k of [alice!, carol!])
      await node.node.requestFaucet({ body: { address: k.address, amount: 100 } });
  });
  afterAll(() => h?.close());

  it("locks a deposit, tops it up, and refuses a lock below the minimum or above the balance", async () => {
    expect(await deposit(alice!.address)).toMatchObject({
      status: "none",
      amount_micro: "0",
      unlock_height: null,
    });
    await confirm(depositLockTx(await ctx(alice!), toMicro(10)));
    await confirm(depositLockTx(await ctx(alice!), toMicro(5)));
    const d = await deposit(alice!.address);
    expect(d).toMatchObject({ status: "active", amount_micro: "15000000", amount: 15 });
    const account = await node.node.getAccount({ path: { address: alice!.address } });
    expect(account).toMatchObject({ balance_micro: "85000000", deposit_micro: "15000000" });

    await rejected(depositLockTx(await ctx(alice!), 999n), "deposit_below_minimum");
    await rejected(depositLockTx(await ctx(alice!), toMicro(86)), "insufficient_funds");
    expect((await deposit(alice!.address)).amount_micro).toBe("15000000");
    expect(await balance(alice!.address)).toBe(85_000_000n);
  });

  it("settles a batch from deposits to providers and anchors its receipts root", async () => {
    await confirm(depositLockTx(await ctx(carol!), toMicro(2)));
    const tx = await batch({
      batchId: "batch-1",
      items: [
        {
          depositOwner: alice!.address,
          provider: bob!.address,
          paidMicro: 1_500_000n,
          jobId: "j1",
        },
        { depositOwner: carol!.address, provider: bob!.address, paidMicro: 500_000n, jobId: "j2" },
        {
          depositOwner: alice!.address,
          provider: carol!.address,
          paidMicro: 250_000n,
          jobId: "j3",
        },
      ],
    });
    const confirmed = await confirm(tx);
    expect(confirmed.amount_micro).toBe("2250000");
    expect(await balance(bob!.address)).toBe(2_000_000n);
    expect((await deposit(alice!.address)).amount_micro).toBe("13250000");
    expect((await deposit(carol!.address)).amount_micro).toBe("1500000");
    expect(await node.node.getSettlement({ path: { batch_id: "batch-1" } })).toMatchObject({
      batch_id: "batch-1",
      receipts_root: tx.payload.receipts_root,
      items: 3,
      paid_micro: "2250000",
      tx_hash: txHash(tx),
      block_height: confirmed.block_height,
    });
    const missing = await failure(node.node.getSettlement({ path: { batch_id: "batch-none" } }));
    expect(missing.status).toBe(404);
    // Signed by the settlement key with no single recipient, the batch is still in the history
    // of every provider it paid and every owner whose deposit it drew on.
    for (const k of [bob!, carol!, alice!]) {
      const history = await node.node.listTransactions({ query: { address: k.address } });
      expect(history.items.map((i) => i.tx_hash)).toContain(txHash(tx));
    }
    const batches = await node.node.listTransactions({
      query: { address: bob!.address, type: "settlement_batch" },
    });
    expect(batches.items).toHaveLength(1);
  });

  it("refuses a whole batch that overdraws a deposit, pays a job twice or repeats its id", async () => {
    const before = {
      alice: (await deposit(alice!.address)).amount_micro,
      bob: await balance(bob!.address),
      nonce: (await node.node.getAccount({ path: { address: settlementKey().address } })).nonce,
    };
    const item = (jobId: string, paidMicro = 1000n, owner = alice!.address) => ({
      depositOwner: owner,
      provider: bob!.address,
      paidMicro,
      jobId,
    });
    // The first item alone would apply; the second overdraws carol's deposit.
    await rejected(
      await batch({
        batchId: "b-over",
        items: [item("k1"), item("k2", toMicro(2), carol!.address)],
      }),
      "deposit_insufficient",
    );
    await rejected(
      await batch({ batchId: "b-dup", items: [item("k3"), item("j1")] }),
      "job_already_settled",
    );
    await rejected(
      await batch({ batchId: "b-twice", items: [item("k4"), item("k4")] }),
      "job_already_settled",
    );
    await rejected(await batch({ batchId: "batch-1", items: [item("k5")] }), "batch_exists");
    await rejected(
      await batch({ batchId: "b-nodeposit", items: [item("k6", 1000n, bob!.address)] }),
      "deposit_not_found",
    );
    // A job paid through an escrow cannot be paid from a deposit, nor the other way round.
    const lock = signTx(
      {
        type: "escrow_lock",
        chainId,
        nonce: (await ctx(alice!)).nonce,
        payload: { job_id: "e1", amount: "5000" },
      },
      fromBase64Url(alice!.secret_key),
    );
    await confirm(lock);
    await rejected(
      await batch({ batchId: "b-escrow", items: [item("e1")] }),
      "job_already_settled",
    );
    const relock = signTx(
      {
        type: "escrow_lock",
        chainId,
        nonce: (await ctx(alice!)).nonce,
        payload: { job_id: "j1", amount: "5000" },
      },
      fromBase64Url(alice!.secret_key),
    );
    await rejected(relock, "escrow_exists");

    expect((await deposit(alice!.address)).amount_micro).toBe(before.alice);
    expect(await balance(bob!.address)).toBe(before.bob);
    const settler = await node.node.getAccount({ path: { address: settlementKey().address } });
    expect(settler.nonce).toBe(before.nonce);
    for (const id of ["b-over", "b-dup", "b-twice", "b-escrow"])
      expect((await failure(node.node.getSettlement({ path: { batch_id: id } }))).status).toBe(404);
  });

  it("lets only the settlement key sign a batch", async () => {
    const input = {
      batchId: "b-forged",
      receiptsRoot: merkleRoot([contentDigest("x")]),
      items: [
        { depositOwner: alice!.address, provider: bob!.address, paidMicro: 1000n, jobId: "f1" },
      ],
    };
    await rejected(settlementBatchTx(await ctx(alice!), input), "unauthorized_signer");
    await rejected(settlementBatchTx(await ctx(h.dev.treasury!), input), "unauthorized_signer");
    await rejected(
      settlementBatchTx(await ctx(h.dev.validators[0]!), input),
      "unauthorized_signer",
    );
  });

  it("keeps settling during the withdrawal delay and returns the remainder after it", async () => {
    await rejected(depositReleaseTx(await ctx(carol!)), "withdrawal_not_started");
    await rejected(depositWithdrawTx(await ctx(bob!)), "deposit_not_found");
    await rejected(depositReleaseTx(await ctx(bob!)), "deposit_not_found");

    const withdraw = await confirm(depositWithdrawTx(await ctx(carol!)));
    const unlock = withdraw.block_height! + DELAY;
    expect(await deposit(carol!.address)).toMatchObject({
      status: "withdrawing",
      unlock_height: unlock,
    });
    await rejected(depositWithdrawTx(await ctx(carol!)), "withdrawal_pending");
    await rejected(depositReleaseTx(await ctx(carol!)), "withdrawal_pending");

    const during = await confirm(
      await batch({
        batchId: "b-during",
        items: [
          {
            depositOwner: carol!.address,
            provider: bob!.address,
            paidMicro: 400_000n,
            jobId: "w1",
          },
        ],
      }),
    );
    expect(during.block_height!).toBeLessThan(unlock);
    expect((await deposit(carol!.address)).amount_micro).toBe("1100000");

    await until(
      async () => (await node.node.getLatestBlock()).height >= unlock - 1,
      "the unlock height",
    );
    const carolBefore = await balance(carol!.address);
    const release = await confirm(depositReleaseTx(await ctx(carol!)));
    expect(release.block_height!).toBeGreaterThanOrEqual(unlock);
    expect(await balance(carol!.address)).toBe(carolBefore + 1_100_000n);
    expect(await deposit(carol!.address)).toMatchObject({ status: "none", amount_micro: "0" });
  });

  it("cancels a withdrawal when the owner locks more during the delay", async () => {
    await confirm(depositWithdrawTx(await ctx(alice!)));
    expect((await deposit(alice!.address)).status).toBe("withdrawing");
    await confirm(depositLockTx(await ctx(alice!), toMicro(1)));
    expect(await deposit(alice!.address)).toMatchObject({ status: "active", unlock_height: null });
  });

  it("answers malformed input with 400 and changes nothing", async () => {
    const good = await batch({
      batchId: "b-bad",
      items: [
        { depositOwner: alice!.address, provider: bob!.address, paidMicro: 1000n, jobId: "x1" },
      ],
    });
    const cases: unknown[] = [
      { ...good, payload: { ...good.payload, items: [] } },
      { ...good, payload: { ...good.payload, receipts_root: "sha256:" + "ab".repeat(32) } },
      { ...good, payload: { ...good.payload, items: [{ ...good.payload.items[0], extra: 1 }] } },
      {
        ...good,
        payload: {
          ...good.payload,
          items: Array.from({ length: 513 }, () => good.payload.items[0]),
        },
      },
    ];
    for (const body of cases) {
      const err = await failure(node.node.submitTransaction({ body: body as SignedTx }));
      expect(err.status).toBe(400);
      expect(err.code).toBe("validation_failed");
    }
    const bad = await failure(node.node.getDeposit({ path: { address: "aitbc-nope" } }));
    expect(bad.status).toBe(400);
    // A zero item passes the schema (a MicroAmount) but not the chain's rules.
    const zero = await batch({
      batchId: "b-zero",
      items: [{ depositOwner: alice!.address, provider: bob!.address, paidMicro: 0n, jobId: "x2" }],
    });
    await rejected(zero, "invalid_payload");
  });

  it("keeps deposits and settlements across a restart", async () => {
    const before = await deposit(alice!.address);
    await h.stop(0);
    await h.start(0);
    node = h.client(0);
    const after = await deposit(alice!.address);
    expect(after.amount_micro).toBe(before.amount_micro);
    expect(after.status).toBe(before.status);
    expect((await node.node.getSettlement({ path: { batch_id: "batch-1" } })).items).toBe(3);
    await rejected(
      await batch({
        batchId: "batch-1",
        items: [
          { depositOwner: alice!.address, provider: bob!.address, paidMicro: 1000n, jobId: "r1" },
        ],
      }),
      "batch_exists",
    );
  });
});
