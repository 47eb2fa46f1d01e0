// A service's or job's price as the marketplace shows it: an amount and what it is per.
import type { PriceFields } from "@aitbc/sdk";
import { aitbc } from "../common/format.js";

export interface PriceText {
  /** `"100 AITBC"` or `"0.002 AITBC"`. */
  amount: string;
  /** `" / GPU-hour"` or `" / 1k output tokens"`. */
  per: string;
  /** `"+ 0.001 AITBC / 1k input tokens"` when a token price charges input. */
  input?: string;
}

export function priceText(p: PriceFields): PriceText {
  if (p.unit_type !== "tokens") return { amount: aitbc(p.rate_per_hour), per: " / GPU-hour" };
  return {
    amount: aitbc(p.unit_price),
    per: " / 1k output tokens",
    ...(p.input_unit_price !== undefined
      ? { input: `+ ${aitbc(p.input_unit_price)} / 1k input tokens` }
      : {}),
  };
}

/** The whole price on one line. */
export function priceLine(p: PriceFields): string {
  const t = priceText(p);
  return `${t.amount}${t.per}${t.input ? ` ${t.input}` : ""}`;
}
