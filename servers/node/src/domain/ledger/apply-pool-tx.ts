// The verification pool's money in and out. In: the `pool_fee` of an escrow release or a
// settlement batch item (taken from the provider's side of `paid`) and the penalty of a slash.
// Out: a `pool_payout`, signed by the settlement key, that pays the provider whose miner re-ran a
// job for a spot check or a dispute. A payout is refused whole when the pool holds less, rather
// than paying what there is: the coordinator can always sign one that fits, and a payout that
// silently pays less would leave the re-run half paid. Each job id is paid from the pool once.
import { MAX_MICRO, parseMicro, type SignedTx } from "@aitbc/sdk";
import { checkCredit, credit } from "./credit.js";
import { POOL_KEY, poolPayoutKey } from "./record-key.js";
import { poolAmount, poolPayoutOf, type AccountState, type StateOverlay } from "./state.js";
import type { TxContext, TxEffects } from "./tx-effects.js";
import { TxRejected } from "./tx-rejected.js";

/** Refuses a fee that would take the pool above the chain's maximum; returns the pool's new amount. */
export function checkPoolFee(state: StateOverlay, fee: bigint): bigint {
  const pool = poolAmount(state);
  if (pool + fee > MAX_MICRO)
    throw new TxRejected("invalid_payload", "The verification pool would exceed the maximum.");
  return pool + fee;
}

/** Writes the pool's new amount (after checkPoolFee, once every other check passed). */
export function setPool(state: StateOverlay, amount: bigint): void {
  state.setRecord(POOL_KEY, { kind: "pool", amount });
}

/** Applies a `pool_payout` whose signer (the settlement key) and nonce were checked. */
export function applyPoolPayout(
  tx: SignedTx<"pool_payout">,
  signer: AccountState,
  state: StateOverlay,
  ctx: TxContext,
): TxEffects {
  const p = tx.payload;
  const amount = parseMicro(p.amount);
  if (poolPayoutOf(state, p.job_id))
    throw new TxRejected(
      "pool_payout_exists",
      `The re-run of job ${p.job_id} was already paid from the pool.`,
      { job_id: p.job_id },
    );
  const pool = poolAmount(state);
  if (pool < amount)
    throw new TxRejected(
      "pool_insufficient",
      `The verification pool holds ${pool} micro-AITBC; the payout takes ${amount}.`,
      { pool_micro: pool.toString() },
    );
  checkCredit(state, p.provider, amount);

  // The signer (the settlement key) may also be the provider; bump its nonce before crediting.
  state.setAccount(tx.from, { balance: signer.balance, nonce: signer.nonce + 1 });
  credit(state, p.provider, amount);
  setPool(state, pool - amount);
  state.setRecord(poolPayoutKey(p.job_id), {
    kind: "pool_payout",
    job_id: p.job_id,
    provider: p.provider,
    amount,
    height: ctx.height,
  });
  return { to: p.provider, refund_to: null, job_id: p.job_id, amount };
}
