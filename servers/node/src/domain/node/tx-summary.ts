// Who a transaction pays and how much, read from the transaction itself (for pending ones) the
// same way apply-tx records it for confirmed ones.
import { parseMicro, type SignedTx } from "@aitbc/sdk";
import type { TxEffects } from "../ledger/apply-tx.js";
import { isOpenEscrow, type StateReader } from "../ledger/state.js";

export function txSummary(tx: SignedTx, state: StateReader): TxEffects {
  const p = tx.payload as unknown as Record<string, string | undefined>;
  switch (tx.type) {
    case "transfer":
    case "mint":
    case "faucet":
      return { to: p.to ?? null, refund_to: null, job_id: null, amount: parseMicro(p.amount!) };
    case "escrow_lock":
      return { to: null, refund_to: null, job_id: p.job_id!, amount: parseMicro(p.amount!) };
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
