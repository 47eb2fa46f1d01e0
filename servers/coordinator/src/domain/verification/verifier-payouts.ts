// How a verification re-run gets paid: from the chain's verification pool (funded by a fee on
// every settlement), not by any customer. The domain sees only this port; the chain
// implementation signs a `pool_payout` with the settlement key.
export interface VerifierPayoutOrder {
  /** The re-run job that did the work. */
  jobId: string;
  /** The chain address of the provider whose miner ran it. */
  providerAddress: string;
  amountMicro: bigint;
}

export interface VerifierPayoutResult {
  txHash: string;
  blockHeight: number;
}

export interface VerifierPayouts {
  /** Resolves once the payout is in a block; throws ChainRejected when the node refuses it. */
  payVerifier(order: VerifierPayoutOrder): Promise<VerifierPayoutResult>;
}
