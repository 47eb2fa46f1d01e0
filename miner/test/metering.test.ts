// The metering rule shared with the coordinator: units with 3 decimals, cost floored and capped
// at the budget, and the longest run a budget pays for.
import { describe, expect, it } from "vitest";
import { maxDurationForBudget, meter, unitsFromMs } from "../src/index.js";

const RATE_100_PER_HOUR = 100_000_000n; // 100 AITBC/hour in micro-AITBC

describe("metering", () => {
  it("formats wall-clock milliseconds as seconds with exactly 3 decimals", () => {
    expect(unitsFromMs(0)).toBe("0.000");
    expect(unitsFromMs(7)).toBe("0.007");
    expect(unitsFromMs(1234)).toBe("1.234");
    expect(unitsFromMs(12_345_000)).toBe("12345.000");
    expect(() => unitsFromMs(1.5)).toThrow(RangeError);
    expect(() => unitsFromMs(-1)).toThrow(RangeError);
  });

  it("prorates the hourly price by the millisecond and floors to micro-AITBC", () => {
    // 12.345 s at 100 AITBC/h = 0.342916… AITBC → 342916 micro (the spec's example receipt).
    expect(meter(12_345, RATE_100_PER_HOUR, 5_000_000n)).toEqual({
      units: "12.345",
      cost: 342_916n,
    });
    expect(meter(1, 1n, 10n).cost).toBe(0n);
    expect(meter(3_600_000, RATE_100_PER_HOUR, 10n ** 12n).cost).toBe(RATE_100_PER_HOUR);
  });

  it("never charges more than the budget", () => {
    expect(meter(3_600_000, RATE_100_PER_HOUR, 1_000_000n).cost).toBe(1_000_000n);
  });

  it("finds the longest duration whose cost fits the budget exactly", () => {
    for (const [price, budget] of [
      [RATE_100_PER_HOUR, 10_000n],
      [7n, 3n],
      [3_600_000n, 0n],
      [999_999_999n, 123_456n],
    ] as const) {
      const d = maxDurationForBudget(price, budget)!;
      expect(meter(d, price, 10n ** 18n).cost).toBeLessThanOrEqual(budget);
      expect(meter(d + 1, price, 10n ** 18n).cost).toBeGreaterThan(budget);
    }
    expect(maxDurationForBudget(0n, 5n)).toBeUndefined();
  });
});
