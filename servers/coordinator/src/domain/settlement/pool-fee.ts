// The verification fee: a share of each payout, in basis points, that goes to the chain's
// verification pool instead of the provider, so that the pool can pay for re-runs of other jobs.
// It comes out of the provider's side: what the customer pays and gets back does not change.

/** `paid * bps / 10000`, rounded down (bigint arithmetic: never more than the share). */
export function poolFee(paidMicro: bigint, bps: number): bigint {
  if (paidMicro <= 0n || bps <= 0) return 0n;
  return (paidMicro * BigInt(bps)) / 10_000n;
}
