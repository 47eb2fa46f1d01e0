// Forming a settlement batch: in one transaction, the oldest `owed` reservations are marked
// `batched` under a new batch id, and the batch is stored with the Merkle root of their receipt
// hashes (in leaf order) and every item's inclusion proof. Nothing is signed yet; the worker signs
// what was stored, so a crash after this point resumes the same batch rather than forming another.
import { randomBytes } from "node:crypto";
import { merkleProofs, merkleRoot, MAX_SETTLEMENT_ITEMS } from "@aitbc/sdk";
import type { Transactions } from "../store/transactions.js";
import type { BatchStore } from "./batch-store.js";

export interface FormedBatch {
  batchId: string;
  receiptsRoot: string;
  itemCount: number;
  totalMicro: bigint;
}

/** Forms one batch of at most `maxItems` owed reservations; undefined when none is owed. */
export async function formBatch(
  transactions: Transactions,
  store: BatchStore,
  maxItems: number,
): Promise<FormedBatch | undefined> {
  const limit = Math.max(1, Math.min(maxItems, MAX_SETTLEMENT_ITEMS));
  return transactions.run(async (tx) => {
    const now = new Date().toISOString();
    const batchId = randomBytes(16).toString("hex");
    const owed = await store.claimOwed(tx, batchId, limit, now);
    if (owed.length === 0) return undefined;
    const hashes = owed.map((o) => o.receiptHash);
    const receiptsRoot = merkleRoot(hashes);
    const proofs = merkleProofs(hashes);
    const totalMicro = owed.reduce((sum, o) => sum + o.amountMicro, 0n);
    await store.insertBatch(tx, {
      batchId,
      receiptsRoot,
      totalMicro,
      items: owed.map((o, i) => ({
        jobId: o.jobId,
        leafIndex: i,
        receiptHash: o.receiptHash,
        proof: proofs[i]!,
      })),
      now,
    });
    return { batchId, receiptsRoot, itemCount: owed.length, totalMicro };
  });
}
