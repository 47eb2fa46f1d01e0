// Money is integer micro-AITBC (bigint) in code. These helpers are the only place where wire
// amounts (JSON numbers such as 100.0, or decimal strings) become bigints and back, and they
// work on the decimal text, never with floating-point arithmetic (see decimal.ts).
import { AmountError, Decimal } from "./decimal.js";

export const MICRO_PER_AITBC = 1_000_000n;
export const AITBC_DECIMALS = 6;
/**
 * Largest amount accepted anywhere: 8e9 AITBC. Below 2^33 AITBC every micro amount survives the trip
 * through a JSON number (fromMicro), and micro values stay below 2^53, so SQLite returns them exactly.
 */
export const MAX_MICRO = 8_000_000_000n * MICRO_PER_AITBC;

export { AmountError };

/** Parses an AITBC amount (JSON number or decimal string) into micro-AITBC, exactly. */
export function toMicro(amount: number | string): bigint {
  const micro = (
    typeof amount === "number"
      ? Decimal.fromNumber(amount, AITBC_DECIMALS)
      : Decimal.fromUserInput(amount, AITBC_DECIMALS)
  ).atomics;
  if (micro > MAX_MICRO) throw new AmountError(`amount too large: ${String(amount)}`);
  return micro;
}

/** Formats micro-AITBC as a plain decimal string, for example 100000000n → "100", 1500000n → "1.5". */
export function formatAitbc(micro: bigint): string {
  return Decimal.fromAtomics(micro, AITBC_DECIMALS).toString();
}

/**
 * Converts micro-AITBC to the JSON number the wire shows (`"balance": 100.0`). It goes through the
 * decimal string, so it is exact for every amount below 2^33 AITBC (8,589,934,592); above that a
 * double cannot tell neighbouring micro amounts apart, and rather than return a different amount
 * this throws (use the exact `*_micro` string fields for such amounts).
 */
export function fromMicro(micro: bigint): number {
  const amount = Decimal.fromAtomics(micro, AITBC_DECIMALS);
  try {
    return amount.toNumber();
  } catch (err) {
    if (err instanceof AmountError)
      throw new AmountError(
        `${amount.toString()} AITBC cannot be represented exactly as a JSON number`,
      );
    throw err;
  }
}

/** Parses a MicroAmount wire string ("100000000") into a bigint. */
export function parseMicro(text: string): bigint {
  if (typeof text !== "string" || !/^(0|[1-9]\d{0,18})$/.test(text)) {
    throw new AmountError(`not a micro-AITBC integer string: ${String(text)}`);
  }
  const v = BigInt(text);
  if (v > MAX_MICRO) throw new AmountError(`amount too large: ${text}`);
  return v;
}
