// The state records of prepaid deposits: an address's deposit, a settlement batch (its id can be
// used once, and its receipts root stays looked-up-able), and a job a batch paid (so the job id can
// never be paid again, from a deposit or an escrow).

export type DepositStatus = "active" | "withdrawing";

export interface DepositState {
  kind: "deposit";
  owner: string;
  amount: bigint;
  status: DepositStatus;
  /** The first height whose block may release the deposit; null while active. */
  unlock_height: number | null;
}

export interface SettlementRecord {
  kind: "settlement";
  batch_id: string;
  receipts_root: string;
  items: number;
  paid: bigint;
  tx_hash: string;
  height: number;
}

export interface PaidJob {
  kind: "paid_job";
  job_id: string;
  batch_id: string;
  height: number;
}

export type StateRecord = DepositState | SettlementRecord | PaidJob;
