// One chain on a test database with blocks the test builds and signs with the real validator keys.
import { fromBase64Url, signTx, type SignedTx } from "@aitbc/sdk";
import { createTestDatabase, migrate, type Knex, type TestDatabase } from "@aitbc/server-lib";
import { allocate, createDevGenesis, type DevGenesis } from "../../src/index.js";
import { Chain } from "../../src/domain/chain/chain.js";
import { chainEnv, type ChainEnv } from "../../src/domain/chain/chain-env.js";
import { buildBlock, type ExecutedBlock } from "../../src/domain/chain/execute-block.js";
import type { HeadInfo } from "../../src/domain/chain/head.js";
import type { StateReader } from "../../src/domain/ledger/state.js";
import { txHashFast } from "../../src/domain/ledger/tx-hash.js";
import { KnexChainStorage } from "../../src/data/knex-chain-storage.js";
import { migrations } from "../../src/data/migrations.js";

export const [alice, bob] = createDevGenesis({ validators: 2 }).validators;

export interface TestChain {
  dev: DevGenesis;
  env: ChainEnv;
  chain: Chain;
  knex: Knex;
  /** Opens the same database again (a restart). */
  reopen(): Promise<Chain>;
  /** The block of the next height after `parent` in `round`, by whoever the schedule names. */
  build(
    parent: HeadInfo,
    view: StateReader,
    round: number,
    txs?: Array<{ tx: SignedTx; hash: string }>,
    skewMs?: number,
  ): ExecutedBlock;
  transfer(nonce: number, amount: string): { tx: SignedTx; hash: string };
  close(): Promise<void>;
}

export async function openTestChain(
  kind: "sqlite" | "postgres",
  validators: number,
): Promise<TestChain> {
  const dev = createDevGenesis({
    validators,
    blockTimeMs: 100,
    roundTimeoutMs: 300,
    genesisTime: new Date(Date.now() - 3_600_000).toISOString(),
    allocations: [allocate(alice!.address, 100)],
  });
  const db: TestDatabase = createTestDatabase(kind);
  const handles: Knex[] = [];
  const open = async () => {
    const knex = await db.open();
    handles.push(knex);
    await migrate(knex, migrations);
    return knex;
  };
  const env = chainEnv(dev.genesis);
  const knex = await open();
  const chain = await Chain.open(env, new KnexChainStorage(knex, dev.genesis.chain_id));
  return {
    dev,
    env,
    chain,
    knex,
    async reopen() {
      const k = await open();
      return Chain.open(chainEnv(dev.genesis), new KnexChainStorage(k, dev.genesis.chain_id));
    },
    build(parent, view, round, txs = [], skewMs = 0) {
      const proposer = (parent.height + 1 + round) % validators;
      const key = { secretKey: fromBase64Url(dev.validators[proposer]!.secret_key) };
      const ts = parent.timestampMs + 100 + round * env.roundTimeoutMs + skewMs;
      return buildBlock(parent, view, txs, env, key, round, ts).executed;
    },
    transfer(nonce, amount) {
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
    },
    async close() {
      for (const k of handles.splice(0)) await k.destroy();
      await db.destroy();
    },
  };
}
