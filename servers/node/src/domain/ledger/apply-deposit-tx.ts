// The state transitions of prepaid deposits: lock (or top up), withdraw, release, and the
// settlement batch that pays providers from deposits. Like applyTx, every check runs before the
// first write, so a refused transaction (a whole batch included) leaves the overlay untouched.
//
// Release is an explicit `deposit_release` by the owner, not something block execution does by
// itself at `unlock_height`: a block then changes only what its transactions name, every release
// has a transaction (and a hash) in the owner's history, and no node needs an index of deposits
// by unlock height to stay in step.
//
// A `deposit_lock` during the withdrawal delay tops the deposit up and cancels the withdrawal: the
// owner is evidently using the deposit again, and a single status keeps the coordinator's rule
// simple (reserve against `active` deposits only).
import {
  MAX_MICRO,
  parseMicro,
  type DepositLockPayload,
  type SettlementBatchPayload,
  type SignedTx,
} from "@aitbc/sdk";
import type { TxContext, TxEffects } from "./tx-effects.js";
import { checkCredit, credit, insufficient } from "./credit.js";
import type { LedgerRules } from "./ledger-rules.js";
import { depositKey, paidJobKey, settlementKey } from "./record-key.js";
import type { DepositState } from "./records.js";
import {
  depositOf,
  paidJobOf,
  settlementOf,
  type AccountState,
  type StateOverlay,
} from "./state.js";
import { TxRejected } from "./tx-rejected.js";

export type DepositTxType =
  "deposit_lock" | "deposit_withdraw" | "deposit_release" | "settlement_batch";

function noEffects(amount: bigint, to: string | null = null): TxEffects {
  return { to, refund_to: null, job_id: null, amount };
}

function existingDeposit(state: StateOverlay, owner: string): DepositState {
  const d = depositOf(state, owner);
  if (!d) throw new TxRejected("deposit_not_found", `${owner} has no deposit.`);
  return d;
}

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
      if (signer.balance < amount) throw insufficient(tx.from, signer.balance, amount);
      const before = depositOf(state, tx.from)?.amount ?? 0n;
      if (before + amount > MAX_MICRO)
        throw new TxRejected(
          "invalid_payload",
          `The deposit of ${tx.from} would exceed the maximum.`,
        );
      state.setAccount(tx.from, { balance: signer.balance - amount, nonce: signer.nonce + 1 });
      state.setRecord(depositKey(tx.from), {
        kind: "deposit",
        owner: tx.from,
        amount: before + amount,
        status: "active",
        unlock_height: null,
      });
      return noEffects(amount);
    }
    case "deposit_withdraw": {
      const d = existingDeposit(state, tx.from);
      if (d.status === "withdrawing")
        throw new TxRejected(
          "withdrawal_pending",
          `The deposit of ${tx.from} is already being withdrawn (unlock height ${d.unlock_height}).`,
          { unlock_height: d.unlock_height },
        );
      const unlock = ctx.height + rules.depositWithdrawDelay;
      state.setAccount(tx.from, bumped);
      state.setRecord(depositKey(tx.from), { ...d, status: "withdrawing", unlock_height: unlock });
      return noEffects(d.amount);
    }
    case "deposit_release": {
      const d = existingDeposit(state, tx.from);
      if (d.status !== "withdrawing")
        throw new TxRejected(
          "withdrawal_not_started",
          `The deposit of ${tx.from} has no withdrawal: sign a deposit_withdraw first.`,
        );
      if (ctx.height < d.unlock_height!)
        throw new TxRejected(
          "withdrawal_pending",
          `The deposit of ${tx.from} unlocks at height ${d.unlock_height}; this block is ${ctx.height}.`,
          { unlock_height: d.unlock_height },
        );
      checkCredit(state, tx.from, d.amount);
      state.setAccount(tx.from, { balance: signer.balance + d.amount, nonce: signer.nonce + 1 });
      state.setRecord(depositKey(tx.from), null);
      return noEffects(d.amount, tx.from);
    }
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
    draws.set(item.deposit_owner, (draws.get(item.deposit_owner) ?? 0n) + paid);
    credits.set(item.provider, (credits.get(item.provider) ?? 0n) + paid);
    total += paid;
  }
  for (const [owner, draw] of draws) {
    const d = existingDeposit(state, owner);
    if (d.amount < draw)
      throw new TxRejected(
        "deposit_insufficient",
        `The deposit of ${owner} holds ${d.amount} micro-AITBC; the batch draws ${draw}.`,
        { deposit_owner: owner },
      );
  }
  for (const [provider, amount] of credits) checkCredit(state, provider, amount);

  state.setAccount(tx.from, bumped);
  for (const [owner, draw] of draws) {
    const d = depositOf(state, owner)!;
    state.setRecord(depositKey(owner), { ...d, amount: d.amount - draw });
  }
  for (const [provider, amount] of credits) credit(state, provider, amount);
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
