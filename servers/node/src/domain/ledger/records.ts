// The state records of prepaid deposits: an address's deposit, a settlement batch (its id can be
// used once, and its receipts root stays looked-up-able), and a job a batch paid (so the job id can
// never be paid again, from a deposit or an escrow); and those of provider bonds: a provider's
// bond, a job a slash paid for, the verification pool the penalties and settlement fees go to, and
// a re-run the pool paid for.

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

export type BondStatus = "active" | "unlocking";

/** A provider's bond: what a failed spot check or an upheld dispute is paid from. */
export interface BondState {
  kind: "bond";
  provider: string;
  amount: bigint;
  status: BondStatus;
  /** The first height whose block may release the bond; null while active. */
  unlock_height: number | null;
}

/** A job a `bond_slash` paid for, so that the same job id is never slashed twice. */
export interface SlashedJob {
  kind: "slash";
  job_id: string;
  provider: string;
  refund: bigint;
  penalty: bigint;
  height: number;
}

/**
 * The verification pool: settlement fees and the penalties of slashes, held to pay for re-runs.
 * One record on the chain.
 */
export interface PoolState {
  kind: "pool";
  amount: bigint;
}

/** A job whose re-run a `pool_payout` paid for, so that the pool pays each job id once. */
export interface PoolPayoutRecord {
  kind: "pool_payout";
  job_id: string;
  provider: string;
  amount: bigint;
  height: number;
}

export type StateRecord =
  DepositState | SettlementRecord | PaidJob | BondState | SlashedJob | PoolState | PoolPayoutRecord;
