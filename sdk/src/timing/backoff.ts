// The one retry delay policy: exponential from `baseMs`, capped at `maxMs`, and by default spread
// over the upper half of that delay ("equal jitter"), so a fleet of clients that lost the same
// server does not come back in lockstep.

export interface BackoffPolicy {
  /** The delay before the first retry (attempt 0), before jitter. */
  baseMs: number;
  /** The longest delay. */
  maxMs: number;
  /** Spread each delay over [delay/2, delay]. Default true. */
  jitter?: boolean;
}

/** The delay in ms before retry number `attempt` (0 for the first retry). */
export function backoffDelay(attempt: number, policy: BackoffPolicy): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  if (policy.jitter === false) return exp;
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

/** A retry loop's delays: each `next()` the following one, `reset()` after a success. */
export interface Backoff {
  next(): number;
  reset(): void;
}

export function createBackoff(baseMs = 500, maxMs = 30_000): Backoff {
  let attempt = 0;
  return {
    next() {
      return backoffDelay(attempt++, { baseMs, maxMs });
    },
    reset() {
      attempt = 0;
    },
  };
}
