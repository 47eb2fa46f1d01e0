// The Merkle tree a `settlement_batch` anchors: its `receipts_root` commits to the batch's receipt
// hashes, so a customer or provider can prove that one receipt was settled in a batch with a short
// proof. Leaves and inner nodes are hashed with different prefixes (0x00 and 0x01), so no inner
// node can be passed off as a leaf. A level with an odd count carries its last node up unchanged
// instead of pairing it with a copy of itself: duplicating it would let two different leaf lists
// (with and without a repeated last leaf) share one root.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";

export interface MerkleStep {
  /** Which side the sibling sits on when hashing towards the root. */
  side: "left" | "right";
  /** `0x` + 64 hex digits. */
  hash: string;
}

const HASH_FORMS = /^(?:sha256:|0x)?([0-9a-f]{64})$/;

/** A 32-byte hash given as `sha256:<hex>` (receipt hashes), `0x<hex>` or bare hex. */
function hashBytes(hash: string): Uint8Array {
  const m = HASH_FORMS.exec(hash);
  if (!m) throw new TypeError(`Not a 32-byte hex hash: ${hash}`);
  return hexToBytes(m[1]!);
}

function prefixed(prefix: number, ...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(1 + parts.reduce((n, p) => n + p.length, 0));
  out[0] = prefix;
  let at = 1;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function leafHash(hash: string): Uint8Array {
  return sha256(prefixed(0x00, hashBytes(hash)));
}

function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256(prefixed(0x01, left, right));
}

function nextLevel(level: Uint8Array[]): Uint8Array[] {
  const up: Uint8Array[] = [];
  for (let i = 0; i < level.length; i += 2)
    up.push(i + 1 < level.length ? nodeHash(level[i]!, level[i + 1]!) : level[i]!);
  return up;
}

const hex = (b: Uint8Array): string => "0x" + bytesToHex(b);

/** `0x` + hex root over `hashes` (in order). An empty list has no root. */
export function merkleRoot(hashes: readonly string[]): string {
  if (hashes.length === 0) throw new RangeError("A Merkle tree needs at least one leaf.");
  let level = hashes.map(leafHash);
  while (level.length > 1) level = nextLevel(level);
  return hex(level[0]!);
}

/** The siblings from leaf `index` up to the root. */
export function merkleProof(hashes: readonly string[], index: number): MerkleStep[] {
  if (!Number.isInteger(index) || index < 0 || index >= hashes.length)
    throw new RangeError(`Leaf ${index} is not in a tree of ${hashes.length}.`);
  const proof: MerkleStep[] = [];
  let level = hashes.map(leafHash);
  let i = index;
  while (level.length > 1) {
    const sibling = i % 2 === 0 ? i + 1 : i - 1;
    // The odd last node has no sibling at this level: it moves up as it is.
    if (sibling < level.length)
      proof.push({ side: i % 2 === 0 ? "right" : "left", hash: hex(level[sibling]!) });
    level = nextLevel(level);
    i = Math.floor(i / 2);
  }
  return proof;
}

/** Every leaf's proof (`merkleProof(hashes, i)` for each i), building the tree once. */
export function merkleProofs(hashes: readonly string[]): MerkleStep[][] {
  if (hashes.length === 0) throw new RangeError("A Merkle tree needs at least one leaf.");
  const proofs: MerkleStep[][] = hashes.map(() => []);
  // positions[leaf] = where that leaf's ancestor sits in the current level.
  const positions = hashes.map((_, i) => i);
  let level = hashes.map(leafHash);
  while (level.length > 1) {
    for (let leaf = 0; leaf < hashes.length; leaf++) {
      const i = positions[leaf]!;
      const sibling = i % 2 === 0 ? i + 1 : i - 1;
      if (sibling < level.length)
        proofs[leaf]!.push({ side: i % 2 === 0 ? "right" : "left", hash: hex(level[sibling]!) });
      positions[leaf] = Math.floor(i / 2);
    }
    level = nextLevel(level);
  }
  return proofs;
}

/** Whether `proof` leads from the receipt hash `leaf` to `root`. Never throws. */
export function verifyMerkleProof(
  leaf: string,
  proof: readonly MerkleStep[],
  root: string,
): boolean {
  try {
    let acc = leafHash(leaf);
    for (const step of proof) {
      const sibling = hashBytes(step.hash);
      if (step.side === "left") acc = nodeHash(sibling, acc);
      else if (step.side === "right") acc = nodeHash(acc, sibling);
      else return false;
    }
    return hex(acc) === root;
  } catch {
    return false;
  }
}
