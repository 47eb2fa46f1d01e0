// The state transitions of provider bonds: lock (or top up), unlock, release, and the slash that
// pays a customer back from a provider's bond and moves a penalty into the verification pool.
// Like applyTx, every check runs before the first write, so a refused transaction leaves the
// overlay untouched.
//
// A slash is refused whole when the bond holds less than refund + penalty, rather than paying
// what there is: a partial slash would need a rule for splitting the shortfall between customer
// and pool, and the settlement key can always sign a smaller slash that fits. The job id is
// recorded, so the same failure is never paid twice.
//
// A bond being unlocked can still be slashed until it is released: the delay exists so that a
// spot check or dispute about work done before the unlock can still be paid for. A `bond_lock`
// during the delay tops the bond up and cancels the unlock, like a `deposit_lock` does for a
// deposit.
import {
  MAX_MICRO,
  parseMicro,
  type BondLockPayload,
  type BondSlashPayload,
  type SignedTx,
} from "@aitbc/sdk";
import type { TxContext, TxEffects } from "./tx-effects.js";
import { checkCredit, credit, insufficient } from "./credit.js";
import type { LedgerRules } from "./ledger-rules.js";
import { bondKey, POOL_KEY, slashKey } from "./record-key.js";
import type { BondState } from "./records.js";
import { bondOf, poolAmount, slashOf, type AccountState, type StateOverlay } from "./state.js";
import { TxRejected } from "./tx-rejected.js";

export type BondTxType = "bond_lock" | "bond_unlock" | "bond_release" | "bond_slash";

function effects(amount: bigint, to: string | null = null, jobId: string | null = null): TxEffects {
  return { to, refund_to: null, job_id: jobId, amount };
}

function existingBond(state: StateOverlay, provider: string): BondState {
  const b = bondOf(state, provider);
  if (!b) throw new TxRejected("bond_not_found", `${provider} has no bond.`);
  return b;
}

/** Applies a bond transaction whose signer and nonce were checked. */
export function applyBondTx(
  tx: SignedTx<BondTxType>,
  signer: AccountState,
  state: StateOverlay,
  rules: LedgerRules,
  ctx: TxContext,
): TxEffects {
  const bumped = { balance: signer.balance, nonce: signer.nonce + 1 };
  switch (tx.type) {
    case "bond_lock": {
      const amount = parseMicro((tx.payload as BondLockPayload).amount);
      if (signer.balance < amount) throw insufficient(tx.from, signer.balance, amount);
      const before = bondOf(state, tx.from)?.amount ?? 0n;
      if (before + amount > MAX_MICRO)
        throw new TxRejected("invalid_payload", `The bond of ${tx.from} would exceed the maximum.`);
      state.setAccount(tx.from, { balance: signer.balance - amount, nonce: signer.nonce + 1 });
      state.setRecord(bondKey(tx.from), {
        kind: "bond",
        provider: tx.from,
        amount: before + amount,
        status: "active",
        unlock_height: null,
      });
      return effects(amount);
    }
    case "bond_unlock": {
      const b = existingBond(state, tx.from);
      if (b.status === "unlocking")
        throw new TxRejected(
          "bond_unlock_pending",
          `The bond of ${tx.from} is already being unlocked (unlock height ${b.unlock_height}).`,
          { unlock_height: b.unlock_height },
        );
      const unlock = ctx.height + rules.bondUnlockDelay;
      state.setAccount(tx.from, bumped);
      state.setRecord(bondKey(tx.from), { ...b, status: "unlocking", unlock_height: unlock });
      return effects(b.amount);
    }
    case "bond_release": {
      const b = existingBond(state, tx.from);
      if (b.status !== "unlocking")
        throw new TxRejected(
          "bond_unlock_not_started",
          `The bond of ${tx.from} is not being unlocked: sign a bond_unlock first.`,
        );
      if (ctx.height < b.unlock_height!)
        throw new TxRejected(
          "bond_unlock_pending",
          `The bond of ${tx.from} unlocks at height ${b.unlock_height}; this block is ${ctx.height}.`,
          { unlock_height: b.unlock_height },
        );
      checkCredit(state, tx.from, b.amount);
      state.setAccount(tx.from, { balance: signer.balance + b.amount, nonce: signer.nonce + 1 });
      state.setRecord(bondKey(tx.from), null);
      return effects(b.amount, tx.from);
    }
    case "bond_slash":
      return applySlash(tx as SignedTx<"bond_slash">, bumped, state, ctx);
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
  const b = existingBond(state, p.provider);
  if (b.amount < refund + penalty)
    throw new TxRejected(
      "bond_insufficient",
      `The bond of ${p.provider} holds ${b.amount} micro-AITBC; the slash takes ${refund + penalty}.`,
      { provider: p.provider },
    );
  const pool = poolAmount(state);
  if (pool + penalty > MAX_MICRO)
    throw new TxRejected("invalid_payload", "The verification pool would exceed the maximum.");
  if (refund > 0n) checkCredit(state, p.customer, refund);

  // The signer (the settlement key) may also be the customer; bump its nonce before crediting.
  state.setAccount(tx.from, bumped);
  state.setRecord(bondKey(p.provider), { ...b, amount: b.amount - refund - penalty });
  if (refund > 0n) credit(state, p.customer, refund);
  if (penalty > 0n) state.setRecord(POOL_KEY, { kind: "pool", amount: pool + penalty });
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
