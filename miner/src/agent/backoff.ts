// Retry delays for an unreachable coordinator: exponential with jitter, capped, so a fleet of
// miners does not hammer a coordinator that is coming back up.

export interface Backoff {
  next(): number;
  reset(): void;
}

export function createBackoff(baseMs = 500, maxMs = 30_000): Backoff {
  let attempt = 0;
  return {
    next() {
      const exp = Math.min(maxMs, baseMs * 2 ** attempt);
      attempt = Math.min(attempt + 1, 30);
      return Math.round(exp / 2 + Math.random() * (exp / 2));
    },
    reset() {
      attempt = 0;
    },
  };
}

/** Resolves after `ms`, or early (without throwing) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
