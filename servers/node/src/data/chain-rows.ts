// How an executed block is stored: one blocks row (with its undo record) and one txs row each.
import type { ExecutedBlock } from "../domain/chain/execute-block.js";
import type { BlockRow, TxRow } from "./rows.js";
import { encodeUndo } from "./undo-codec.js";

export function blockRow(e: ExecutedBlock): BlockRow {
  const h = e.block.header;
  return {
    height: h.height,
    hash: e.block.hash,
    prev_hash: h.prev_hash,
    timestamp: h.timestamp,
    proposer: h.proposer,
    round: h.round,
    tx_count: h.tx_count,
    tx_root: h.tx_root,
    state_root: h.state_root,
    signature: e.block.signature,
    weight: e.info.weight,
    undo: encodeUndo(e.undo),
  };
}

export function txRows(e: ExecutedBlock): TxRow[] {
  const height = e.block.header.height;
  return e.block.transactions.map((tx, i) => {
    const fx = e.effects[i]!;
    return {
      hash: e.txHashes[i]!,
      block_height: height,
      position: i,
      type: tx.type,
      from_address: tx.from,
      to_address: fx.to,
      refund_to: fx.refund_to,
      job_id: fx.job_id,
      amount: fx.amount.toString(),
      body: JSON.stringify(tx),
    };
  });
}
