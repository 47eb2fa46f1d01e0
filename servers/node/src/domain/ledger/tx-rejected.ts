// The one error a transaction rejection becomes, in the mempool and in a block alike. Over HTTP it
// is 422 `tx_rejected` with `reason`; over P2P some reasons mean the peer misbehaved.
import { Unprocessable } from "@aitbc/server-lib";

export type RejectReason =
  | "bad_signature"
  | "wrong_chain"
  | "nonce_reused"
  | "nonce_gap"
  | "insufficient_funds"
  | "unauthorized_signer"
  | "escrow_exists"
  | "escrow_not_found"
  | "escrow_released"
  | "amount_mismatch"
  | "faucet_disabled"
  | "invalid_payload"
  | "escrow_below_minimum"
  | "deposit_below_minimum"
  | "deposit_not_found"
  | "withdrawal_pending"
  | "withdrawal_not_started"
  | "deposit_insufficient"
  | "job_already_settled"
  | "batch_exists"
  | "bond_not_found"
  | "bond_unlock_pending"
  | "bond_unlock_not_started"
  | "bond_insufficient"
  | "job_already_slashed"
  | "pool_insufficient"
  | "pool_payout_exists";

export class TxRejected extends Unprocessable {
  override readonly title = "Transaction rejected";
  constructor(
    readonly reason: RejectReason,
    detail: string,
    extensions: Record<string, unknown> = {},
  ) {
    super("tx_rejected", detail, { reason, ...extensions });
  }
}

/** Reasons no honest peer produces: the transaction can never become valid. */
export function isMalformedReason(reason: RejectReason): boolean {
  return reason === "bad_signature" || reason === "wrong_chain" || reason === "invalid_payload";
}
