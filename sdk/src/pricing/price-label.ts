// How people read a service's price: the CLI and the pages write it the same way.
import { formatAitbc, toMicro } from "../money.js";

/** The price fields every pricing view carries (Pricing, JobPricing). */
export interface PriceFields {
  unit_type: "gpu_seconds" | "tokens";
  unit_price: string;
  rate_per_hour?: number;
  input_unit_price?: string;
}

/**
 * `"0.002 AITBC / 1k output tokens"`, with `" + 0.001 AITBC / 1k input tokens"` when input is
 * priced; undefined for a price per hour.
 */
export function tokenPriceLabel(p: PriceFields): string | undefined {
  if (p.unit_type !== "tokens") return undefined;
  const out = `${formatAitbc(BigInt(p.unit_price))} AITBC / 1k output tokens`;
  return p.input_unit_price !== undefined
    ? `${out} + ${formatAitbc(BigInt(p.input_unit_price))} AITBC / 1k input tokens`
    : out;
}

/** The price per hour in micro-AITBC, or undefined for a token price. */
export function hourlyRateMicro(p: PriceFields): bigint | undefined {
  if (p.unit_type !== "gpu_seconds") return undefined;
  return p.rate_per_hour !== undefined ? toMicro(p.rate_per_hour) : BigInt(p.unit_price);
}
