// A job funded from a prepaid deposit holds a reservation against its customer's deposit. The
// reservation moves through these states, and the sum of the amounts still counted against a
// deposit never exceeds what the chain holds in it (the chain refuses any settlement that would
// take a deposit below zero, so this bound is also enforced there).
//
//   held     the job is open; amount = its whole budget
//   owed     the job completed; amount = what the provider is paid, waiting for a batch
//   batched  in a settlement batch that is signed but not final yet (batch_id set)
//   settled  the batch is final at settled_height; amount already left the chain deposit
//   released the job ended without pay; amount = 0, nothing to settle
//
// A reservation counts against the cached chain deposit while held, owed or batched, and while
// settled at a height above the cached deposit's height (the cache does not reflect it yet).

export type ReservationStatus = "held" | "owed" | "batched" | "settled" | "released";

export interface DepositReservation {
  jobId: string;
  ownerAddress: string;
  amountMicro: bigint;
  status: ReservationStatus;
  /** Set once the job completed with pay. */
  providerAddress: string | null;
  /** `sha256:<hex>` of the countersigned receipt, once completed. */
  receiptHash: string | null;
  batchId: string | null;
  settledHeight: number | null;
  createdAt: string;
  updatedAt: string;
}

/** The finalized on-chain deposit of one owner, as last read from the node. */
export interface DepositAccount {
  ownerAddress: string;
  chainAmountMicro: bigint;
  /** The finalized height the amount was read at. */
  chainHeight: number;
  /** The deposit's on-chain status (`active`, `withdrawing`, ...); no new reservations unless active. */
  chainStatus: string;
  refreshedAt: string;
}

/** `verification`: a re-run of another job, paid from the chain's verification pool, not by a customer. */
export type JobFunding = "escrow" | "deposit" | "verification";
