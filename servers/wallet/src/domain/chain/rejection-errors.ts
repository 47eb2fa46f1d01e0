// The node's refusal reasons, as this wallet's callers should see them.
import { ChainRejected, Conflict, InsufficientFunds, Unprocessable } from "@aitbc/server-lib";

export function rejectionToAppError(err: unknown): unknown {
  if (!(err instanceof ChainRejected)) return err;
  if (err.reason === "insufficient_funds")
    return new InsufficientFunds(`The chain refused the transaction: ${err.message}`);
  if (err.reason === "escrow_exists")
    return new Conflict("conflict", `This job's escrow is already locked on chain: ${err.message}`);
  if (err.reason === "withdrawal_pending" || err.reason === "withdrawal_not_started")
    return new Conflict(err.reason, `The chain refused the transaction: ${err.message}`);
  if (err.reason === "bond_unlock_pending" || err.reason === "bond_unlock_not_started")
    return new Conflict(err.reason, `The chain refused the transaction: ${err.message}`);
  if (err.reason === "bond_not_found")
    return new Conflict("conflict", `There is no bond: ${err.message}`);
  if (err.reason === "deposit_not_found")
    return new Conflict("conflict", `There is no deposit: ${err.message}`);
  return new Unprocessable("tx_rejected", `The chain refused the transaction: ${err.message}`, {
    reason: err.reason,
  });
}
