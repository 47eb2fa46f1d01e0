import { describe, expect, it } from "vitest";
import { segwitV0Address } from "../src/domain/bitcoin/bech32.js";
import { depositAddress, p2wpkhAddress } from "../src/domain/bitcoin/deposit-addresses.js";

describe("deposit addresses (BIP 173 / P2WPKH)", () => {
  it("encodes the BIP 173 test vectors", () => {
    const program = Buffer.from("751e76e8199196d454941c45d1b3a323f1433bd6", "hex");
    expect(segwitV0Address("bc", program)).toBe("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
    expect(segwitV0Address("tb", program)).toBe("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx");
    const p2wsh = Buffer.from(
      "1863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262",
      "hex",
    );
    expect(segwitV0Address("tb", p2wsh)).toBe(
      "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
    );
  });

  it("derives the P2WPKH address of a key (secret key 1 is the generator point)", () => {
    const one = new Uint8Array(32);
    one[31] = 1;
    expect(p2wpkhAddress(one, "tb")).toBe("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx");
  });

  it("gives each order its own address, the same one every time from the same seed", () => {
    const seed = new Uint8Array(32).fill(7);
    const a = depositAddress(seed, "a".repeat(32));
    expect(depositAddress(seed, "a".repeat(32))).toBe(a);
    expect(depositAddress(seed, "b".repeat(32))).not.toBe(a);
    expect(depositAddress(new Uint8Array(32).fill(8), "a".repeat(32))).not.toBe(a);
  });
});
