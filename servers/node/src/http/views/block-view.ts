// Blocks as the HTTP API and the client feed show them.
import type { NodeTypes, SignedBlock } from "@aitbc/sdk";
import type { HeadInfo } from "../../domain/chain/head.js";
import type { BlockSummaryRow } from "../../data/block-repo.js";
import type { ChainEnv } from "../../domain/chain/chain-env.js";
import { ZERO_HASH, txRoot } from "@aitbc/sdk";

export function proposerName(env: ChainEnv, publicKey: string): string | null {
  return env.genesis.validators.find((v) => v.public_key === publicKey)?.name ?? null;
}

export function blockSummaryFromRow(env: ChainEnv, r: BlockSummaryRow): NodeTypes.BlockSummary {
  return {
    height: r.height,
    hash: r.hash,
    prev_hash: r.prev_hash,
    timestamp: r.timestamp,
    proposer: r.proposer,
    proposer_name: proposerName(env, r.proposer),
    round: r.round,
    tx_count: r.tx_count,
    tx_root: r.tx_root,
    state_root: r.state_root,
    signature: r.signature,
  };
}

export function blockSummaryFromBlock(env: ChainEnv, b: SignedBlock): NodeTypes.BlockSummary {
  const h = b.header;
  return {
    height: h.height,
    hash: b.hash,
    prev_hash: h.prev_hash,
    timestamp: h.timestamp,
    proposer: h.proposer,
    proposer_name: proposerName(env, h.proposer),
    round: h.round,
    tx_count: h.tx_count,
    tx_root: h.tx_root,
    state_root: h.state_root,
    signature: b.signature,
  };
}

export function genesisSummary(genesis: HeadInfo): NodeTypes.BlockSummary {
  return {
    height: 0,
    hash: genesis.hash,
    prev_hash: ZERO_HASH,
    timestamp: genesis.timestamp,
    proposer: null,
    proposer_name: null,
    round: 0,
    tx_count: 0,
    tx_root: txRoot([]),
    state_root: genesis.stateRoot,
    signature: null,
  };
}
