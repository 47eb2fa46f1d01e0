// Checking a block and computing the state it leads to, and building one from mempool
// transactions. Both use applyTx on an overlay of the parent's state, so a proposer and every
// validator compute the same state root.
import { signBlock, txRoot, type BlockHeader, type SignedBlock, type SignedTx } from "@aitbc/sdk";
import { applyTx, type TxEffects } from "../ledger/apply-tx.js";
import { checkTxStateless } from "../ledger/check-tx.js";
import { verifyBlockSignatureFast } from "../ledger/fast-verify.js";
import { EMPTY_ACCOUNT, StateOverlay, type StateReader, type StateUndo } from "../ledger/state.js";
import { stateRoot } from "../ledger/state-root.js";
import { TxRejected, type RejectReason } from "../ledger/tx-rejected.js";
import { txHashFast } from "../ledger/tx-hash.js";
import { blockHashFast } from "./block-hash.js";
import { BlockRejected } from "./block-rejected.js";
import type { ChainEnv } from "./chain-env.js";
import type { HeadInfo } from "./head.js";
import { blockScore, earliestTimestamp, proposerFor } from "./schedule.js";

export interface ExecutedBlock {
  block: SignedBlock;
  info: HeadInfo;
  txHashes: string[];
  /** The block's writes, on top of its parent's state. */
  overlay: StateOverlay;
  undo: StateUndo;
  /** Per transaction, in block order. */
  effects: TxEffects[];
}

function undoOf(overlay: StateOverlay, parent: StateReader): StateUndo {
  const undo: StateUndo = { accounts: [], escrows: [], records: [] };
  for (const address of overlay.accounts.keys()) {
    const before = parent.account(address);
    undo.accounts.push([address, before === EMPTY_ACCOUNT ? null : before]);
  }
  for (const jobId of overlay.escrows.keys())
    undo.escrows.push([jobId, parent.escrow(jobId) ?? null]);
  for (const key of overlay.records.keys()) undo.records.push([key, parent.record(key) ?? null]);
  return undo;
}

function finish(
  block: SignedBlock,
  parent: HeadInfo,
  parentView: StateReader,
  overlay: StateOverlay,
  txHashes: string[],
  effects: TxEffects[],
  env: ChainEnv,
): ExecutedBlock {
  const h = block.header;
  const timestampMs = Date.parse(h.timestamp);
  const info: HeadInfo = {
    height: h.height,
    hash: block.hash,
    timestamp: h.timestamp,
    timestampMs,
    weight: parent.weight + blockScore(env.validators.length, h.round),
    stateRoot: h.state_root,
  };
  const undo = undoOf(overlay, parentView);
  return { block, info, txHashes, overlay, undo, effects };
}

/**
 * The checks that need no state: chain, proposer for the round, hash, signature, tx count and
 * root. Fork choice runs them even on blocks it will not adopt, so forged blocks get caught.
 * Returns the transaction hashes.
 */
export function checkBlockHeader(block: SignedBlock, env: ChainEnv): string[] {
  const h = block.header;
  const n = env.validators.length;
  if (h.chain_id !== env.rules.chainId)
    throw new BlockRejected("wrong_chain", `block for chain ${h.chain_id}`);
  if (h.round >= n || proposerFor(env.validators, h.height, h.round) !== h.proposer)
    throw new BlockRejected(
      "wrong_proposer",
      `${h.proposer} may not propose height ${h.height} in round ${h.round}`,
    );
  const ts = Date.parse(h.timestamp);
  if (Number.isNaN(ts) || new Date(ts).toISOString() !== h.timestamp)
    throw new BlockRejected("bad_timestamp", "timestamp is not an ISO 8601 UTC time with ms");
  if (h.tx_count !== block.transactions.length)
    throw new BlockRejected("bad_tx_count", "tx_count does not match the transactions");
  if (blockHashFast(h) !== block.hash) throw new BlockRejected("bad_hash", "hash mismatch");
  if (!verifyBlockSignatureFast(block))
    throw new BlockRejected("bad_signature", "the proposer's signature does not verify");
  const txHashes = block.transactions.map(txHashFast);
  if (txRoot(txHashes) !== h.tx_root) throw new BlockRejected("bad_tx_root", "tx_root mismatch");
  return txHashes;
}

/** Checks a foreign block against its parent and computes its state. Throws BlockRejected. */
export function executeBlock(
  block: SignedBlock,
  parent: HeadInfo,
  parentView: StateReader,
  env: ChainEnv,
): ExecutedBlock {
  const h = block.header;
  if (h.prev_hash !== parent.hash)
    throw new BlockRejected("unknown_parent", `parent ${h.prev_hash} is not ${parent.hash}`);
  if (h.height !== parent.height + 1)
    throw new BlockRejected("wrong_height", `height ${h.height} after ${parent.height}`);
  const hashes = checkBlockHeader(block, env);
  const ts = Date.parse(h.timestamp);
  if (ts < earliestTimestamp(parent.timestampMs, h.round, env.roundTimeoutMs))
    throw new BlockRejected("bad_timestamp", `round ${h.round} is too early for its timestamp`);
  if (ts > env.now() + env.maxDriftMs)
    throw new BlockRejected("future_timestamp", "timestamp is in the future");

  const overlay = new StateOverlay(parentView);
  const txHashes: string[] = [];
  const effects: TxEffects[] = [];
  const seen = new Set<string>();
  block.transactions.forEach((tx, i) => {
    const hash = hashes[i]!;
    if (seen.has(hash)) throw new BlockRejected("duplicate_tx", `transaction ${i} repeats`);
    seen.add(hash);
    try {
      checkTxStateless(tx, env.rules, env.verified.has(hash));
      env.verified.add(hash);
      effects.push(applyTx(tx, overlay, env.rules, { hash, height: h.height }));
    } catch (err) {
      if (err instanceof TxRejected)
        throw new BlockRejected("invalid_tx", `transaction ${i} (${hash}): ${err.reason}`);
      throw err;
    }
    txHashes.push(hash);
  });
  if (stateRoot(overlay) !== h.state_root)
    throw new BlockRejected("bad_state_root", "state_root does not match the state");
  return finish(block, parent, parentView, overlay, txHashes, effects, env);
}

export interface Candidate {
  tx: SignedTx;
  hash: string;
}

export interface BuiltBlock {
  executed: ExecutedBlock;
  /** Mempool transactions that no longer apply, and why. */
  dropped: Array<{ hash: string; reason: RejectReason }>;
}

/** Builds and signs a block from candidates (already signature-checked, in mempool order). */
export function buildBlock(
  parent: HeadInfo,
  parentView: StateReader,
  candidates: readonly Candidate[],
  env: ChainEnv,
  proposer: { secretKey: Uint8Array },
  round: number,
  timestampMs: number,
): BuiltBlock {
  const height = parent.height + 1;
  const overlay = new StateOverlay(parentView);
  const included: SignedTx[] = [];
  const txHashes: string[] = [];
  const effects: TxEffects[] = [];
  const dropped: BuiltBlock["dropped"] = [];
  for (const c of candidates) {
    if (included.length >= env.maxBlockTxs) break;
    try {
      // The mempool already checked these; checking again keeps a proposal valid by construction.
      checkTxStateless(c.tx, env.rules, env.verified.has(c.hash));
      env.verified.add(c.hash);
      effects.push(applyTx(c.tx, overlay, env.rules, { hash: c.hash, height }));
      included.push(c.tx);
      txHashes.push(c.hash);
    } catch (err) {
      if (!(err instanceof TxRejected)) throw err;
      dropped.push({ hash: c.hash, reason: err.reason });
    }
  }
  const header: Omit<BlockHeader, "proposer"> = {
    chain_id: env.rules.chainId,
    height,
    prev_hash: parent.hash,
    timestamp: new Date(timestampMs).toISOString(),
    round,
    tx_count: included.length,
    tx_root: txRoot(txHashes),
    state_root: stateRoot(overlay),
  };
  const block = signBlock(header, included, proposer.secretKey);
  return {
    executed: finish(block, parent, parentView, overlay, txHashes, effects, env),
    dropped,
  };
}
