// The state transition of one transaction: authorization, nonce, then the type's own rules, and
// only then the writes. Every check happens before the first write, so a rejected transaction
// leaves the overlay untouched. The same function runs in the mempool, when proposing and when
// checking a block, so all three agree.
import {
  parseMicro,
  type EscrowLockPayload,
  type EscrowReleasePayload,
  type SignedTx,
  type TransferPayload,
} from "@aitbc/sdk";
import { applyBondTx, type BondTxType } from "./apply-bond-tx.js";
import { applyDepositTx, type DepositTxType } from "./apply-deposit-tx.js";
import { applyPoolPayout, checkPoolFee, setPool } from "./apply-pool-tx.js";
import { checkCredit, credit, insufficient } from "./credit.js";
import type { LedgerRules } from "./ledger-rules.js";
import { paidJobOf, type StateOverlay } from "./state.js";
import { TxRejected } from "./tx-rejected.js";

import type { TxContext, TxEffects } from "./tx-effects.js";

export type { TxContext, TxEffects } from "./tx-effects.js";

function checkSigner(tx: SignedTx, rules: LedgerRules): void {
  if (tx.type === "faucet") {
    if (!rules.dev)
      throw new TxRejected("faucet_disabled", "This chain's genesis has dev: false: no faucet.");
    if (!rules.validatorKeys.has(tx.public_key))
      throw new TxRejected("unauthorized_signer", "Only a validator key may sign a faucet.");
  } else if (
    tx.type === "escrow_release" ||
    tx.type === "settlement_batch" ||
    tx.type === "bond_slash" ||
    tx.type === "pool_payout"
  ) {
    if (tx.public_key !== rules.settlementKey)
      throw new TxRejected(
        "unauthorized_signer",
        `Only the genesis settlement_key may sign ${tx.type}.`,
      );
  } else if (tx.type === "mint") {
    if (tx.public_key !== rules.treasuryKey)
      throw new TxRejected("unauthorized_signer", "Only the genesis treasury_key may sign a mint.");
  }
}

function checkNonce(tx: SignedTx, expected: number): void {
  if (tx.nonce < expected)
    throw new TxRejected(
      "nonce_reused",
      `Nonce ${tx.nonce} of ${tx.from} was already used; the next nonce is ${expected}.`,
      { expected_nonce: expected },
    );
  if (tx.nonce > expected)
    throw new TxRejected(
      "nonce_gap",
      `Nonce ${tx.nonce} of ${tx.from} skips ahead; the next nonce is ${expected}.`,
      { expected_nonce: expected },
    );
}

/** Checks a transaction against `state` and applies it there. Throws TxRejected, writing nothing. */
export function applyTx(
  tx: SignedTx,
  state: StateOverlay,
  rules: LedgerRules,
  ctx: TxContext,
): TxEffects {
  checkSigner(tx, rules);
  const signer = state.account(tx.from);
  checkNonce(tx, signer.nonce);

  switch (tx.type) {
    case "transfer": {
      const p = tx.payload as TransferPayload;
      const amount = parseMicro(p.amount);
      if (signer.balance < amount) throw insufficient(tx.from, signer.balance, amount);
      if (p.to !== tx.from) checkCredit(state, p.to, amount);
      state.setAccount(tx.from, { balance: signer.balance - amount, nonce: signer.nonce + 1 });
      credit(state, p.to, amount);
      return { to: p.to, refund_to: null, job_id: null, amount };
    }
    case "mint":
    case "faucet": {
      const p = tx.payload as { to: string; amount: string };
      const amount = parseMicro(p.amount);
      checkCredit(state, p.to, amount);
      state.setAccount(tx.from, { balance: signer.balance, nonce: signer.nonce + 1 });
      credit(state, p.to, amount);
      return { to: p.to, refund_to: null, job_id: null, amount };
    }
    case "escrow_lock": {
      const p = tx.payload as EscrowLockPayload;
      const amount = parseMicro(p.amount);
      if (amount < rules.minEscrow)
        throw new TxRejected(
          "escrow_below_minimum",
          `An escrow must lock at least ${rules.minEscrow} micro-AITBC on this chain; this one locks ${amount}.`,
          { min_escrow_micro: rules.minEscrow.toString() },
        );
      if (state.escrow(p.job_id))
        throw new TxRejected("escrow_exists", `Job ${p.job_id} already has an escrow.`);
      if (paidJobOf(state, p.job_id))
        throw new TxRejected(
          "escrow_exists",
          `Job ${p.job_id} was already paid from a deposit; it cannot be locked.`,
        );
      if (signer.balance < amount) throw insufficient(tx.from, signer.balance, amount);
      state.setAccount(tx.from, { balance: signer.balance - amount, nonce: signer.nonce + 1 });
      state.setEscrow(p.job_id, {
        job_id: p.job_id,
        owner: tx.from,
        amount,
        status: "locked",
        lock_tx_hash: ctx.hash,
        lock_height: ctx.height,
      });
      return { to: null, refund_to: null, job_id: p.job_id, amount };
    }
    case "deposit_lock":
    case "deposit_withdraw":
    case "deposit_release":
    case "settlement_batch":
      return applyDepositTx(tx as SignedTx<DepositTxType>, signer, state, rules, ctx);
    case "bond_lock":
    case "bond_unlock":
    case "bond_release":
    case "bond_slash":
      return applyBondTx(tx as SignedTx<BondTxType>, signer, state, rules, ctx);
    case "pool_payout":
      return applyPoolPayout(tx as SignedTx<"pool_payout">, signer, state, ctx);
    case "escrow_release": {
      const p = tx.payload as EscrowReleasePayload;
      const escrow = state.escrow(p.job_id);
      if (!escrow) throw new TxRejected("escrow_not_found", `Job ${p.job_id} has no escrow.`);
      if (escrow.status !== "locked")
        throw new TxRejected("escrow_released", `The escrow of job ${p.job_id} was released.`);
      const paid = parseMicro(p.paid);
      const refund = parseMicro(p.refund);
      if (paid + refund !== escrow.amount)
        throw new TxRejected(
          "amount_mismatch",
          `paid + refund is ${paid + refund} micro-AITBC; the escrow holds ${escrow.amount}.`,
        );
      // The fee comes out of the provider's side: the customer's refund is the same either way.
      const fee = parseMicro(p.pool_fee ?? "0");
      const earned = paid - fee;
      if (earned > 0n) checkCredit(state, p.provider!, earned);
      if (refund > 0n && escrow.owner !== p.provider) checkCredit(state, escrow.owner, refund);
      const pool = checkPoolFee(state, fee);
      state.setAccount(tx.from, { balance: signer.balance, nonce: signer.nonce + 1 });
      if (earned > 0n) credit(state, p.provider!, earned);
      if (refund > 0n) credit(state, escrow.owner, refund);
      if (fee > 0n) setPool(state, pool);
      // Only a tombstone stays in the state; the release transaction records the rest.
      state.setEscrow(p.job_id, {
        job_id: p.job_id,
        status: paid > 0n ? "settled" : "refunded",
        release_height: ctx.height,
      });
      return {
        to: p.provider ?? null,
        refund_to: escrow.owner,
        job_id: p.job_id,
        amount: paid + refund,
      };
    }
  }
}
