// The node verifies with node:crypto, the SDK (wallets, browsers) with noble: they must agree on
// every transaction and block, valid or tampered, byte for byte.
import { describe, expect, it } from "vitest";
import {
  addressFromPublicKey,
  blockHash,
  generateKeyPair,
  signBlock,
  signTx,
  toBase64Url,
  txHash,
  txRoot,
  verifyBlockSignature,
  verifyTxSignature,
  type SignedTx,
} from "@aitbc/sdk";
import {
  verifyBlockSignatureFast,
  verifyTxSignatureFast,
} from "../src/domain/ledger/fast-verify.js";
import { txHashFast } from "../src/domain/ledger/tx-hash.js";
import { signedTxBytesFast, txSigningBytesFast } from "../src/domain/ledger/tx-canonical.js";
import { canonicalBytes, txSigningBytes } from "@aitbc/sdk";
import { checkTxShape } from "../src/domain/ledger/tx-shape.js";
import { TxRejected } from "../src/domain/ledger/tx-rejected.js";
import { blockHashFast } from "../src/domain/chain/block-hash.js";

const alice = generateKeyPair();
const bob = generateKeyPair();

function sample(i: number): SignedTx {
  const types = [
    () =>
      signTx(
        {
          type: "transfer",
          chainId: "aitbc-test",
          nonce: i,
          payload: { to: addressFromPublicKey(bob.publicKey), amount: String(1 + i * 7919) },
        },
        alice.secretKey,
      ),
    () =>
      signTx(
        {
          type: "escrow_release",
          chainId: "aitbc-test",
          nonce: i,
          payload: {
            job_id: `job-${i}-ü`.replace("ü", "u"),
            paid: String(i),
            refund: "5",
            provider: addressFromPublicKey(bob.publicKey),
            receipt_hash: "sha256:" + "ab".repeat(32),
          },
        },
        alice.secretKey,
      ),
    () =>
      signTx(
        {
          type: "mint",
          chainId: "aitbc-test",
          nonce: i,
          payload: {
            to: addressFromPublicKey(bob.publicKey),
            amount: "1",
            reference: `order "${i}" \u2603`,
          },
        },
        alice.secretKey,
      ),
  ];
  return types[i % types.length]!();
}

function tamper(tx: SignedTx, i: number): SignedTx {
  switch (i % 5) {
    case 0:
      return { ...tx, nonce: tx.nonce + 1 };
    case 1:
      return { ...tx, chain_id: tx.chain_id + "x" };
    case 2: {
      const sig = Buffer.from(tx.signature, "base64url");
      sig[i % 64]! ^= 1;
      return { ...tx, signature: sig.toString("base64url") };
    }
    case 3:
      return { ...tx, public_key: toBase64Url(bob.publicKey) };
    default:
      return { ...tx, from: addressFromPublicKey(bob.publicKey) };
  }
}

describe("node:crypto verification agrees with the SDK", () => {
  it("on valid and tampered transactions, and their hashes match", () => {
    for (let i = 0; i < 60; i++) {
      const tx = sample(i);
      expect(verifyTxSignatureFast(tx)).toBe(true);
      expect(verifyTxSignature(tx)).toBe(true);
      expect(txHashFast(tx)).toBe(txHash(tx));
      const bad = tamper(tx, i);
      expect(verifyTxSignatureFast(bad)).toBe(false);
      expect(verifyTxSignature(bad)).toBe(false);
    }
  });

  it("builds the same canonical bytes as the SDK's generic JCS, odd strings included", () => {
    const odd = ["", "\u0000\u001f", '"quoted" \\ back', "\u2028\u2029", "😀 pair", "é"];
    odd.forEach((reference, i) => {
      const tx = signTx(
        {
          type: "mint",
          chainId: "aitbc-test",
          nonce: 2 ** 40 + i,
          payload: {
            to: addressFromPublicKey(bob.publicKey),
            amount: "9000000000000000",
            reference: reference || "x",
          },
        },
        alice.secretKey,
      );
      expect(Buffer.from(txSigningBytesFast(tx))).toEqual(Buffer.from(txSigningBytes(tx)));
      const { type, chain_id, from, nonce, payload, public_key, signature } = tx;
      expect(Buffer.from(signedTxBytesFast(tx))).toEqual(
        Buffer.from(
          canonicalBytes({ type, chain_id, from, nonce, payload, public_key, signature }),
        ),
      );
    });
    // A lone surrogate has no canonical form: both encoders refuse it, and the shape check too.
    const lone = {
      ...sample(2),
      payload: { to: addressFromPublicKey(bob.publicKey), amount: "1", reference: "\ud800" },
    };
    expect(() => txSigningBytes(lone)).toThrow(TypeError);
    expect(() => txSigningBytesFast(lone)).toThrow(TypeError);
    expect(verifyTxSignatureFast(lone)).toBe(false);
    expect(() => checkTxShape(lone)).toThrow(TxRejected);
    // An optional field left undefined is omitted, as JCS omits it.
    const release = sample(1);
    const withUndefined = {
      ...release,
      payload: { ...release.payload, receipt_hash: undefined },
    } as unknown as SignedTx;
    expect(Buffer.from(txSigningBytesFast(withUndefined))).toEqual(
      Buffer.from(txSigningBytes(withUndefined)),
    );
  });

  it("refuses a base64url alias of the signature or key, as the SDK does", () => {
    const tx = sample(0);
    // The last character of an 86-char signature carries 4 unused bits; setting one makes a
    // different string that a lenient decoder maps to the same bytes.
    const last = tx.signature[tx.signature.length - 1]!;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const alias = alphabet[alphabet.indexOf(last) ^ 1]!;
    const aliased = { ...tx, signature: tx.signature.slice(0, -1) + alias };
    expect(Buffer.from(aliased.signature, "base64url")).toEqual(
      Buffer.from(tx.signature, "base64url"),
    );
    expect(verifyTxSignature(aliased)).toBe(false);
    expect(verifyTxSignatureFast(aliased)).toBe(false);
    // A 43-char key has 2 unused bits in its last character.
    const k = tx.public_key;
    const keyAlias = k.slice(0, -1) + alphabet[alphabet.indexOf(k[k.length - 1]!) ^ 1]!;
    const aliasedKey = { ...tx, public_key: keyAlias };
    expect(verifyTxSignature(aliasedKey)).toBe(false);
    expect(verifyTxSignatureFast(aliasedKey)).toBe(false);
  });

  it("on blocks, and the block hash matches", () => {
    const tx = sample(1);
    const block = signBlock(
      {
        chain_id: "aitbc-test",
        height: 7,
        prev_hash: "0x" + "11".repeat(32),
        timestamp: new Date(0).toISOString(),
        round: 1,
        tx_count: 1,
        tx_root: txRoot([txHash(tx)]),
        state_root: "0x" + "22".repeat(32),
      },
      [tx],
      alice.secretKey,
    );
    expect(blockHashFast(block.header)).toBe(blockHash(block.header));
    expect(verifyBlockSignatureFast(block)).toBe(true);
    expect(verifyBlockSignature(block)).toBe(true);
    const moved = { ...block, header: { ...block.header, round: 0 } };
    expect(verifyBlockSignatureFast(moved)).toBe(false);
    expect(verifyBlockSignature(moved)).toBe(false);
  });
});
