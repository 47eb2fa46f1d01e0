// The state root covers deposits: a block whose proposer claims a deposit other than what its
// transactions lead to is refused, so is a block carrying a batch that overdraws a deposit, and a
// reopened chain restores the deposits it committed.
import { afterAll, describe, expect, it } from "vitest";
import { depositLockTx, fromBase64Url, merkleRoot, settlementBatchTx } from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { BlockRejected } from "../src/domain/chain/block-rejected.js";
import { depositKey } from "../src/domain/ledger/record-key.js";
import type { DepositState } from "../src/domain/ledger/records.js";
import { StateOverlay, depositOf } from "../src/domain/ledger/state.js";
import { stateRoot } from "../src/domain/ledger/state-root.js";
import { txHashFast } from "../src/domain/ledger/tx-hash.js";
import { alice, bob, openTestChain, type TestChain } from "./support/test-chain.js";

describe.each(testDatabaseKinds())("deposits in the state root (%s)", (kind) => {
  const opened: TestChain[] = [];
  afterAll(async () => {
    for (const t of opened) await t.close();
  });

  it("refuses a block with a tampered deposit and restores deposits after a reopen", async () => {
    const t = await openTestChain(kind, 1);
    opened.push(t);
    const lock = (nonce: number, amount: bigint) => {
      const tx = depositLockTx(
        { chainId: t.dev.genesis.chain_id, nonce, secretKey: fromBase64Url(alice!.secret_key) },
        amount,
      );
      return { tx, hash: txHashFast(tx) };
    };
    const rootBefore = stateRoot(t.chain.state);
    const b1 = t.build(t.chain.head, t.chain.state, 0, [lock(0, 5_000_000n)]);
    expect(b1.info.stateRoot).not.toBe(rootBefore);
    expect(await t.chain.receive(b1.block)).toBe("added");

    // The proposer signs a block computed on a state where alice's deposit is larger.
    const forged = new StateOverlay(t.chain.state);
    const real = depositOf(t.chain.state, alice!.address)!;
    forged.setRecord(depositKey(alice!.address), { ...real, amount: real.amount + 1_000_000n });
    const bad = t.build(t.chain.head, forged, 0, [lock(1, 1_000_000n)]);
    const err = await t.chain.receive(bad.block).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlockRejected);
    expect((err as BlockRejected).reason).toBe("bad_state_root");
    expect(depositOf(t.chain.state, alice!.address)!.amount).toBe(5_000_000n);

    // A proposer that thinks the deposit is larger includes an overdrawing batch: refused whole.
    const batch = settlementBatchTx(
      {
        chainId: t.dev.genesis.chain_id,
        nonce: 0,
        secretKey: fromBase64Url(t.dev.settlement!.secret_key),
      },
      {
        batchId: "over",
        receiptsRoot: merkleRoot(["0x" + "11".repeat(32)]),
        items: [
          {
            depositOwner: alice!.address,
            provider: bob!.address,
            paidMicro: 5_500_000n,
            jobId: "j",
          },
        ],
      },
    );
    const overdraw = t.build(t.chain.head, forged, 0, [{ tx: batch, hash: txHashFast(batch) }]);
    expect(overdraw.block.transactions).toHaveLength(1);
    const refused = await t.chain.receive(overdraw.block).catch((e: unknown) => e);
    expect((refused as BlockRejected).reason).toBe("invalid_tx");
    expect(t.chain.state.account(bob!.address).balance).toBe(0n);

    const b2 = t.build(t.chain.head, t.chain.state, 0, [lock(1, 1_000_000n)]);
    expect(await t.chain.receive(b2.block)).toBe("added");
    const reopened = await t.reopen();
    const d: DepositState | undefined = depositOf(reopened.state, alice!.address);
    expect(d).toEqual({
      kind: "deposit",
      owner: alice!.address,
      amount: 6_000_000n,
      status: "active",
      unlock_height: null,
    });
    expect(stateRoot(reopened.state)).toBe(b2.info.stateRoot);
  });

  it("rolls a deposit back in a reorg", async () => {
    const t = await openTestChain(kind, 3);
    opened.push(t);
    const key = fromBase64Url(alice!.secret_key);
    const lock = depositLockTx(
      { chainId: t.dev.genesis.chain_id, nonce: 0, secretKey: key },
      10_000n,
    );
    const b1 = t.build(t.chain.head, t.chain.state, 0);
    expect(await t.chain.receive(b1.block)).toBe("added");
    const fallback = t.build(t.chain.head, t.chain.state, 1, [
      { tx: lock, hash: txHashFast(lock) },
    ]);
    const inTurn = t.build(t.chain.head, t.chain.state, 0);
    expect(await t.chain.receive(fallback.block)).toBe("added");
    expect(depositOf(t.chain.state, alice!.address)?.amount).toBe(10_000n);
    expect(await t.chain.receive(inTurn.block)).toBe("added");
    expect(depositOf(t.chain.state, alice!.address)).toBeUndefined();
    expect(stateRoot(t.chain.state)).toBe(inTurn.info.stateRoot);
    const reopened = await t.reopen();
    expect(depositOf(reopened.state, alice!.address)).toBeUndefined();
  });
});
