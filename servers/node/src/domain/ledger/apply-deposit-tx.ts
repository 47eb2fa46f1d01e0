// The state transitions of prepaid deposits: lock (or top up), withdraw, release (the time-locked
// balance rules, time-locked-balance.ts), and the settlement batch that pays providers from
// deposits, each item's pool fee going to the verification pool. Like applyTx, every check runs
// before the first write, so a refused transaction (a whole batch included) leaves the overlay
// untouched.
//
// Release is an explicit `deposit_release` by the owner, not something block execution does by
// itself at `unlock_height`: a block then changes only what its transactions name, every release
// has a transaction (and a hash) in the owner's history, and no node needs an index of deposits
// by unlock height to stay in step.
//
// A `deposit_lock` during the withdrawal delay tops the deposit up and cancels the withdrawal, so
// that the coordinator's rule stays simple: reserve against `active` deposits only.
import {
  parseMicro,
  type DepositLockPayload,
  type SettlementBatchPayload,
  type SignedTx,
} from "@aitbc/sdk";
import type { TxContext, TxEffects } from "./tx-effects.js";
import { checkCredit, credit } from "./credit.js";
import type { LedgerRules } from "./ledger-rules.js";
import { checkPoolFee, setPool } from "./apply-pool-tx.js";
import { depositKey, paidJobKey, settlementKey } from "./record-key.js";
import type { DepositState } from "./records.js";
import {
  depositOf,
  paidJobOf,
  settlementOf,
  type AccountState,
  type StateOverlay,
} from "./state.js";
import {
  existing,
  lock,
  release,
  startUnlock,
  type TimeLockedKind,
} from "./time-locked-balance.js";
import { TxRejected } from "./tx-rejected.js";

export type DepositTxType =
  "deposit_lock" | "deposit_withdraw" | "deposit_release" | "settlement_batch";

function noEffects(amount: bigint, to: string | null = null): TxEffects {
  return { to, refund_to: null, job_id: null, amount };
}

export const DEPOSIT: TimeLockedKind<DepositState> = {
  noun: "deposit",
  key: depositKey,
  read: depositOf,
  record: (owner, amount, unlockHeight) => ({
    kind: "deposit",
    owner,
    amount,
    status: unlockHeight === null ? "active" : "withdrawing",
    unlock_height: unlockHeight,
  }),
  notFound: "deposit_not_found",
  pending: "withdrawal_pending",
  unlockedAs: "withdrawn",
  notStarted: "withdrawal_not_started",
  notStartedDetail: (owner) =>
    `The deposit of ${owner} has no withdrawal: sign a deposit_withdraw first.`,
};

/** Applies a deposit or settlement transaction whose signer and nonce were checked. */
export function applyDepositTx(
  tx: SignedTx<DepositTxType>,
  signer: AccountState,
  state: StateOverlay,
  rules: LedgerRules,
  ctx: TxContext,
): TxEffects {
  const bumped = { balance: signer.balance, nonce: signer.nonce + 1 };
  switch (tx.type) {
    case "deposit_lock": {
      const amount = parseMicro((tx.payload as DepositLockPayload).amount);
      if (amount < rules.minEscrow)
        throw new TxRejected(
          "deposit_below_minimum",
          `A deposit_lock must lock at least ${rules.minEscrow} micro-AITBC on this chain; this one locks ${amount}.`,
          { min_escrow_micro: rules.minEscrow.toString() },
        );
      lock(DEPOSIT, tx.from, signer, amount, state);
      return noEffects(amount);
    }
    case "deposit_withdraw":
      return noEffects(
        startUnlock(DEPOSIT, tx.from, signer, rules.depositWithdrawDelay, ctx.height, state),
      );
    case "deposit_release":
      return noEffects(release(DEPOSIT, tx.from, signer, ctx.height, state), tx.from);
    case "settlement_batch":
      return applySettlement(tx as SignedTx<"settlement_batch">, bumped, state, ctx);
  }
}

function applySettlement(
  tx: SignedTx<"settlement_batch">,
  bumped: AccountState,
  state: StateOverlay,
  ctx: TxContext,
): TxEffects {
  const p: SettlementBatchPayload = tx.payload;
  if (settlementOf(state, p.batch_id))
    throw new TxRejected("batch_exists", `Settlement batch ${p.batch_id} was already applied.`);
  const seen = new Set<string>();
  const draws = new Map<string, bigint>();
  const credits = new Map<string, bigint>();
  let total = 0n;
  let fees = 0n;
  for (const item of p.items) {
    if (seen.has(item.job_id))
      throw new TxRejected("job_already_settled", `Job ${item.job_id} repeats in the batch.`, {
        job_id: item.job_id,
      });
    seen.add(item.job_id);
    if (paidJobOf(state, item.job_id) || state.escrow(item.job_id))
      throw new TxRejected(
        "job_already_settled",
        `Job ${item.job_id} was already paid (or has an escrow of its own).`,
        { job_id: item.job_id },
      );
    const paid = parseMicro(item.paid);
    const fee = parseMicro(item.pool_fee ?? "0");
    draws.set(item.deposit_owner, (draws.get(item.deposit_owner) ?? 0n) + paid);
    credits.set(item.provider, (credits.get(item.provider) ?? 0n) + paid - fee);
    fees += fee;
    total += paid;
  }
  for (const [owner, draw] of draws) {
    const d = existing(DEPOSIT, state, owner);
    if (d.amount < draw)
      throw new TxRejected(
        "deposit_insufficient",
        `The deposit of ${owner} holds ${d.amount} micro-AITBC; the batch draws ${draw}.`,
        { deposit_owner: owner },
      );
  }
  for (const [provider, amount] of credits) checkCredit(state, provider, amount);
  const pool = checkPoolFee(state, fees);

  state.setAccount(tx.from, bumped);
  for (const [owner, draw] of draws) {
    const d = depositOf(state, owner)!;
    state.setRecord(depositKey(owner), { ...d, amount: d.amount - draw });
  }
  for (const [provider, amount] of credits) if (amount > 0n) credit(state, provider, amount);
  if (fees > 0n) setPool(state, pool);
  for (const item of p.items)
    state.setRecord(paidJobKey(item.job_id), {
      kind: "paid_job",
      job_id: item.job_id,
      batch_id: p.batch_id,
      height: ctx.height,
    });
  state.setRecord(settlementKey(p.batch_id), {
    kind: "settlement",
    batch_id: p.batch_id,
    receipts_root: p.receipts_root,
    items: p.items.length,
    paid: total,
    tx_hash: ctx.hash,
    height: ctx.height,
  });
  return noEffects(total);
}
