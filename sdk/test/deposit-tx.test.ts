// The deposit and settlement transaction builders sign what the node verifies.
import { describe, expect, it } from "vitest";
import { generateKeyPair } from "../src/crypto/ed25519.js";
import { addressFromPublicKey } from "../src/chain/address.js";
import {
  depositLockTx,
  depositReleaseTx,
  depositWithdrawTx,
  settlementBatchTx,
} from "../src/chain/deposit-tx.js";
import { txHash, verifyTxSignature } from "../src/chain/tx.js";
import { contentDigest } from "../src/crypto/hash.js";
import { merkleRoot } from "../src/receipts/merkle.js";

describe("deposit transaction builders", () => {
  const key = generateKeyPair();
  const ctx = { chainId: "aitbc-test", nonce: 3, secretKey: key.secretKey };
  const from = addressFromPublicKey(key.publicKey);

  it("signs deposit_lock, deposit_withdraw and deposit_release for the signer", () => {
    const lock = depositLockTx(ctx, 5_000_000n);
    expect(lock).toMatchObject({
      type: "deposit_lock",
      from,
      nonce: 3,
      payload: { amount: "5000000" },
    });
    expect(verifyTxSignature(lock)).toBe(true);
    for (const tx of [depositWithdrawTx(ctx), depositReleaseTx(ctx)]) {
      expect(tx.payload).toEqual({});
      expect(verifyTxSignature(tx)).toBe(true);
    }
  });

  it("signs a settlement batch whose items are in the wire form, and a change breaks it", () => {
    const root = merkleRoot([contentDigest("r1"), contentDigest("r2")]);
    const tx = settlementBatchTx(ctx, {
      batchId: "batch-1",
      receiptsRoot: root,
      items: [{ depositOwner: from, provider: from, paidMicro: 12n, jobId: "job-1" }],
    });
    expect(tx.payload).toEqual({
      batch_id: "batch-1",
      receipts_root: root,
      items: [{ deposit_owner: from, provider: from, paid: "12", job_id: "job-1" }],
    });
    expect(verifyTxSignature(tx)).toBe(true);
    const changed = {
      ...tx,
      payload: { ...tx.payload, items: [{ ...tx.payload.items[0]!, paid: "13" }] },
    };
    expect(verifyTxSignature(changed)).toBe(false);
    expect(txHash(changed)).not.toBe(txHash(tx));
  });
});
