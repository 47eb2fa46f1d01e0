// The settlement outbox as the use cases see it, and what they need from storage
// (data/outbox-repo.ts).
import type { Tx } from "../store/transactions.js";

export type OutboxStatus = "pending" | "confirmed" | "skipped";
export type OutboxKind = "release" | "refund" | "reclaim";

export interface OutboxRecord {
  jobId: string;
  kind: OutboxKind;
  amountMicro: bigint;
  paidMicro: bigint;
  refundMicro: bigint;
  providerAddress: string | null;
  receiptHash: string | null;
  status: OutboxStatus;
  /** The signed transaction last submitted (JSON), kept so a retry resubmits the same one. */
  signedTx: string | null;
  txHash: string | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  updatedAt: string;
}

/** Fields a settlement attempt may write, named as they are stored. */
export type OutboxPatch = Partial<{
  status: OutboxStatus;
  signed_tx: string | null;
  tx_hash: string | null;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string;
  updated_at: string;
}>;

export interface OutboxStore {
  /** Inserts unless the job already has an item (a job is settled once). */
  insert(tx: Tx | undefined, o: OutboxRecord): Promise<void>;
  byJob(jobId: string): Promise<OutboxRecord | undefined>;
  /**
   * Claims the oldest due item: pushes its next attempt to `until` and returns it, in one step,
   * so that only one replica works on it.
   */
  claimNextDue(now: string, until: string): Promise<OutboxRecord | undefined>;
  update(tx: Tx | undefined, jobId: string, patch: OutboxPatch): Promise<void>;
  countPending(): Promise<number>;
}
