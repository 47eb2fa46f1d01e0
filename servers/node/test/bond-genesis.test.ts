// The bond unlock delay is a genesis rule: a chain without it gets the default, and a bad value
// stops the node at start naming the field.
import { describe, expect, it } from "vitest";
import { DEFAULT_BOND_UNLOCK_DELAY_BLOCKS } from "@aitbc/sdk";
import { createDevGenesis } from "../src/index.js";
import { parseGenesis } from "../src/domain/genesis/load-genesis.js";
import { rulesFromGenesis } from "../src/domain/ledger/ledger-rules.js";

describe("bond_unlock_delay_blocks in the genesis", () => {
  it("defaults when left out and is taken when given", () => {
    const plain = createDevGenesis({ validators: 1 }).genesis;
    expect(rulesFromGenesis(parseGenesis(plain)).bondUnlockDelay).toBe(
      DEFAULT_BOND_UNLOCK_DELAY_BLOCKS,
    );
    const short = createDevGenesis({ validators: 1, bondUnlockDelayBlocks: 7 }).genesis;
    expect(short.bond_unlock_delay_blocks).toBe(7);
    expect(rulesFromGenesis(parseGenesis(short)).bondUnlockDelay).toBe(7);
  });

  it("refuses a delay that is not a whole number of blocks from 1", () => {
    const g = createDevGenesis({ validators: 1 }).genesis;
    for (const bad of [0, -1, 1.5, "10", 2_000_000])
      expect(() => parseGenesis({ ...g, bond_unlock_delay_blocks: bad })).toThrow(
        /bond_unlock_delay_blocks/,
      );
  });
});
