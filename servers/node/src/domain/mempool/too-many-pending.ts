// A sender over its mempool quota: 429 `too_many_pending`, retry once a block has taken some of
// its transactions. Not a rejection of the transaction itself (it may be valid a block later).
import { AppError } from "@aitbc/server-lib";

export class TooManyPending extends AppError {
  constructor(
    sender: string,
    max: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      429,
      "too_many_pending",
      "Too many pending transactions",
      `${sender} already has ${max} transactions pending; wait for a block to include some.`,
      { retry_after_s: retryAfterSeconds },
    );
  }
}
