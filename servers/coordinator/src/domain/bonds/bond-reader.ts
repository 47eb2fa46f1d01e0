// The bond book's view of the chain: one provider address's bond as of the head block. The domain
// never does HTTP; node-bond-reader.ts implements this with the SDK's node client.

export interface ChainBond {
  amountMicro: bigint;
  /** `none`, `active` or `unlocking`. */
  status: string;
}

export interface BondReader {
  /** Throws (Unavailable) when the node cannot answer. */
  bondOf(address: string): Promise<ChainBond>;
}
