// The metering rule both the miner and the coordinator apply (spec: completeJob):
//   units = execution seconds with 3 decimals, unit_type = gpu_seconds,
//   cost  = min(floor(unit_price × duration_ms ÷ 3,600,000), budget)   (all integer micro-AITBC)
// and its inverse, the longest execution the budget pays for.

const MS_PER_HOUR = 3_600_000n;

export interface Metered {
  units: string;
  cost: bigint;
}

/** `1234` ms → `"1.234"`, exactly, without floating point. */
export function unitsFromMs(durationMs: number): string {
  if (!Number.isInteger(durationMs) || durationMs < 0) {
    throw new RangeError(`durationMs: expected a non-negative integer, got ${durationMs}`);
  }
  const whole = Math.floor(durationMs / 1000);
  return `${whole}.${String(durationMs % 1000).padStart(3, "0")}`;
}

export function meter(durationMs: number, unitPricePerHour: bigint, budget: bigint): Metered {
  const raw = (unitPricePerHour * BigInt(durationMs)) / MS_PER_HOUR;
  return { units: unitsFromMs(durationMs), cost: raw < budget ? raw : budget };
}

/**
 * The longest duration (ms) whose uncapped cost stays within the budget:
 * the largest d with floor(price × d / 3,600,000) ≤ budget. Undefined when the price is zero
 * (time is free, so the budget never stops a job).
 */
export function maxDurationForBudget(unitPricePerHour: bigint, budget: bigint): number | undefined {
  if (unitPricePerHour <= 0n) return undefined;
  const limit = ((budget + 1n) * MS_PER_HOUR - 1n) / unitPricePerHour;
  return limit > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(limit);
}
