// The records the chain state holds: accounts and escrows (open, or the tombstone of a released one).
export interface AccountState {
  balance: bigint;
  /** The next nonce this account must sign with. */
  nonce: number;
}

export type EscrowStatus = "locked" | "settled" | "refunded";

/** An open escrow. */
export interface EscrowState {
  job_id: string;
  /** The address that locked it; refunds go there. */
  owner: string;
  amount: bigint;
  status: "locked";
  lock_tx_hash: string;
  lock_height: number;
}

/** What stays of a released escrow. */
export interface EscrowTombstone {
  job_id: string;
  status: "settled" | "refunded";
  release_height: number;
}

export type EscrowRecord = EscrowState | EscrowTombstone;
