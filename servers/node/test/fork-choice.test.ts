// Fork choice and reorgs on one chain, with blocks built by the test: the heavier branch wins
// (in-turn blocks weigh most), honest ties go to the lower hash whatever the arrival order, a reorg
// restores the abandoned blocks' state and their transactions return to the mempool, an invalid
// heavier branch changes nothing, and all of it survives a restart.
import { afterEach, describe, expect, it } from "vitest";
import { fromBase64Url, signBlock, signTx, type SignedTx } from "@aitbc/sdk";
import {
  createTestDatabase,
  migrate,
  testDatabaseKinds,
  type TestDatabase,
} from "@aitbc/server-lib";
import { allocate, createDevGenesis } from "../src/index.js";
import { Chain, type ChainChange } from "../src/domain/chain/chain.js";
import { chainEnv, type ChainEnv } from "../src/domain/chain/chain-env.js";
import { buildBlock, type ExecutedBlock } from "../src/domain/chain/execute-block.js";
import { genesisLedger } from "../src/domain/chain/genesis-state.js";
import type { HeadInfo } from "../src/domain/chain/head.js";
import { BlockRejected } from "../src/domain/chain/block-rejected.js";
import type { StateReader } from "../src/domain/ledger/state.js";
import { stateRoot } from "../src/domain/ledger/state-root.js";
import { txHashFast } from "../src/domain/ledger/tx-hash.js";
import { KnexChainStorage } from "../src/data/knex-chain-storage.js";
import { migrations } from "../src/data/migrations.js";

const [alice, bob] = createDevGenesis({ validators: 2 }).validators;

describe.each(testDatabaseKinds())("fork choice (%s)", (kind) => {
  const open: Array<{ destroy(): Promise<void> }> = [];
  let db: TestDatabase;
  afterEach(async () => {
    for (const o of open.splice(0)) await o.destroy();
    await db?.destroy();
  });

  const dev = createDevGenesis({
    validators: 3,
    blockTimeMs: 100,
    roundTimeoutMs: 300,
    genesisTime: new Date(Date.now() - 3_600_000).toISOString(),
    allocations: [allocate(alice!.address, 100)],
  });
  const key = (i: number) => ({ secretKey: fromBase64Url(dev.validators[i]!.secret_key) });

  async function openChain(): Promise<{ chain: Chain; env: ChainEnv }> {
    db ??= createTestDatabase(kind);
    const knex = await db.open();
    open.push(knex);
    await migrate(knex, migrations);
    const env = chainEnv(dev.genesis);
    return { chain: await Chain.open(env, new KnexChainStorage(knex, dev.genesis.chain_id)), env };
  }

  function transfer(nonce: number, amount: string): { tx: SignedTx; hash: string } {
    const tx = signTx(
      {
        type: "transfer",
        chainId: dev.genesis.chain_id,
        nonce,
        payload: { to: bob!.address, amount },
      },
      fromBase64Url(alice!.secret_key),
    );
    return { tx, hash: txHashFast(tx) };
  }

  /** Builds the block of `height` in `round` (its proposer is fixed by the round). */
  function build(
    env: ChainEnv,
    parent: HeadInfo,
    view: StateReader,
    round: number,
    txs: Array<{ tx: SignedTx; hash: string }> = [],
    skewMs = 0,
  ): ExecutedBlock {
    const proposer = (parent.height + 1 + round) % 3;
    const ts = parent.timestampMs + 100 + round * env.roundTimeoutMs + skewMs;
    return buildBlock(parent, view, txs, env, key(proposer), round, ts).executed;
  }

  it("a late in-turn block outweighs the fallback block and reorgs it away", async () => {
    const { chain, env } = await openChain();
    const changes: ChainChange[] = [];
    chain.onChange((c) => changes.push(c));
    const b1 = build(env, chain.head, chain.state, 0);
    expect(await chain.receive(b1.block)).toBe("added");

    const spend = transfer(0, "30000000");
    const fallback = build(env, chain.head, chain.state, 1, [spend]);
    const inTurn = build(env, chain.head, chain.state, 0);
    expect(await chain.receive(fallback.block)).toBe("added");
    expect(chain.state.account(bob!.address).balance).toBe(30_000_000n);

    expect(await chain.receive(inTurn.block)).toBe("added");
    expect(chain.head.hash).toBe(inTurn.block.hash);
    expect(chain.head.weight).toBe(3 + 3);
    expect(chain.state.account(bob!.address).balance).toBe(0n);
    expect(chain.state.account(alice!.address)).toEqual({ balance: 100_000_000n, nonce: 0 });
    expect(stateRoot(chain.state)).toBe(inTurn.info.stateRoot);
    const reorg = changes[changes.length - 1]!;
    expect(reorg.reorg).toBe(true);
    expect(reorg.orphaned.map((o) => o.hash)).toEqual([spend.hash]);

    // Once a block sits on top of the fallback branch it would weigh 2 + 3 > 3: still lighter
    // than in-turn + anything, so an old sibling cannot undo a longer chain.
    expect(await chain.receive(fallback.block)).toBe("lighter");
  });

  it("an equal-weight tie goes to the lower hash, whatever arrives first", async () => {
    const first = await openChain();
    const { env } = first;
    const genesisView = genesisLedger(dev.genesis);
    // Two honest branches of equal weight (3 + 2 and 2 + 3) with different proposers at each
    // height: rounds 0 then 1, and rounds 1 then 0.
    const x1 = build(env, first.chain.genesis, genesisView, 0);
    const x2 = build(env, x1.info, x1.overlay, 1);
    const y1 = build(env, first.chain.genesis, genesisView, 1);
    const y2 = build(env, y1.info, y1.overlay, 0);
    expect(x2.info.weight).toBe(y2.info.weight);
    const [winner, loser] =
      x2.block.hash < y2.block.hash
        ? [
            [x1, x2],
            [y1, y2],
          ]
        : [
            [y1, y2],
            [x1, x2],
          ];
    expect(
      await first.chain.adopt(
        0,
        loser!.map((e) => e.block),
      ),
    ).toBe("added");
    expect(
      await first.chain.adopt(
        0,
        winner!.map((e) => e.block),
      ),
    ).toBe("added");
    expect(first.chain.head.hash).toBe(winner![1]!.block.hash);
    expect(
      await first.chain.adopt(
        0,
        loser!.map((e) => e.block),
      ),
    ).toBe("lighter");
    expect(first.chain.head.hash).toBe(winner![1]!.block.hash);
  });

  it("a heavier branch with a wrong state root changes nothing", async () => {
    const { chain, env } = await openChain();
    const b1 = build(env, chain.head, chain.state, 1);
    await chain.receive(b1.block);
    const before = { head: chain.head, root: stateRoot(chain.state) };
    const genesisView = genesisLedger(dev.genesis);
    const honest = build(env, chain.genesis, genesisView, 0, [transfer(0, "1")]);
    const { proposer: _p, ...header } = honest.block.header;
    const tampered = signBlock(
      { ...header, state_root: "0x" + "ab".repeat(32) },
      honest.block.transactions,
      key(1).secretKey,
    );
    const err = await chain.receive(tampered).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlockRejected);
    expect((err as BlockRejected).reason).toBe("bad_state_root");
    expect(chain.head).toEqual(before.head);
    expect(stateRoot(chain.state)).toBe(before.root);
  });

  it("a multi-block reorg persists: a reopened chain has the same head and state", async () => {
    const { chain, env } = await openChain();
    // Our branch: two fallback blocks carrying a payment.
    const a1 = build(env, chain.head, chain.state, 2, [transfer(0, "5000000")]);
    const a2 = build(env, a1.info, a1.overlay, 2);
    await chain.adopt(0, [a1.block, a2.block]);
    expect(chain.head.weight).toBe(2);
    // Their branch: two in-turn blocks with a different payment.
    const genesisView = genesisLedger(dev.genesis);
    const b1 = build(env, chain.genesis, genesisView, 0, [transfer(0, "7000000")]);
    const b2 = build(env, b1.info, b1.overlay, 0, [transfer(1, "1000000")]);
    expect(await chain.adopt(0, [b1.block, b2.block])).toBe("added");
    expect(chain.head.hash).toBe(b2.block.hash);
    expect(chain.state.account(bob!.address).balance).toBe(8_000_000n);
    expect(chain.state.account(alice!.address).nonce).toBe(2);
    expect(await chain.hashAt(1)).toBe(b1.block.hash);

    const reopened = await openChain();
    expect(reopened.chain.head).toEqual(chain.head);
    expect(stateRoot(reopened.chain.state)).toBe(chain.head.stateRoot);
    expect((await reopened.chain.blocks(1, 5)).map((b) => b.hash)).toEqual([
      b1.block.hash,
      b2.block.hash,
    ]);
  });
});
