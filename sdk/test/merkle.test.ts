// The settlement batch's Merkle tree: every leaf of every tree size proves against the root, and a
// proof fails when anything about it is changed.
import { describe, expect, it } from "vitest";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { contentDigest } from "../src/crypto/hash.js";
import { merkleProof, merkleRoot, verifyMerkleProof } from "../src/receipts/merkle.js";

const receipts = (n: number) => Array.from({ length: n }, (_, i) => contentDigest(`receipt ${i}`));
const hexOf = (bytes: number[]) => "0x" + bytesToHex(sha256(Uint8Array.from(bytes)));

describe("merkleRoot", () => {
  it("hashes one leaf with the 0x00 prefix and pairs with the 0x01 prefix", () => {
    const [a, b] = receipts(2).map((h) => Array.from(Buffer.from(h.slice(7), "hex")));
    const la = Array.from(sha256(Uint8Array.from([0, ...a!])));
    const lb = Array.from(sha256(Uint8Array.from([0, ...b!])));
    expect(merkleRoot(receipts(1))).toBe("0x" + bytesToHex(Uint8Array.from(la)));
    expect(merkleRoot(receipts(2))).toBe(hexOf([1, ...la, ...lb]));
  });

  it("carries an odd last node up, so a repeated last leaf changes the root", () => {
    const three = receipts(3);
    expect(merkleRoot(three)).not.toBe(merkleRoot([...three, three[2]!]));
  });

  it("depends on the order of the leaves and accepts sha256:, 0x and bare hex alike", () => {
    const r = receipts(4);
    expect(merkleRoot(r)).not.toBe(merkleRoot([r[1]!, r[0]!, r[2]!, r[3]!]));
    expect(merkleRoot(r.map((h) => "0x" + h.slice(7)))).toBe(merkleRoot(r));
    expect(merkleRoot(r.map((h) => h.slice(7)))).toBe(merkleRoot(r));
  });

  it("refuses an empty list and a malformed hash", () => {
    expect(() => merkleRoot([])).toThrow(RangeError);
    expect(() => merkleRoot(["sha256:abc"])).toThrow(TypeError);
  });
});

describe("merkleProof / verifyMerkleProof", () => {
  it("proves every leaf of trees of 1 to 17 leaves", () => {
    for (let n = 1; n <= 17; n++) {
      const leaves = receipts(n);
      const root = merkleRoot(leaves);
      for (let i = 0; i < n; i++)
        expect(verifyMerkleProof(leaves[i]!, merkleProof(leaves, i), root)).toBe(true);
    }
  });

  it("fails a tampered proof, another leaf, a wrong root, and a reordered proof", () => {
    const leaves = receipts(9);
    const root = merkleRoot(leaves);
    const proof = merkleProof(leaves, 4);
    const tampered = proof.map((s, i) =>
      i === 1 ? { ...s, hash: s.hash.slice(0, -1) + (s.hash.endsWith("0") ? "1" : "0") } : s,
    );
    expect(verifyMerkleProof(leaves[4]!, tampered, root)).toBe(false);
    expect(verifyMerkleProof(leaves[5]!, proof, root)).toBe(false);
    expect(verifyMerkleProof(leaves[4]!, proof, merkleRoot(receipts(8)))).toBe(false);
    expect(verifyMerkleProof(leaves[4]!, [...proof].reverse(), root)).toBe(false);
    const flipped = proof.map(
      (s) => ({ ...s, side: s.side === "left" ? "right" : "left" }) as const,
    );
    expect(verifyMerkleProof(leaves[4]!, flipped, root)).toBe(false);
  });

  it("refuses an inner node offered as a leaf", () => {
    const leaves = receipts(4);
    const root = merkleRoot(leaves);
    // The right half's inner node, proved with the left half's node as its sibling, would hash to
    // the root if leaves and nodes were hashed alike.
    const rightHalf = merkleProof(leaves, 0)[1]!;
    const leftHalf = merkleProof(leaves, 2)[1]!;
    expect(verifyMerkleProof(rightHalf.hash, [leftHalf], root)).toBe(false);
    expect(() => merkleProof(leaves, 4)).toThrow(RangeError);
  });
});
