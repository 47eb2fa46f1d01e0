// Settlement batches as the batch worker sees them, and what it needs from storage
// (data/settlement-batches-repo.ts). A batch pays many `owed` deposit reservations in one
// `settlement_batch` transaction and anchors the Merkle root of their receipt hashes.
import type { MerkleStep } from "@aitbc/sdk";
import type { Tx } from "../store/transactions.js";

/**
 * pending  formed (items chosen, root computed), not signed yet
 * signed   its transaction is signed and stored; submitted or about to be
 * final    the transaction is in a final block; its items are settled
 * refused  the chain refused it; its payable items went back to `owed`, the rest stay in it
 */
export type BatchStatus = "pending" | "signed" | "final" | "refused";

export interface SettlementBatchRecord {
  batchId: string;
  status: BatchStatus;
  receiptsRoot: string;
  itemCount: number;
  totalMicro: bigint;
  /** The signed transaction (JSON), stored before it is submitted. */
  signedTx: string | null;
  txHash: string | null;
  blockHeight: number | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  updatedAt: string;
}

/** One reservation of a batch, in leaf order. */
export interface BatchEntry {
  jobId: string;
  ownerAddress: string;
  providerAddress: string;
  amountMicro: bigint;
  receiptHash: string;
  leafIndex: number;
}

/** An `owed` reservation claimed for a new batch. */
export type OwedReservation = Omit<BatchEntry, "leafIndex"> & { updatedAt: string };

/** What a receipt's inclusion in a batch looks like to its reader. */
export interface ReceiptSettlementRecord {
  batchId: string;
  receiptsRoot: string;
  leafIndex: number;
  proof: MerkleStep[];
  /** Set once the batch is final. */
  blockHeight: number | null;
  /** Set once the batch is signed. */
  txHash: string | null;
  status: BatchStatus;
}

/** Fields a settlement attempt may write, named as they are stored. */
export type BatchPatch = Partial<{
  status: BatchStatus;
  signed_tx: string | null;
  tx_hash: string | null;
  block_height: number | null;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string;
  updated_at: string;
}>;

export interface NewBatch {
  batchId: string;
  receiptsRoot: string;
  totalMicro: bigint;
  items: Array<{ jobId: string; leafIndex: number; receiptHash: string; proof: MerkleStep[] }>;
  now: string;
}

export interface BatchStore {
  /** How many reservations are `owed` and when the oldest became owed. */
  owedBacklog(): Promise<{ count: number; oldestAt: string | null }>;
  /**
   * Marks up to `limit` of the oldest `owed` reservations `batched` in `batchId` and returns
   * them, in one step (rows another transaction holds are skipped), so that no reservation lands
   * in two batches.
   */
  claimOwed(tx: Tx, batchId: string, limit: number, now: string): Promise<OwedReservation[]>;
  /** Inserts the batch row (status `pending`) and its items. */
  insertBatch(tx: Tx, batch: NewBatch): Promise<void>;
  /**
   * Claims the oldest unfinished batch that is due: pushes its next attempt to `until` and
   * returns it, in one step, so that only one replica works on it.
   */
  claimNextDue(now: string, until: string): Promise<SettlementBatchRecord | undefined>;
  byId(batchId: string): Promise<SettlementBatchRecord | undefined>;
  entries(batchId: string): Promise<BatchEntry[]>;
  update(tx: Tx | undefined, batchId: string, patch: BatchPatch): Promise<void>;
  /**
   * The batch is final at `blockHeight`: its reservations become `settled` and its jobs' payments
   * `settled` with the batch transaction.
   */
  markFinal(
    tx: Tx,
    batchId: string,
    txHash: string,
    blockHeight: number,
    now: string,
  ): Promise<void>;
  /** Puts these reservations of a refused batch back to `owed` (and drops their proofs). */
  returnToOwed(tx: Tx, batchId: string, jobIds: string[], now: string): Promise<void>;
  receiptSettlement(jobId: string): Promise<ReceiptSettlementRecord | null>;
}
