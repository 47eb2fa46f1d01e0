// The provider-bond transaction builders sign what the node verifies.
import { describe, expect, it } from "vitest";
import { generateKeyPair } from "../src/crypto/ed25519.js";
import { addressFromPublicKey } from "../src/chain/address.js";
import { bondLockTx, bondReleaseTx, bondSlashTx, bondUnlockTx } from "../src/index.js";
import { txHash, verifyTxSignature } from "../src/chain/tx.js";

describe("bond transaction builders", () => {
  const key = generateKeyPair();
  const ctx = { chainId: "aitbc-test", nonce: 7, secretKey: key.secretKey };
  const from = addressFromPublicKey(key.publicKey);

  it("signs bond_lock, bond_unlock and bond_release for the signer", () => {
    const lock = bondLockTx(ctx, 20_000_000n);
    expect(lock).toMatchObject({
      type: "bond_lock",
      from,
      nonce: 7,
      payload: { amount: "20000000" },
    });
    expect(verifyTxSignature(lock)).toBe(true);
    const unlock = bondUnlockTx(ctx);
    const release = bondReleaseTx(ctx);
    expect([unlock.type, release.type]).toEqual(["bond_unlock", "bond_release"]);
    for (const tx of [unlock, release]) {
      expect(tx.payload).toEqual({});
      expect(verifyTxSignature(tx)).toBe(true);
    }
  });

  it("signs a slash in the wire form, and a changed refund breaks the signature", () => {
    const customer = addressFromPublicKey(generateKeyPair().publicKey);
    const tx = bondSlashTx(ctx, {
      provider: from,
      jobId: "job-9",
      customer,
      refundMicro: 2_500_000n,
      penaltyMicro: 500_000n,
      reason: "spot_check_failed",
    });
    expect(tx.payload).toEqual({
      provider: from,
      job_id: "job-9",
      customer,
      refund: "2500000",
      penalty: "500000",
      reason: "spot_check_failed",
    });
    expect(verifyTxSignature(tx)).toBe(true);
    const changed = { ...tx, payload: { ...tx.payload, refund: "2500001" } };
    expect(verifyTxSignature(changed)).toBe(false);
    expect(txHash(changed)).not.toBe(txHash(tx));
  });
});
