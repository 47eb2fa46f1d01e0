import { describe, expect, it } from "vitest";
import { bip21Uri, satsToBtc } from "../src/commands/bip21.js";

describe("BIP 21 payment requests", () => {
  it("writes whole satoshis as exact BTC decimals, without trailing zeros", () => {
    expect(satsToBtc(1)).toBe("0.00000001");
    expect(satsToBtc(150_000)).toBe("0.0015");
    expect(satsToBtc(100_000_000)).toBe("1");
    expect(satsToBtc(2_100_000_000_000_000n)).toBe("21000000");
    // 0.1 + 0.2 in floats is 0.30000000000000004; in satoshis it is exact.
    expect(satsToBtc(10_000_000 + 20_000_000)).toBe("0.3");
  });

  it("puts the address, the amount and an escaped label in the URI", () => {
    expect(bip21Uri("tb1qexample", 250_000, "AITBC order 4f0c")).toBe(
      "bitcoin:tb1qexample?amount=0.0025&label=AITBC%20order%204f0c",
    );
  });
});
