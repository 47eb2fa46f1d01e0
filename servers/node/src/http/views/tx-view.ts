// Transactions as the HTTP API shows them.
import { fromMicro, type NodeTypes, type SignedTx } from "@aitbc/sdk";
import type { TxRow } from "../../data/rows.js";
import type { TxEffects } from "../../domain/ledger/apply-tx.js";
import type { RejectReason } from "../../domain/ledger/tx-rejected.js";

export interface ConfirmedAt {
  blockHash: string;
  timestamp: string;
  /** Whether the block is at or below the finalized height. */
  finalized: boolean;
}

function base(hash: string, tx: SignedTx, fx: TxEffects) {
  return {
    tx_hash: hash,
    type: tx.type,
    from: tx.from,
    to: fx.to,
    refund_to: fx.refund_to,
    job_id: fx.job_id,
    amount: fromMicro(fx.amount),
    amount_micro: fx.amount.toString(),
    tx: tx as NodeTypes.Transaction,
  };
}

export function confirmedTxView(row: TxRow, at: ConfirmedAt): NodeTypes.TransactionView {
  const tx = JSON.parse(row.body) as SignedTx;
  return {
    ...base(row.hash, tx, {
      to: row.to_address,
      refund_to: row.refund_to,
      job_id: row.job_id,
      amount: BigInt(row.amount),
    }),
    status: "confirmed",
    reason: null,
    block_height: row.block_height,
    block_hash: at.blockHash,
    index: row.position,
    timestamp: at.timestamp,
    finalized: at.finalized,
  };
}

export function unconfirmedTxView(
  hash: string,
  tx: SignedTx,
  fx: TxEffects,
  reason: RejectReason | null,
): NodeTypes.TransactionView {
  return {
    ...base(hash, tx, fx),
    status: reason ? "rejected" : "pending",
    reason,
    block_height: null,
    block_hash: null,
    index: null,
    timestamp: null,
    finalized: false,
  };
}
