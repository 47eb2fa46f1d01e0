// The verification fee: configured in basis points (5 % unless told otherwise, 0 turns it off,
// anything outside 0..10000 refused at start naming the variable) and taken from each payout in
// bigint arithmetic, rounded down, so that the provider is never charged more than the share.
import { describe, expect, it } from "vitest";
import { ConfigError } from "@aitbc/server-lib";
import { loadCoordinatorConfig } from "../src/index.js";
import { poolFee } from "../src/domain/settlement/pool-fee.js";

describe("verification fee", () => {
  const base = { AITBC_ADMIN_API_KEY: "admin-key-long-enough-0123", AITBC_DEV: "1" };

  it("is 500 basis points unless AITBC_VERIFICATION_FEE_BPS says otherwise", () => {
    expect(loadCoordinatorConfig(base).verificationFeeBps).toBe(500);
    expect(
      loadCoordinatorConfig({ ...base, AITBC_VERIFICATION_FEE_BPS: "0" }).verificationFeeBps,
    ).toBe(0);
    expect(
      loadCoordinatorConfig({ ...base, AITBC_VERIFICATION_FEE_BPS: "10000" }).verificationFeeBps,
    ).toBe(10_000);
    for (const bad of ["-1", "10001", "5%", "2.5"]) {
      const load = () => loadCoordinatorConfig({ ...base, AITBC_VERIFICATION_FEE_BPS: bad });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/AITBC_VERIFICATION_FEE_BPS/);
    }
  });

  it("takes paid * bps / 10000 of a payout, rounded down", () => {
    expect(poolFee(1_000_000n, 500)).toBe(50_000n);
    // 555 * 0.05 = 27.75: the provider keeps the fraction.
    expect(poolFee(555n, 500)).toBe(27n);
    expect(poolFee(19n, 500)).toBe(0n);
    expect(poolFee(1_000_000n, 10_000)).toBe(1_000_000n);
    expect(poolFee(1_000_000n, 0)).toBe(0n);
    expect(poolFee(0n, 500)).toBe(0n);
    // Far above what a float could hold exactly.
    expect(poolFee(9_007_199_254_740_993_123n, 1)).toBe(900_719_925_474_099n);
  });
});
