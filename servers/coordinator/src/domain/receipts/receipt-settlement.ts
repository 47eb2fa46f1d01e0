// A receipt's place in a settlement batch, on the wire: only for deposit-funded jobs once their
// receipt is in a batch that the chain has not refused.
import type { CoordinatorTypes } from "@aitbc/sdk";
import type { BatchStore } from "../settlement/batch-store.js";

export type SettlementReader = Pick<BatchStore, "receiptSettlement">;

export async function receiptSettlementView(
  store: SettlementReader,
  jobId: string,
): Promise<CoordinatorTypes.ReceiptSettlement | null> {
  const s = await store.receiptSettlement(jobId);
  if (!s) return null;
  return {
    batch_id: s.batchId,
    receipts_root: s.receiptsRoot,
    leaf_index: s.leafIndex,
    proof: s.proof,
    block_height: s.blockHeight,
    tx_hash: s.txHash,
  };
}
