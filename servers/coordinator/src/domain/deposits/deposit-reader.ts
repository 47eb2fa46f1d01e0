// The deposit ledger's view of the chain: one owner's finalized deposit. The domain never does
// HTTP; settlement/node-deposit-reader.ts implements this with the SDK's node client.

export interface FinalizedDeposit {
  amountMicro: bigint;
  /** The finalized height the deposit was read at. */
  height: number;
  /** `none`, `active` or `withdrawing`. */
  status: string;
}

export interface DepositReader {
  /** Throws (Unavailable) when the node cannot answer. */
  finalizedDeposit(owner: string): Promise<FinalizedDeposit>;
}
