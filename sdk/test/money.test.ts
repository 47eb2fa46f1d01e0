// Money is integer micro-AITBC: the wire's JSON numbers and decimal strings become bigints exactly,
// and back, without floating-point arithmetic.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AmountError,
  formatAitbc,
  fromMicro,
  MAX_MICRO,
  parseMicro,
  toMicro,
} from "../src/money.js";

describe("toMicro", () => {
  it.each([
    [100, 100_000_000n],
    [100.0, 100_000_000n],
    [2.5, 2_500_000n],
    [0, 0n],
    [0.000001, 1n],
    [0.1 + 0.2, undefined], // 0.30000000000000004 has 17 decimals: refused, never rounded
    ["250", 250_000_000n],
    ["1.500000000", 1_500_000n],
    [" 7.25 ", 7_250_000n],
    [1e21, undefined],
    [8_000_000_000, MAX_MICRO],
    ["8000000000.000001", undefined],
    [1e-7, undefined],
    [-1, undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    ["1e3", undefined],
    ["-5", undefined],
    ["", undefined],
    ["0x10", undefined],
  ])("%s → %s", (input, expected) => {
    if (expected === undefined) expect(() => toMicro(input)).toThrow(AmountError);
    else expect(toMicro(input)).toBe(expected);
  });

  it("names the amount and the rule in its errors", () => {
    expect(() => toMicro(1.0000001)).toThrow("at most 6 decimal places are allowed: 1.0000001");
    expect(() => toMicro(-1)).toThrow("not a non-negative finite amount: -1");
  });
});

describe("formatAitbc and fromMicro", () => {
  it.each([
    [100_000_000n, "100", 100],
    [1_500_000n, "1.5", 1.5],
    [1n, "0.000001", 0.000001],
    [0n, "0", 0],
    [-2_500_000n, "-2.5", -2.5],
    [342_916n, "0.342916", 0.342916],
  ])("%s micro → %s", (micro, text, number) => {
    expect(formatAitbc(micro)).toBe(text);
    expect(fromMicro(micro)).toBe(number);
  });

  it("round-trips every amount up to MAX_MICRO through the JSON number exactly", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_MICRO }), (micro) => {
        expect(toMicro(fromMicro(micro))).toBe(micro);
        expect(toMicro(JSON.parse(JSON.stringify({ a: fromMicro(micro) })).a)).toBe(micro);
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses, instead of rounding, an amount a double cannot carry exactly", () => {
    // Above 2^33 AITBC (beyond MAX_MICRO) neighbouring micro amounts share one double.
    expect(() => fromMicro(8_999_999_999_999_999n)).toThrow(AmountError);
    expect(fromMicro(MAX_MICRO)).toBe(8_000_000_000);
  });
});

describe("parseMicro", () => {
  it("accepts canonical integer strings up to MAX_MICRO", () => {
    expect(parseMicro("0")).toBe(0n);
    expect(parseMicro("100000000")).toBe(100_000_000n);
    expect(parseMicro(MAX_MICRO.toString())).toBe(MAX_MICRO);
  });

  it.each(["", "01", "-1", "1.5", "1e6", " 1", "8000000000000001", "99999999999999999999"])(
    "refuses %j",
    (text) => {
      expect(() => parseMicro(text)).toThrow(AmountError);
    },
  );

  it("refuses non-strings", () => {
    expect(() => parseMicro(100 as unknown as string)).toThrow(AmountError);
  });
});
