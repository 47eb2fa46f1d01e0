// Decimal is the one parser and formatter of fixed-point amounts (AITBC at 6 digits, BTC at 8):
// it takes an amount exactly or refuses it, and never rounds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AmountError, Decimal } from "../src/decimal.js";

describe("Decimal.fromUserInput", () => {
  it.each([
    ["0", 6, 0n],
    ["1.5", 6, 1_500_000n],
    ["0.00000001", 8, 1n],
    ["21000000", 8, 2_100_000_000_000_000n],
    ["1.500000000", 6, 1_500_000n],
    [" 7.25 ", 2, 725n],
    ["12", 0, 12n],
    ["12.000", 0, 12n],
  ])("%j at %i digits → %s", (input, digits, atomics) => {
    const d = Decimal.fromUserInput(input, digits);
    expect(d.atomics).toBe(atomics);
    expect(d.fractionalDigits).toBe(digits);
  });

  it("refuses more fractional digits than the unit has, naming the rule", () => {
    expect(() => Decimal.fromUserInput("1.0000001", 6)).toThrow(
      "at most 6 decimal places are allowed: 1.0000001",
    );
    expect(() => Decimal.fromUserInput("0.000000001", 8)).toThrow(AmountError);
    expect(() => Decimal.fromUserInput("0.5", 0)).toThrow(AmountError);
  });

  it.each([
    "1e3",
    "1E-3",
    "-5",
    "-0",
    "+5",
    "",
    " ",
    ".5",
    "5.",
    "0x10",
    "1,5",
    "1 000",
    "Infinity",
  ])("refuses %j (no signs, exponents or other notations)", (input) => {
    expect(() => Decimal.fromUserInput(input, 6)).toThrow(AmountError);
  });

  it("keeps huge values exact", () => {
    const digits = "123456789012345678901234567890";
    const d = Decimal.fromUserInput(`${digits}.000001`, 6);
    expect(d.atomics).toBe(BigInt(digits) * 1_000_000n + 1n);
    expect(d.toString()).toBe(`${digits}.000001`);
  });

  it("refuses a fractional digit count that is not a small whole number", () => {
    expect(() => Decimal.fromUserInput("1", -1)).toThrow(RangeError);
    expect(() => Decimal.fromUserInput("1", 1.5)).toThrow(RangeError);
  });
});

describe("Decimal.fromNumber", () => {
  it.each([
    [100, 6, 100_000_000n],
    [0.000001, 6, 1n],
    [1e-8, 8, 1n],
    [2.5e-7, 8, 25n],
    [1e21, 6, 10n ** 27n],
  ])("%s at %i digits → %s (exponent notation expanded on the digits)", (n, digits, atomics) => {
    expect(Decimal.fromNumber(n, digits).atomics).toBe(atomics);
  });

  it("refuses a number whose shortest text has too many decimals instead of rounding it", () => {
    expect(() => Decimal.fromNumber(0.1 + 0.2, 6)).toThrow(
      "at most 6 decimal places are allowed: 0.30000000000000004",
    );
    expect(() => Decimal.fromNumber(1e-7, 6)).toThrow("at most 6 decimal places are allowed: 1e-7");
  });

  it.each([-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses %s", (n) => {
    expect(() => Decimal.fromNumber(n, 8)).toThrow(`not a non-negative finite amount: ${n}`);
  });
});

describe("Decimal.fromAtomics and toString / toNumber", () => {
  it.each([
    [150_000_000n, 8, "1.5", 1.5],
    [1n, 8, "0.00000001", 0.00000001],
    [0n, 6, "0", 0],
    [-2_500_000n, 6, "-2.5", -2.5],
    [-1n, 6, "-0.000001", -0.000001],
    [42n, 0, "42", 42],
  ])("%s at %i digits → %s", (atomics, digits, text, number) => {
    const d = Decimal.fromAtomics(atomics, digits);
    expect(d.toString()).toBe(text);
    expect(d.toNumber()).toBe(number);
  });

  it("refuses a JSON number that would be a neighbouring amount", () => {
    expect(() => Decimal.fromAtomics(2n ** 60n + 1n, 6).toNumber()).toThrow(AmountError);
  });

  it("round-trips text and numbers exactly at any digit count", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.integer({ min: 0, max: 18 }),
        (a, digits) => {
          const text = Decimal.fromAtomics(a, digits).toString();
          expect(Decimal.fromUserInput(text, digits).atomics).toBe(a);
        },
      ),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 50n }), (sats) => {
        const n = Decimal.fromAtomics(sats, 8).toNumber();
        expect(Decimal.fromNumber(n, 8).atomics).toBe(sats);
      }),
      { numRuns: 1000 },
    );
  });
});
