// Builders of the settlement key's transactions around the verification pool: an escrow release
// that may pay a fee into the pool out of the provider's side, and the payout of a verification
// re-run from the pool.
import type { ChainTxContext } from "./deposit-tx.js";
import { signTx, type EscrowReleasePayload, type PoolPayoutReason, type SignedTx } from "./tx.js";

export interface EscrowReleaseInput {
  jobId: string;
  /** The receipt's cost; `paidMicro - poolFeeMicro` goes to the provider. */
  paidMicro: bigint;
  /** Back to the account that locked the escrow; paid + refund is the locked amount. */
  refundMicro: bigint;
  /** Required when paidMicro is above zero. */
  provider?: string;
  /** `sha256:<hex>` of the receipt. */
  receiptHash?: string;
  /** The part of paidMicro that goes to the verification pool; left out of the payload when 0. */
  poolFeeMicro?: bigint;
}

/** `escrow_release` (a refund is one with paidMicro 0), signed with the genesis settlement key. */
export function escrowReleaseTx(
  ctx: ChainTxContext,
  input: EscrowReleaseInput,
): SignedTx<"escrow_release"> {
  const payload: EscrowReleasePayload = {
    job_id: input.jobId,
    paid: input.paidMicro.toString(),
    refund: input.refundMicro.toString(),
    ...(input.paidMicro > 0n && input.provider ? { provider: input.provider } : {}),
    ...(input.receiptHash ? { receipt_hash: input.receiptHash } : {}),
    // Absent means "0": a release without a fee signs the same bytes as before fees existed.
    ...(input.poolFeeMicro ? { pool_fee: input.poolFeeMicro.toString() } : {}),
  };
  return signTx(
    { type: "escrow_release", chainId: ctx.chainId, nonce: ctx.nonce, payload },
    ctx.secretKey,
  );
}

export interface PoolPayoutInput {
  /** The re-run job; the chain pays each job id from the pool once. */
  jobId: string;
  provider: string;
  amountMicro: bigint;
  reason?: PoolPayoutReason;
}

/** `pool_payout`, signed with the genesis settlement key. */
export function poolPayoutTx(ctx: ChainTxContext, input: PoolPayoutInput): SignedTx<"pool_payout"> {
  return signTx(
    {
      type: "pool_payout",
      chainId: ctx.chainId,
      nonce: ctx.nonce,
      payload: {
        job_id: input.jobId,
        provider: input.provider,
        amount: input.amountMicro.toString(),
        reason: input.reason ?? "verification_rerun",
      },
    },
    ctx.secretKey,
  );
}
