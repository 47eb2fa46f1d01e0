// A validator that re-signs its own block at the same height (same slot, a different body) to
// undo a confirmed transfer: the node refuses the second block, keeps both signed headers as
// evidence, and the transfer stays on the chain, whether the block comes by gossip or by sync.
import { afterEach, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { BlockRejected } from "../src/domain/chain/block-rejected.js";
import type { ExecutedBlock } from "../src/domain/chain/execute-block.js";
import { bob, openTestChain, type TestChain } from "./support/test-chain.js";

describe.each(testDatabaseKinds())("equivocation (%s)", (kind) => {
  let t: TestChain | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  /** Height 2 paying bob, then the same proposer's re-signed height 2 without the payment. */
  async function paidThenResigned(): Promise<{
    paid: ExecutedBlock;
    resigned: ExecutedBlock;
    onTop: ExecutedBlock;
  }> {
    t = await openTestChain(kind, 3);
    const { chain } = t;
    await chain.receive(t.build(chain.head, chain.state, 0).block);
    const parent = chain.head;
    const view = chain.state;
    const paid = t.build(parent, view, 0, [t.transfer(0, "30000000")]);
    // The attacker picks a re-signed body whose hash wins the equal-weight tie-break (built on
    // the same parent state, so it is a valid block in every other respect).
    let resigned = t.build(parent, view, 0, [], 1);
    for (let skew = 2; resigned.block.hash >= paid.block.hash; skew++)
      resigned = t.build(parent, view, 0, [], skew);
    expect(resigned.block.header.proposer).toBe(paid.block.header.proposer);
    // The equivocator's own fallback block on top of it (the same validator, round 2).
    const onTop = t.build(resigned.info, resigned.overlay, 2);
    expect(onTop.block.header.proposer).toBe(paid.block.header.proposer);
    expect(await chain.receive(paid.block)).toBe("added");
    expect(chain.state.account(bob!.address).balance).toBe(30_000_000n);
    return { paid, resigned, onTop };
  }

  async function evidenceRows() {
    return (await t!.knex("equivocations").select()) as Array<Record<string, unknown>>;
  }

  it("refuses a re-signed block by gossip and keeps the evidence", async () => {
    const { paid, resigned } = await paidThenResigned();
    const err = await t!.chain.receive(resigned.block).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlockRejected);
    expect((err as BlockRejected).reason).toBe("equivocation");
    expect((err as BlockRejected).peerFault).toBe(false);
    expect(t!.chain.head.hash).toBe(paid.block.hash);
    expect(t!.chain.state.account(bob!.address).balance).toBe(30_000_000n);

    const rows = await evidenceRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      proposer: paid.block.header.proposer,
      height: 2,
      first_hash: paid.block.hash,
      second_hash: resigned.block.hash,
    });
    const second = JSON.parse(rows[0]!.second as string) as { signature: string };
    expect(second.signature).toBe(resigned.block.signature);

    // Sending it again changes nothing and records nothing new.
    await expect(t!.chain.receive(resigned.block)).rejects.toBeInstanceOf(BlockRejected);
    expect(await evidenceRows()).toHaveLength(1);
  });

  it("refuses the re-signed block by sync too, even with a block on top", async () => {
    const { paid, resigned, onTop } = await paidThenResigned();
    // Weight 3 + 1 > 3, but the branch rests on the re-signed block and only the equivocator
    // built on it.
    const err = await t!.chain.adopt(1, [resigned.block, onTop.block]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlockRejected);
    expect((err as BlockRejected).reason).toBe("equivocation");
    expect(t!.chain.head.hash).toBe(paid.block.hash);
    expect(t!.chain.state.account(bob!.address).balance).toBe(30_000_000n);
    expect(await evidenceRows()).toHaveLength(1);
  });
});
