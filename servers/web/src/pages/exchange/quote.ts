// What an order will ask for, computed exactly like the exchange does: satoshis =
// ceil(micro-AITBC × sats_per_aitbc / 1,000,000), all in bigint.
import { AmountError, toMicro } from "@aitbc/sdk";

export interface Quote {
  micro: bigint;
  sats: bigint;
}

export function quote(amountText: string, satsPerAitbc: number): Quote | string {
  const text = amountText.trim();
  if (!text) return "Enter how much AITBC you want.";
  let micro: bigint;
  try {
    micro = toMicro(text);
  } catch (err) {
    if (err instanceof AmountError) return "Enter an amount with at most 6 decimals.";
    throw err;
  }
  if (micro === 0n) return "The amount must be above zero.";
  const num = micro * BigInt(satsPerAitbc);
  return { micro, sats: (num + 999_999n) / 1_000_000n };
}
