// What applying a transaction is told (its hash and block height) and what it reports back (for
// the transaction index), shared by every kind of transaction.
/** What a transaction did, for the transaction index (explorer, address history). */
export interface TxEffects {
  to: string | null;
  refund_to: string | null;
  job_id: string | null;
  amount: bigint;
}

export interface TxContext {
  hash: string;
  height: number;
}
