// Money is integer micro-AITBC (bigint) in code. These helpers are the only place where wire
// amounts (JSON numbers such as 100.0, or decimal strings) become bigints and back, and they
// work on the decimal text, never with floating-point arithmetic.

export const MICRO_PER_AITBC = 1_000_000n;
export const AITBC_DECIMALS = 6;
/**
 * Largest amount accepted anywhere: 8e9 AITBC. Below 2^33 AITBC every micro amount survives the trip
 * through a JSON number (fromMicro), and micro values stay below 2^53, so SQLite returns them exactly.
 */
export const MAX_MICRO = 8_000_000_000n * MICRO_PER_AITBC;

export class AmountError extends RangeError {}

/** Parses an AITBC amount (JSON number or decimal string) into micro-AITBC, exactly. */
export function toMicro(amount: number | string): bigint {
  const text = typeof amount === "number" ? numberToPlainDecimal(amount) : amount.trim();
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new AmountError(`not a non-negative decimal amount: ${String(amount)}`);
  const whole = match[1]!;
  const frac = (match[2] ?? "").replace(/0+$/, "");
  if (frac.length > AITBC_DECIMALS) {
    throw new AmountError(
      `at most ${AITBC_DECIMALS} decimal places are allowed: ${String(amount)}`,
    );
  }
  const micro = BigInt(whole) * MICRO_PER_AITBC + BigInt(frac.padEnd(AITBC_DECIMALS, "0") || "0");
  if (micro > MAX_MICRO) throw new AmountError(`amount too large: ${String(amount)}`);
  return micro;
}

/** Formats micro-AITBC as a plain decimal string, for example 100000000n → "100", 1500000n → "1.5". */
export function formatAitbc(micro: bigint): string {
  const negative = micro < 0n;
  const abs = negative ? -micro : micro;
  const whole = abs / MICRO_PER_AITBC;
  const frac = (abs % MICRO_PER_AITBC).toString().padStart(AITBC_DECIMALS, "0").replace(/0+$/, "");
  return (negative ? "-" : "") + whole.toString() + (frac ? "." + frac : "");
}

/**
 * Converts micro-AITBC to the JSON number the wire shows (`"balance": 100.0`). It goes through the
 * decimal string, so it is exact for every amount below 2^33 AITBC (8,589,934,592); above that a
 * double cannot tell neighbouring micro amounts apart, and rather than return a different amount
 * this throws (use the exact `*_micro` string fields for such amounts).
 */
export function fromMicro(micro: bigint): number {
  const text = formatAitbc(micro);
  const value = Number(text);
  const back = numberToPlainDecimal(Math.abs(value))
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
  if (back !== text.replace(/^-/, "")) {
    throw new AmountError(`${text} AITBC cannot be represented exactly as a JSON number`);
  }
  return value;
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

function numberToPlainDecimal(n: number): string {
  if (!Number.isFinite(n) || n < 0) throw new AmountError(`not a non-negative finite amount: ${n}`);
  const text = String(n);
  const exp = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exp) return text;
  // Expand exponent notation on the digits, not with arithmetic.
  const digits = exp[1]! + (exp[2] ?? "");
  const point = exp[1]!.length + Number(exp[3]);
  if (point <= 0) return "0." + "0".repeat(-point) + digits;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return digits.slice(0, point) + "." + digits.slice(point);
}
