// How the domain runs several store calls as one unit. The handle is opaque: only the data layer
// that made it knows it is a database transaction, so use cases cannot write SQL through it.
import type { IdempotentResult, SecretSealer } from "@aitbc/server-lib";

declare const txBrand: unique symbol;

/** An open transaction, passed back to the stores that take one. */
export interface Tx {
  readonly [txBrand]: true;
}

export interface Transactions {
  /** Runs `work` in one transaction: it commits when `work` resolves and rolls back when it throws. */
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

export interface IdempotencyRequest {
  scope: string;
  key: string | undefined;
  body: unknown;
  sealer?: SecretSealer;
}

/** Answers a repeated request (same scope and key) with the first answer instead of running it again. */
export interface Idempotency {
  run<T>(
    request: IdempotencyRequest,
    work: () => Promise<{ status: number; body: T }>,
  ): Promise<IdempotentResult<T>>;
}
