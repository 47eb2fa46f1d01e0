// What the escrow locker needs from storage (implemented in data/escrow-locks-repo.ts).
import type { SignedTx } from "@aitbc/sdk";

export interface EscrowLockRow {
  jobId: string;
  accountId: string;
  address: string;
  amountMicro: bigint;
  txHash: string;
  /** The exact signed bytes, so a retry after a crash resubmits the same tx instead of signing a new one. */
  tx: SignedTx<"escrow_lock">;
  blockHeight: number | null;
  status: "submitted" | "confirmed";
}

export interface EscrowLockStore {
  find(jobId: string): Promise<EscrowLockRow | undefined>;
  /** Records a signed lock before it is submitted. Returns false when the job already has one. */
  insertSubmitted(lock: Omit<EscrowLockRow, "status" | "blockHeight">): Promise<boolean>;
  markConfirmed(jobId: string, blockHeight: number): Promise<void>;
  /** Forgets a lock the chain refused, so the job can be locked again. */
  deleteUnconfirmed(jobId: string, txHash: string): Promise<void>;
}
