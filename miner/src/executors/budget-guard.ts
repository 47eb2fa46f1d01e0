// Stops generation before the job's budget runs out. The cost grows with wall-clock time, so the
// guard predicts when the next token would finish (from the time the last one took) and says
// stop if that would be past the budget's time limit.

export interface BudgetGuard {
  /** Call after every generated token; true means do not generate another one. */
  shouldStop(now?: number): boolean;
}

export function createBudgetGuard(
  maxDurationMs: number | undefined,
  startedAt: number,
): BudgetGuard {
  if (maxDurationMs === undefined || !Number.isFinite(maxDurationMs)) {
    return { shouldStop: () => false };
  }
  let last = startedAt;
  let interval = 0;
  return {
    shouldStop(now = Date.now()) {
      const step = now - last;
      last = now;
      // A smoothed step, so one slow token (GC, a busy core) does not stop the job early.
      interval = interval === 0 ? step : interval * 0.8 + step * 0.2;
      return now - startedAt + Math.max(interval, step) >= maxDurationMs;
    },
  };
}

/** True when no token can be produced within the limit at all (checked before starting). */
export function budgetExhausted(maxDurationMs: number | undefined): boolean {
  return maxDurationMs !== undefined && maxDurationMs <= 0;
}
