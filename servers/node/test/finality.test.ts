// Finality on real validator sets: a block is final once more than 2/3 of the validators
// proposed it or a block on top of it (3 of 3, 3 of 4), one validator down stops finality with 3
// validators but not with 4, the finalized height survives a restart, and no branch may replace a
// final block however heavy it is.
import { afterEach, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { BlockRejected } from "../src/domain/chain/block-rejected.js";
import type { ExecutedBlock } from "../src/domain/chain/execute-block.js";
import { genesisLedger } from "../src/domain/chain/genesis-state.js";
import { bob, openTestChain, type TestChain } from "./support/test-chain.js";

describe.each(testDatabaseKinds())("finality (%s)", (kind) => {
  let t: TestChain | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  /** Extends the head with `rounds.length` blocks, block i in round rounds[i]. */
  async function extend(rounds: number[]): Promise<void> {
    for (const r of rounds) {
      const { chain } = t!;
      expect(await chain.receive(t!.build(chain.head, chain.state, r).block)).toBe("added");
    }
  }

  it("with 4 validators a block is final once 3 distinct proposers are on it", async () => {
    t = await openTestChain(kind, 4);
    expect(t.chain.finalized).toEqual({ height: 0, hash: t.chain.genesis.hash });
    await extend([0, 0]);
    expect(t.chain.finalized.height).toBe(0);
    await extend([0]);
    // Blocks 1, 2, 3 by three validators: block 1 has three proposers on it.
    expect(t.chain.finalized).toEqual({ height: 1, hash: await t.chain.hashAt(1) });
    await extend([0, 0, 0]);
    expect(t.chain.finalized.height).toBe(4);
  });

  it("with 4 validators one down does not stop finality", async () => {
    t = await openTestChain(kind, 4);
    // Validator 0 is down: its in-turn heights (4, 8, …) go to round 1.
    for (let i = 0; i < 8; i++) await extend([(t.chain.head.height + 1) % 4 === 0 ? 1 : 0]);
    expect(t.chain.head.height).toBe(8);
    expect(t.chain.finalized.height).toBe(6);
  });

  it("with 3 validators one down stops finality, and its return resumes it", async () => {
    t = await openTestChain(kind, 3);
    await extend([0, 0, 0]);
    expect(t.chain.finalized.height).toBe(1);
    // Validator 1 is down (heights 4, 7, 10 …): the others cover its slots in round 1.
    for (let i = 0; i < 9; i++) await extend([(t.chain.head.height + 1) % 3 === 1 ? 1 : 0]);
    expect(t.chain.finalized.height).toBe(1);
    await extend([0, 0, 0]);
    expect(t.chain.finalized.height).toBe(t.chain.head.height - 2);
  });

  it("refuses a heavier branch that would replace a final block, and stays after a restart", async () => {
    t = await openTestChain(kind, 3);
    const paid: ExecutedBlock = t.build(t.chain.head, t.chain.state, 2, [
      t.transfer(0, "30000000"),
    ]);
    expect(await t.chain.receive(paid.block)).toBe("added");
    await extend([2, 2]);
    // Fallback blocks by three validators: block 1 (the payment) is final, though light.
    expect(t.chain.finalized.height).toBe(1);
    const before = t.chain.head;

    // A heavier in-turn branch from genesis without the payment.
    const b1 = t.build(t.chain.genesis, genesisLedger(t.dev.genesis), 0);
    const b2 = t.build(b1.info, b1.overlay, 0);
    const b3 = t.build(b2.info, b2.overlay, 0);
    const b4 = t.build(b3.info, b3.overlay, 0);
    expect(b4.info.weight).toBeGreaterThan(before.weight);
    const err = await t.chain
      .adopt(0, [b1.block, b2.block, b3.block, b4.block])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlockRejected);
    expect((err as BlockRejected).reason).toBe("finalized_conflict");
    expect(t.chain.head).toEqual(before);
    expect(t.chain.state.account(bob!.address).balance).toBe(30_000_000n);

    const reopened = await t.reopen();
    expect(reopened.finalized).toEqual(t.chain.finalized);
  });
});
