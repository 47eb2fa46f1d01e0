// A service's or job's price as the commands print it: per hour, or per 1,000 tokens.
import {
  DEFAULT_MAX_TOKENS,
  formatAitbc,
  tokenCost,
  tokenCounterFor,
  tokenPriceLabel,
  type CoordinatorTypes,
  type PriceFields,
} from "@aitbc/sdk";

/** `"100 AITBC/hour"` or `"0.002 AITBC / 1k output tokens"`. */
export function priceText(p: PriceFields): string {
  return tokenPriceLabel(p) ?? `${p.rate_per_hour} AITBC/hour`;
}

/** A receipt's units and price: `"12.345 gpu_seconds at 100 AITBC/hour"` or `"7 tokens at …"`. */
export function receiptUnits(r: {
  units: string;
  unit_type: "gpu_seconds" | "tokens";
  unit_price: string;
  input_unit_price?: string;
}): string {
  const label = tokenPriceLabel(r);
  return label
    ? `${r.units} output tokens at ${label}`
    : `${r.units} ${r.unit_type} at ${formatAitbc(BigInt(r.unit_price))} AITBC/hour`;
}

/**
 * The most a token-priced job can cost, as the coordinator estimates it: its max_tokens of output
 * plus the prompt's tokens (counted where the SDK knows the model's tokenizer, else its bytes + 64).
 */
export function tokenCostEstimate(
  pricing: CoordinatorTypes.JobPricing,
  requirements: CoordinatorTypes.InferenceRequirements,
): string | undefined {
  if (pricing.unit_type !== "tokens") return undefined;
  const count = tokenCounterFor(requirements.model);
  const input = count
    ? count(requirements.prompt)
    : new TextEncoder().encode(requirements.prompt).length + 64;
  const output = requirements.max_tokens ?? DEFAULT_MAX_TOKENS;
  const prices = {
    outputPer1kMicro: BigInt(pricing.unit_price),
    ...(pricing.input_unit_price !== undefined
      ? { inputPer1kMicro: BigInt(pricing.input_unit_price) }
      : {}),
  };
  const inputPart = prices.inputPer1kMicro !== undefined ? ` + ${input} input tokens` : "";
  return `at most ${formatAitbc(tokenCost(prices, input, output))} AITBC (${output} output tokens${inputPart})`;
}
