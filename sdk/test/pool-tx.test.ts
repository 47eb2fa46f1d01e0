// The escrow release and pool payout builders sign what the node verifies, and a release without
// a fee signs exactly the bytes it did before fees existed.
import { describe, expect, it } from "vitest";
import { generateKeyPair } from "../src/crypto/ed25519.js";
import { addressFromPublicKey } from "../src/chain/address.js";
import { escrowReleaseTx, poolPayoutTx, settlementBatchTx, signTx } from "../src/index.js";
import { txHash, verifyTxSignature } from "../src/chain/tx.js";

describe("pool transaction builders", () => {
  const key = generateKeyPair();
  const ctx = { chainId: "aitbc-test", nonce: 4, secretKey: key.secretKey };
  const provider = addressFromPublicKey(generateKeyPair().publicKey);
  const receiptHash = "sha256:" + "ab".repeat(32);

  it("signs an escrow release with a pool fee, and leaves the fee out when it is 0", () => {
    const withFee = escrowReleaseTx(ctx, {
      jobId: "job-1",
      paidMicro: 2_000_000n,
      refundMicro: 500_000n,
      provider,
      receiptHash,
      poolFeeMicro: 100_000n,
    });
    expect(withFee.payload).toEqual({
      job_id: "job-1",
      paid: "2000000",
      refund: "500000",
      provider,
      receipt_hash: receiptHash,
      pool_fee: "100000",
    });
    expect(verifyTxSignature(withFee)).toBe(true);

    const noFee = escrowReleaseTx(ctx, {
      jobId: "job-1",
      paidMicro: 2_000_000n,
      refundMicro: 500_000n,
      provider,
      receiptHash,
      poolFeeMicro: 0n,
    });
    const before = signTx(
      {
        type: "escrow_release",
        chainId: ctx.chainId,
        nonce: ctx.nonce,
        payload: {
          job_id: "job-1",
          paid: "2000000",
          refund: "500000",
          provider,
          receipt_hash: receiptHash,
        },
      },
      key.secretKey,
    );
    expect(txHash(noFee)).toBe(txHash(before));
  });

  it("a refund names no provider", () => {
    const refund = escrowReleaseTx(ctx, {
      jobId: "job-2",
      paidMicro: 0n,
      refundMicro: 9n,
      provider,
    });
    expect(refund.payload).toEqual({ job_id: "job-2", paid: "0", refund: "9" });
  });

  it("puts the pool fee on a batch item only when it is above 0", () => {
    const tx = settlementBatchTx(ctx, {
      batchId: "batch-1",
      receiptsRoot: "0x" + "00".repeat(32),
      items: [
        { depositOwner: provider, provider, paidMicro: 20n, jobId: "a", poolFeeMicro: 1n },
        { depositOwner: provider, provider, paidMicro: 20n, jobId: "b", poolFeeMicro: 0n },
      ],
    });
    expect(tx.payload.items.map((i) => i.pool_fee)).toEqual(["1", undefined]);
    expect("pool_fee" in tx.payload.items[1]!).toBe(false);
  });

  it("signs a pool payout for a verification re-run, and a change breaks it", () => {
    const tx = poolPayoutTx(ctx, { jobId: "rerun-1", provider, amountMicro: 750_000n });
    expect(tx).toMatchObject({
      type: "pool_payout",
      nonce: 4,
      payload: { job_id: "rerun-1", provider, amount: "750000", reason: "verification_rerun" },
    });
    expect(verifyTxSignature(tx)).toBe(true);
    expect(verifyTxSignature({ ...tx, payload: { ...tx.payload, amount: "750001" } })).toBe(false);
  });
});
