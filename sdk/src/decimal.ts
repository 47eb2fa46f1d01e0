// Fixed-point decimals: an integer count of atomic units (micro-AITBC, satoshis) and how many
// fractional digits one whole unit has. Every conversion works on the decimal text, never with
// floating-point arithmetic, so an amount is either taken exactly or refused, never rounded.

export class AmountError extends RangeError {}

const MAX_FRACTIONAL_DIGITS = 100;

export class Decimal {
  private constructor(
    /** The amount in atomic units (for AITBC micro-AITBC, for BTC satoshis). */
    readonly atomics: bigint,
    readonly fractionalDigits: number,
  ) {}

  /**
   * Parses a plain non-negative decimal ("250", "1.5", " 7.25 "). Trailing zeros past
   * `fractionalDigits` are accepted; any other digit there is refused, as are signs and exponent
   * notation.
   */
  static fromUserInput(input: string, fractionalDigits: number): Decimal {
    checkDigits(fractionalDigits);
    const text = typeof input === "string" ? input.trim() : "";
    const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
    if (!match) throw new AmountError(`not a non-negative decimal amount: ${String(input)}`);
    const frac = (match[2] ?? "").replace(/0+$/, "");
    if (frac.length > fractionalDigits) {
      throw new AmountError(
        `at most ${fractionalDigits} decimal places are allowed: ${String(input)}`,
      );
    }
    const atomics =
      BigInt(match[1]!) * 10n ** BigInt(fractionalDigits) +
      BigInt(frac.padEnd(fractionalDigits, "0") || "0");
    return new Decimal(atomics, fractionalDigits);
  }

  /**
   * Takes a JSON number by its shortest decimal text (what `String(n)` prints, exponent notation
   * expanded on the digits), so 0.1 + 0.2 is refused rather than rounded to 0.3.
   */
  static fromNumber(value: number, fractionalDigits: number): Decimal {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
      throw new AmountError(`not a non-negative finite amount: ${String(value)}`);
    try {
      return Decimal.fromUserInput(plainDecimal(value), fractionalDigits);
    } catch (err) {
      // Name the number as the caller wrote it, not its expanded text.
      if (err instanceof AmountError)
        throw new AmountError(err.message.replace(/: [^:]*$/, `: ${String(value)}`));
      throw err;
    }
  }

  static fromAtomics(atomics: bigint, fractionalDigits: number): Decimal {
    checkDigits(fractionalDigits);
    if (typeof atomics !== "bigint") throw new AmountError(`not a bigint: ${String(atomics)}`);
    return new Decimal(atomics, fractionalDigits);
  }

  /** The plain decimal text without trailing zeros: 1500000n at 6 digits → "1.5". */
  toString(): string {
    const unit = 10n ** BigInt(this.fractionalDigits);
    const negative = this.atomics < 0n;
    const abs = negative ? -this.atomics : this.atomics;
    const frac = (abs % unit).toString().padStart(this.fractionalDigits, "0").replace(/0+$/, "");
    return (negative ? "-" : "") + (abs / unit).toString() + (frac ? "." + frac : "");
  }

  /**
   * The JSON number with this value. Goes through the decimal text and throws, rather than
   * return a neighbouring amount, when a double cannot carry it exactly.
   */
  toNumber(): number {
    const text = this.toString();
    const value = Number(text);
    const back = plainDecimal(Math.abs(value))
      .replace(/(\.\d*?)0+$/, "$1")
      .replace(/\.$/, "");
    if (back !== text.replace(/^-/, ""))
      throw new AmountError(`${text} cannot be represented exactly as a JSON number`);
    return value;
  }
}

function checkDigits(fractionalDigits: number): void {
  if (
    !Number.isInteger(fractionalDigits) ||
    fractionalDigits < 0 ||
    fractionalDigits > MAX_FRACTIONAL_DIGITS
  )
    throw new RangeError(
      `fractionalDigits: expected an integer from 0 to ${MAX_FRACTIONAL_DIGITS}, got ${fractionalDigits}`,
    );
}

/** A non-negative finite number's shortest decimal text, exponent notation expanded. */
function plainDecimal(n: number): string {
  const text = String(n);
  const exp = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exp) return text;
  const digits = exp[1]! + (exp[2] ?? "");
  const point = exp[1]!.length + Number(exp[3]);
  if (point <= 0) return "0." + "0".repeat(-point) + digits;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return digits.slice(0, point) + "." + digits.slice(point);
}
