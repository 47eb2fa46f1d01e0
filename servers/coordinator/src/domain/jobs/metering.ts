// The metering rule both sides compute the same way (miner and coordinator):
//   units = execution seconds with 3 decimals ("1.234"), unit_type gpu_seconds,
//   unit_price = the service's rate per hour in micro-AITBC,
//   cost = min(floor(unit_price × duration_ms ÷ 3,600,000), budget).
export const MS_PER_HOUR = 3_600_000n;

export function meteredCost(
  unitPriceMicro: bigint,
  durationMs: number,
  budgetMicro: bigint,
): bigint {
  const raw = (unitPriceMicro * BigInt(durationMs)) / MS_PER_HOUR;
  return raw < budgetMicro ? raw : budgetMicro;
}

export function unitsFromDuration(durationMs: number): string {
  const whole = Math.floor(durationMs / 1000);
  const frac = String(durationMs % 1000).padStart(3, "0");
  return `${whole}.${frac}`;
}
