// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.

/** Every `code` an AITBC server sends in a problem+json body, with the HTTP status it comes with. */
export const PROBLEM_CODES = {
  validation_failed: 400,
  invalid_json: 400,
  unauthorized: 401,
  insufficient_funds: 402,
  deposit_insufficient: 402,
  forbidden: 403,
  faucet_disabled: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  already_exists: 409,
  idempotency_key_reused: 409,
  idempotency_in_progress: 409,
  lease_lost: 409,
  job_not_cancellable: 409,
  job_finished: 409,
  already_reviewed: 409,
  withdrawal_pending: 409,
  withdrawal_not_started: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  no_matching_service: 422,
  review_not_allowed: 422,
  receipt_invalid: 422,
  tx_rejected: 422,
  rate_limited: 429,
  too_many_pending: 429,
  internal_error: 500,
  unavailable: 503,
  timeout: 504,
} as const;

/** A server's problem `code` (spec/common/problem-codes.md). */
export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Why a chain node refused a transaction: the `reason` of a `tx_rejected` problem. */
export const TX_REJECT_REASONS = [
  "bad_signature",
  "wrong_chain",
  "nonce_reused",
  "nonce_gap",
  "insufficient_funds",
  "unauthorized_signer",
  "escrow_exists",
  "escrow_not_found",
  "escrow_released",
  "amount_mismatch",
  "faucet_disabled",
  "invalid_payload",
  "escrow_below_minimum",
  "deposit_below_minimum",
  "deposit_lock",
  "min_escrow",
  "deposit_not_found",
  "withdrawal_pending",
  "deposit_withdraw",
  "deposit_release",
  "unlock_height",
  "withdrawal_not_started",
  "deposit_release",
  "deposit_withdraw",
  "deposit_insufficient",
  "settlement_batch",
  "job_already_settled",
  "batch_exists",
  "batch_id",
] as const;

export type TxRejectReason = (typeof TX_REJECT_REASONS)[number];
