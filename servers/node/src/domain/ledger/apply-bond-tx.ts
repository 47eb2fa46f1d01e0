// The state transitions of provider bonds: lock (or top up), unlock, release (the time-locked
// balance rules, time-locked-balance.ts), and the slash that pays a customer back from a
// provider's bond and moves a penalty into the verification pool.
// Like applyTx, every check runs before the first write, so a refused transaction leaves the
// overlay untouched.
//
// A slash is refused whole when the bond holds less than refund + penalty, rather than paying
// what there is: a partial slash would need a rule for splitting the shortfall between customer
// and pool, and the settlement key can always sign a smaller slash that fits. The job id is
// recorded, so the same failure is never paid twice.
//
// A bond being unlocked can still be slashed until it is released: the delay exists so that a
// spot check or dispute about work done before the unlock can still be paid for.
import { parseMicro, type BondLockPayload, type BondSlashPayload, type SignedTx } from "@aitbc/sdk";
import type { TxContext, TxEffects } from "./tx-effects.js";
import { checkCredit, credit } from "./credit.js";
import type { LedgerRules } from "./ledger-rules.js";
import { checkPoolFee, setPool } from "./apply-pool-tx.js";
import { bondKey, slashKey } from "./record-key.js";
import type { BondState } from "./records.js";
import { bondOf, slashOf, type AccountState, type StateOverlay } from "./state.js";
import {
  existing,
  lock,
  release,
  startUnlock,
  type TimeLockedKind,
} from "./time-locked-balance.js";
import { TxRejected } from "./tx-rejected.js";

export type BondTxType = "bond_lock" | "bond_unlock" | "bond_release" | "bond_slash";

function effects(amount: bigint, to: string | null = null, jobId: string | null = null): TxEffects {
  return { to, refund_to: null, job_id: jobId, amount };
}

export const BOND: TimeLockedKind<BondState> = {
  noun: "bond",
  key: bondKey,
  read: bondOf,
  record: (provider, amount, unlockHeight) => ({
    kind: "bond",
    provider,
    amount,
    status: unlockHeight === null ? "active" : "unlocking",
    unlock_height: unlockHeight,
  }),
  notFound: "bond_not_found",
  pending: "bond_unlock_pending",
  unlockedAs: "unlocked",
  notStarted: "bond_unlock_not_started",
  notStartedDetail: (provider) =>
    `The bond of ${provider} is not being unlocked: sign a bond_unlock first.`,
};

/** Applies a bond transaction whose signer and nonce were checked. */
export function applyBondTx(
  tx: SignedTx<BondTxType>,
  signer: AccountState,
  state: StateOverlay,
  rules: LedgerRules,
  ctx: TxContext,
): TxEffects {
  switch (tx.type) {
    case "bond_lock": {
      const amount = parseMicro((tx.payload as BondLockPayload).amount);
      lock(BOND, tx.from, signer, amount, state);
      return effects(amount);
    }
    case "bond_unlock":
      return effects(startUnlock(BOND, tx.from, signer, rules.bondUnlockDelay, ctx.height, state));
    case "bond_release":
      return effects(release(BOND, tx.from, signer, ctx.height, state), tx.from);
    case "bond_slash":
      return applySlash(
        tx as SignedTx<"bond_slash">,
        { balance: signer.balance, nonce: signer.nonce + 1 },
        state,
        ctx,
      );
  }
}

function applySlash(
  tx: SignedTx<"bond_slash">,
  bumped: AccountState,
  state: StateOverlay,
  ctx: TxContext,
): TxEffects {
  const p: BondSlashPayload = tx.payload;
  const refund = parseMicro(p.refund);
  const penalty = parseMicro(p.penalty);
  if (slashOf(state, p.job_id))
    throw new TxRejected("job_already_slashed", `Job ${p.job_id} was already slashed.`, {
      job_id: p.job_id,
    });
  const b = existing(BOND, state, p.provider);
  if (b.amount < refund + penalty)
    throw new TxRejected(
      "bond_insufficient",
      `The bond of ${p.provider} holds ${b.amount} micro-AITBC; the slash takes ${refund + penalty}.`,
      { provider: p.provider },
    );
  const pool = checkPoolFee(state, penalty);
  if (refund > 0n) checkCredit(state, p.customer, refund);

  // The signer (the settlement key) may also be the customer; bump its nonce before crediting.
  state.setAccount(tx.from, bumped);
  state.setRecord(bondKey(p.provider), { ...b, amount: b.amount - refund - penalty });
  if (refund > 0n) credit(state, p.customer, refund);
  if (penalty > 0n) setPool(state, pool);
  state.setRecord(slashKey(p.job_id), {
    kind: "slash",
    job_id: p.job_id,
    provider: p.provider,
    refund,
    penalty,
    height: ctx.height,
  });
  return effects(refund + penalty, p.customer, p.job_id);
}
