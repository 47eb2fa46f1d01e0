// The block format of the AITBC chain. A block's hash is `0x` + sha256 of the RFC 8785 canonical
// JSON of its header, and the proposer signs those same header bytes with ed25519, so anyone can
// check a block offline (the explorer, light clients, other nodes).
import { canonicalBytes } from "../crypto/jcs.js";
import { sha256Hex } from "../crypto/hash.js";
import { fromBase64Url, toBase64Url } from "../crypto/base64url.js";
import { keyPairFromSecret, sign, verify } from "../crypto/ed25519.js";
import type { SignedTx } from "./tx.js";

/** The prev_hash of block 1's parent is the genesis hash; this is block 0's own prev_hash. */
export const ZERO_HASH = "0x" + "0".repeat(64);

export interface BlockHeader {
  chain_id: string;
  height: number;
  prev_hash: string;
  /** ISO 8601 UTC with milliseconds. */
  timestamp: string;
  /** The proposer's ed25519 public key, base64url. */
  proposer: string;
  /** 0 for the in-turn validator; n for the n-th fallback (see docs/chain.md). */
  round: number;
  tx_count: number;
  tx_root: string;
  state_root: string;
}

export interface SignedBlock {
  header: BlockHeader;
  hash: string;
  /** The proposer's signature of blockHeaderBytes(header), base64url. */
  signature: string;
  transactions: SignedTx[];
}

/** The signing input and hash input of a block: the canonical JSON of exactly the header fields. */
export function blockHeaderBytes(header: BlockHeader): Uint8Array {
  const { chain_id, height, prev_hash, timestamp, proposer, round, tx_count, tx_root, state_root } =
    header;
  return canonicalBytes({
    chain_id,
    height,
    prev_hash,
    timestamp,
    proposer,
    round,
    tx_count,
    tx_root,
    state_root,
  });
}

export function blockHash(header: BlockHeader): string {
  return "0x" + sha256Hex(blockHeaderBytes(header));
}

/** `0x` + sha256 of the canonical JSON array of the transaction hashes, in block order. */
export function txRoot(txHashes: readonly string[]): string {
  return "0x" + sha256Hex(canonicalBytes(txHashes));
}

/** Index into the genesis validator list of the proposer of `height` in `round`. */
export function proposerIndex(height: number, round: number, validatorCount: number): number {
  if (!Number.isInteger(validatorCount) || validatorCount < 1)
    throw new RangeError("validatorCount: expected a positive integer");
  return (height + round) % validatorCount;
}

/** Signs a header with the proposer's 32-byte secret key; `proposer` is filled in from the key. */
export function signBlock(
  header: Omit<BlockHeader, "proposer">,
  transactions: SignedTx[],
  secretKey: Uint8Array,
): SignedBlock {
  const { publicKey } = keyPairFromSecret(secretKey);
  const full: BlockHeader = { ...header, proposer: toBase64Url(publicKey) };
  return {
    header: full,
    hash: blockHash(full),
    signature: toBase64Url(sign(blockHeaderBytes(full), secretKey)),
    transactions,
  };
}

/** Checks the hash and the proposer's signature (not whether the proposer was in turn). Never throws. */
export function verifyBlockSignature(block: SignedBlock): boolean {
  try {
    if (blockHash(block.header) !== block.hash) return false;
    return verify(
      fromBase64Url(block.signature),
      blockHeaderBytes(block.header),
      fromBase64Url(block.header.proposer),
    );
  } catch {
    return false;
  }
}
