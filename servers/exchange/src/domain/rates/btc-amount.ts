// BTC amounts on the wire are JSON numbers with at most 8 decimals; in code they are satoshis
// (bigint). Parsed from the number's decimal text, never with floating-point arithmetic.
export const BTC_DECIMALS = 8;

export class BtcAmountError extends RangeError {}

export function satsFromBtc(amount: number): bigint {
  const text = plainDecimal(amount);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new BtcAmountError(`not a non-negative decimal amount: ${amount}`);
  const frac = (match[2] ?? "").replace(/0+$/, "");
  if (frac.length > BTC_DECIMALS)
    throw new BtcAmountError(`at most ${BTC_DECIMALS} decimal places are allowed: ${amount}`);
  return BigInt(match[1]!) * 10n ** BigInt(BTC_DECIMALS) + BigInt(frac.padEnd(BTC_DECIMALS, "0"));
}

/** Satoshis as the BTC JSON number (exact: it goes through the decimal text). */
export function btcFromSats(sats: bigint): number {
  const whole = sats / 10n ** BigInt(BTC_DECIMALS);
  const frac = (sats % 10n ** BigInt(BTC_DECIMALS))
    .toString()
    .padStart(BTC_DECIMALS, "0")
    .replace(/0+$/, "");
  return Number(whole.toString() + (frac ? "." + frac : ""));
}

function plainDecimal(n: number): string {
  if (!Number.isFinite(n) || n < 0)
    throw new BtcAmountError(`not a non-negative finite amount: ${n}`);
  const text = String(n);
  const exp = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exp) return text;
  const digits = exp[1]! + (exp[2] ?? "");
  const point = exp[1]!.length + Number(exp[3]);
  if (point <= 0) return "0." + "0".repeat(-point) + digits;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return digits.slice(0, point) + "." + digits.slice(point);
}
