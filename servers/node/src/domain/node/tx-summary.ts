// Who a transaction pays and how much, read from the transaction itself (for pending ones) the
// same way apply-tx records it for confirmed ones.
import { parseMicro, type SettlementBatchPayload, type SignedTx } from "@aitbc/sdk";
import type { TxEffects } from "../ledger/apply-tx.js";
import { bondOf, depositOf, isOpenEscrow, type StateReader } from "../ledger/state.js";

export function txSummary(tx: SignedTx, state: StateReader): TxEffects {
  const p = tx.payload as unknown as Record<string, string | undefined>;
  switch (tx.type) {
    case "transfer":
    case "mint":
    case "faucet":
      return { to: p.to ?? null, refund_to: null, job_id: null, amount: parseMicro(p.amount!) };
    case "escrow_lock":
      return { to: null, refund_to: null, job_id: p.job_id!, amount: parseMicro(p.amount!) };
    case "deposit_lock":
      return { to: null, refund_to: null, job_id: null, amount: parseMicro(p.amount!) };
    case "deposit_withdraw":
      return {
        to: null,
        refund_to: null,
        job_id: null,
        amount: depositOf(state, tx.from)?.amount ?? 0n,
      };
    case "deposit_release":
      return {
        to: tx.from,
        refund_to: null,
        job_id: null,
        amount: depositOf(state, tx.from)?.amount ?? 0n,
      };
    case "bond_lock":
      return { to: null, refund_to: null, job_id: null, amount: parseMicro(p.amount!) };
    case "bond_unlock":
      return {
        to: null,
        refund_to: null,
        job_id: null,
        amount: bondOf(state, tx.from)?.amount ?? 0n,
      };
    case "bond_release":
      return {
        to: tx.from,
        refund_to: null,
        job_id: null,
        amount: bondOf(state, tx.from)?.amount ?? 0n,
      };
    case "bond_slash":
      return {
        to: p.customer!,
        refund_to: null,
        job_id: p.job_id!,
        amount: parseMicro(p.refund!) + parseMicro(p.penalty!),
      };
    case "pool_payout":
      return { to: p.provider!, refund_to: null, job_id: p.job_id!, amount: parseMicro(p.amount!) };
    case "settlement_batch": {
      const items = (tx.payload as SettlementBatchPayload).items;
      const amount = items.reduce((sum, i) => sum + parseMicro(i.paid), 0n);
      return { to: null, refund_to: null, job_id: null, amount };
    }
    case "escrow_release": {
      const escrow = state.escrow(p.job_id!);
      return {
        to: p.provider ?? null,
        refund_to: isOpenEscrow(escrow) ? escrow.owner : null,
        job_id: p.job_id!,
        amount: parseMicro(p.paid!) + parseMicro(p.refund!),
      };
    }
  }
}
