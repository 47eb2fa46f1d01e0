// The state root covers bonds and the verification pool: a block whose proposer claims a bond or
// a pool other than what its transactions lead to is refused, so is a block carrying a slash that
// overdraws a bond, and a reopened chain restores the bonds, slashed jobs and pool it committed.
import { afterAll, describe, expect, it } from "vitest";
import { bondLockTx, bondSlashTx, fromBase64Url, type BondSlashInput } from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { BlockRejected } from "../src/domain/chain/block-rejected.js";
import { bondKey, POOL_KEY } from "../src/domain/ledger/record-key.js";
import { StateOverlay, bondOf, poolAmount, slashOf } from "../src/domain/ledger/state.js";
import { stateRoot } from "../src/domain/ledger/state-root.js";
import { txHashFast } from "../src/domain/ledger/tx-hash.js";
import { alice, bob, openTestChain, type TestChain } from "./support/test-chain.js";

describe.each(testDatabaseKinds())("bonds in the state root (%s)", (kind) => {
  const opened: TestChain[] = [];
  afterAll(async () => {
    for (const t of opened) await t.close();
  });

  it("refuses blocks with a tampered bond or pool and restores both after a reopen", async () => {
    const t = await openTestChain(kind, 1);
    opened.push(t);
    const chainId = t.dev.genesis.chain_id;
    const lock = (nonce: number, amount: bigint) => {
      const tx = bondLockTx(
        { chainId, nonce, secretKey: fromBase64Url(alice!.secret_key) },
        amount,
      );
      return { tx, hash: txHashFast(tx) };
    };
    const slash = (nonce: number, input: Partial<BondSlashInput> & { jobId: string }) => {
      const tx = bondSlashTx(
        { chainId, nonce, secretKey: fromBase64Url(t.dev.settlement!.secret_key) },
        {
          provider: alice!.address,
          customer: bob!.address,
          refundMicro: 1_000_000n,
          penaltyMicro: 500_000n,
          reason: "dispute_upheld",
          ...input,
        },
      );
      return { tx, hash: txHashFast(tx) };
    };
    const rootBefore = stateRoot(t.chain.state);
    const b1 = t.build(t.chain.head, t.chain.state, 0, [
      lock(0, 5_000_000n),
      slash(0, { jobId: "j1" }),
    ]);
    expect(b1.info.stateRoot).not.toBe(rootBefore);
    expect(await t.chain.receive(b1.block)).toBe("added");
    expect(bondOf(t.chain.state, alice!.address)!.amount).toBe(3_500_000n);
    expect(poolAmount(t.chain.state)).toBe(500_000n);

    // The proposer signs a block computed on a state where alice's bond is larger.
    const bigBond = new StateOverlay(t.chain.state);
    const real = bondOf(t.chain.state, alice!.address)!;
    bigBond.setRecord(bondKey(alice!.address), { ...real, amount: real.amount + 1_000_000n });
    const bad = t.build(t.chain.head, bigBond, 0, [lock(1, 1_000_000n)]);
    const err = await t.chain.receive(bad.block).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlockRejected);
    expect((err as BlockRejected).reason).toBe("bad_state_root");

    // Or one where the verification pool holds more than the penalties paid into it.
    const bigPool = new StateOverlay(t.chain.state);
    bigPool.setRecord(POOL_KEY, { kind: "pool", amount: 9_000_000n });
    const badPool = t.build(t.chain.head, bigPool, 0, [lock(1, 1_000_000n)]);
    const poolErr = await t.chain.receive(badPool.block).catch((e: unknown) => e);
    expect((poolErr as BlockRejected).reason).toBe("bad_state_root");
    expect(poolAmount(t.chain.state)).toBe(500_000n);

    // A proposer that thinks the bond is larger includes an overdrawing slash: refused whole.
    const overdraw = t.build(t.chain.head, bigBond, 0, [
      slash(1, { jobId: "j2", refundMicro: 4_000_000n, penaltyMicro: 0n }),
    ]);
    expect(overdraw.block.transactions).toHaveLength(1);
    const refused = await t.chain.receive(overdraw.block).catch((e: unknown) => e);
    expect((refused as BlockRejected).reason).toBe("invalid_tx");
    expect(t.chain.state.account(bob!.address).balance).toBe(1_000_000n);
    expect(bondOf(t.chain.state, alice!.address)!.amount).toBe(3_500_000n);

    const b2 = t.build(t.chain.head, t.chain.state, 0, [lock(1, 1_000_000n)]);
    expect(await t.chain.receive(b2.block)).toBe("added");
    const reopened = await t.reopen();
    expect(bondOf(reopened.state, alice!.address)).toEqual({
      kind: "bond",
      provider: alice!.address,
      amount: 4_500_000n,
      status: "active",
      unlock_height: null,
    });
    expect(slashOf(reopened.state, "j1")).toMatchObject({ refund: 1_000_000n, penalty: 500_000n });
    expect(poolAmount(reopened.state)).toBe(500_000n);
    expect(stateRoot(reopened.state)).toBe(b2.info.stateRoot);
  });

  it("rolls a slash back in a reorg", async () => {
    const t = await openTestChain(kind, 3);
    opened.push(t);
    const chainId = t.dev.genesis.chain_id;
    const lock = bondLockTx(
      { chainId, nonce: 0, secretKey: fromBase64Url(alice!.secret_key) },
      50_000n,
    );
    const slash = bondSlashTx(
      { chainId, nonce: 0, secretKey: fromBase64Url(t.dev.settlement!.secret_key) },
      {
        provider: alice!.address,
        customer: bob!.address,
        refundMicro: 10_000n,
        penaltyMicro: 5_000n,
        reason: "spot_check_failed",
        jobId: "r1",
      },
    );
    const b1 = t.build(t.chain.head, t.chain.state, 0, [{ tx: lock, hash: txHashFast(lock) }]);
    expect(await t.chain.receive(b1.block)).toBe("added");
    const fallback = t.build(t.chain.head, t.chain.state, 1, [
      { tx: slash, hash: txHashFast(slash) },
    ]);
    const inTurn = t.build(t.chain.head, t.chain.state, 0);
    expect(await t.chain.receive(fallback.block)).toBe("added");
    expect(poolAmount(t.chain.state)).toBe(5_000n);
    expect(await t.chain.receive(inTurn.block)).toBe("added");
    expect(poolAmount(t.chain.state)).toBe(0n);
    expect(slashOf(t.chain.state, "r1")).toBeUndefined();
    expect(bondOf(t.chain.state, alice!.address)!.amount).toBe(50_000n);
    expect(stateRoot(t.chain.state)).toBe(inTurn.info.stateRoot);
    const reopened = await t.reopen();
    expect(poolAmount(reopened.state)).toBe(0n);
  });
});
