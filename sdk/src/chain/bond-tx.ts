// Builders of the provider-bond transactions: a provider locks a bond to list a service, unlocks
// it with a delay, and the coordinator slashes it with the settlement key when a spot check fails
// or a dispute is upheld.
import type { ChainTxContext } from "./deposit-tx.js";
import { signTx, type BondSlashReason, type SignedTx } from "./tx.js";

/** `bond_lock`: moves `amountMicro` from the signer's balance into the signer's bond. */
export function bondLockTx(ctx: ChainTxContext, amountMicro: bigint): SignedTx<"bond_lock"> {
  return signTx(
    {
      type: "bond_lock",
      chainId: ctx.chainId,
      nonce: ctx.nonce,
      payload: { amount: amountMicro.toString() },
    },
    ctx.secretKey,
  );
}

/** `bond_unlock`: starts the unlock delay of the signer's bond. */
export function bondUnlockTx(ctx: ChainTxContext): SignedTx<"bond_unlock"> {
  return signTx(
    { type: "bond_unlock", chainId: ctx.chainId, nonce: ctx.nonce, payload: {} },
    ctx.secretKey,
  );
}

/** `bond_release`: returns the rest of the signer's bond after the delay. */
export function bondReleaseTx(ctx: ChainTxContext): SignedTx<"bond_release"> {
  return signTx(
    { type: "bond_release", chainId: ctx.chainId, nonce: ctx.nonce, payload: {} },
    ctx.secretKey,
  );
}

export interface BondSlashInput {
  provider: string;
  jobId: string;
  /** The job's customer, paid `refundMicro`. */
  customer: string;
  refundMicro: bigint;
  /** Moved into the verification pool. */
  penaltyMicro: bigint;
  reason: BondSlashReason;
}

/** `bond_slash`, signed with the genesis settlement key. */
export function bondSlashTx(ctx: ChainTxContext, input: BondSlashInput): SignedTx<"bond_slash"> {
  return signTx(
    {
      type: "bond_slash",
      chainId: ctx.chainId,
      nonce: ctx.nonce,
      payload: {
        provider: input.provider,
        job_id: input.jobId,
        customer: input.customer,
        refund: input.refundMicro.toString(),
        penalty: input.penaltyMicro.toString(),
        reason: input.reason,
      },
    },
    ctx.secretKey,
  );
}
