// Builders of the prepaid-deposit transactions: a customer locks a deposit once, the coordinator
// settles many jobs from many deposits in one `settlement_batch` signed with the settlement key.
import { signTx, type SettlementItem, type SignedTx } from "./tx.js";

/** The most items one `settlement_batch` may carry (a chain rule). */
export const MAX_SETTLEMENT_ITEMS = 512;

export interface ChainTxContext {
  chainId: string;
  /** The signer's `pending_nonce`. */
  nonce: number;
  secretKey: Uint8Array;
}

/** `deposit_lock`: moves `amountMicro` from the signer's balance into the signer's deposit. */
export function depositLockTx(ctx: ChainTxContext, amountMicro: bigint): SignedTx<"deposit_lock"> {
  return signTx(
    {
      type: "deposit_lock",
      chainId: ctx.chainId,
      nonce: ctx.nonce,
      payload: { amount: amountMicro.toString() },
    },
    ctx.secretKey,
  );
}

/** `deposit_withdraw`: starts the withdrawal delay of the signer's deposit. */
export function depositWithdrawTx(ctx: ChainTxContext): SignedTx<"deposit_withdraw"> {
  return signTx(
    { type: "deposit_withdraw", chainId: ctx.chainId, nonce: ctx.nonce, payload: {} },
    ctx.secretKey,
  );
}

/** `deposit_release`: returns the rest of the signer's deposit after the delay. */
export function depositReleaseTx(ctx: ChainTxContext): SignedTx<"deposit_release"> {
  return signTx(
    { type: "deposit_release", chainId: ctx.chainId, nonce: ctx.nonce, payload: {} },
    ctx.secretKey,
  );
}

export interface SettlementBatchInput {
  batchId: string;
  /** merkleRoot() of the batch's receipt hashes. */
  receiptsRoot: string;
  items: Array<{
    depositOwner: string;
    provider: string;
    paidMicro: bigint;
    jobId: string;
    /** The part of paidMicro that goes to the verification pool; left out of the item when 0. */
    poolFeeMicro?: bigint;
  }>;
}

/** `settlement_batch`, signed with the genesis settlement key. */
export function settlementBatchTx(
  ctx: ChainTxContext,
  input: SettlementBatchInput,
): SignedTx<"settlement_batch"> {
  const items: SettlementItem[] = input.items.map((i) => ({
    deposit_owner: i.depositOwner,
    provider: i.provider,
    paid: i.paidMicro.toString(),
    job_id: i.jobId,
    // Absent means "0": a batch without fees signs the same bytes as before fees existed.
    ...(i.poolFeeMicro ? { pool_fee: i.poolFeeMicro.toString() } : {}),
  }));
  return signTx(
    {
      type: "settlement_batch",
      chainId: ctx.chainId,
      nonce: ctx.nonce,
      payload: { batch_id: input.batchId, receipts_root: input.receiptsRoot, items },
    },
    ctx.secretKey,
  );
}
