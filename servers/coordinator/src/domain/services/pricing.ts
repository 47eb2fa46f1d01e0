// A service's price: per GPU-hour, or per 1,000 output (and optionally input) tokens. Both are
// stored as micro-AITBC; `rateMicro` is the unit price of either kind, as receipts carry it.
import { fromMicro, type CoordinatorTypes } from "@aitbc/sdk";
import { ValidationFailed } from "@aitbc/server-lib";
import { parseAmount } from "../amounts.js";
import type { UnitType } from "./service-store.js";

export interface PriceTerms {
  unitType: UnitType;
  rateMicro: bigint;
  inputPriceMicro: bigint | null;
}

export function parsePricing(p: CoordinatorTypes.PricingInput, field: string): PriceTerms {
  if ((p.unit_type ?? "gpu_seconds") === "gpu_seconds") {
    const tokenField =
      p.price_per_1k_output_tokens !== undefined
        ? "price_per_1k_output_tokens"
        : p.price_per_1k_input_tokens !== undefined
          ? "price_per_1k_input_tokens"
          : undefined;
    if (tokenField)
      throw ValidationFailed.field(
        `${field}.${tokenField}`,
        "is a token price: give unit_type tokens (without rate_per_hour)",
      );
    if (p.rate_per_hour === undefined)
      throw ValidationFailed.field(
        `${field}.rate_per_hour`,
        "is required for a price per hour (or give unit_type tokens and price_per_1k_output_tokens)",
      );
    return {
      unitType: "gpu_seconds",
      rateMicro: parseAmount(p.rate_per_hour, `${field}.rate_per_hour`, { positive: true }),
      inputPriceMicro: null,
    };
  }
  if (p.rate_per_hour !== undefined)
    throw ValidationFailed.field(
      `${field}.rate_per_hour`,
      "must be absent when unit_type is tokens (the price is per 1,000 tokens)",
    );
  if (p.price_per_1k_output_tokens === undefined)
    throw ValidationFailed.field(
      `${field}.price_per_1k_output_tokens`,
      "is required when unit_type is tokens",
    );
  const input =
    p.price_per_1k_input_tokens === undefined
      ? null
      : parseAmount(p.price_per_1k_input_tokens, `${field}.price_per_1k_input_tokens`);
  return {
    unitType: "tokens",
    rateMicro: parseAmount(p.price_per_1k_output_tokens, `${field}.price_per_1k_output_tokens`, {
      positive: true,
    }),
    // A zero input price is free input: stored like an absent one.
    inputPriceMicro: input === null || input === 0n ? null : input,
  };
}

/** The price fields of both wire views (Pricing, JobPricing), by kind. */
export function renderPriceFields(t: PriceTerms) {
  if (t.unitType === "gpu_seconds")
    return {
      unit_type: "gpu_seconds" as const,
      unit_price: t.rateMicro.toString(),
      rate_per_hour: fromMicro(t.rateMicro),
    };
  return {
    unit_type: "tokens" as const,
    unit_price: t.rateMicro.toString(),
    price_per_1k_output_tokens: fromMicro(t.rateMicro),
    ...(t.inputPriceMicro !== null
      ? {
          price_per_1k_input_tokens: fromMicro(t.inputPriceMicro),
          input_unit_price: t.inputPriceMicro.toString(),
        }
      : {}),
  };
}
