// Block time must not grow with the state: the state root was rebuilt over every account and
// escrow on every block, so a chain with a large state (or one fed a million dust escrows) got
// slower with every job it ever ran. Released escrows also stayed in the state in full forever.
import { describe, expect, it } from "vitest";
import { fromBase64Url, signTx, type Genesis, type SignedTx } from "@aitbc/sdk";
import { createDevGenesis } from "../src/index.js";
import { chainEnv } from "../src/domain/chain/chain-env.js";
import { buildBlock, type ExecutedBlock } from "../src/domain/chain/execute-block.js";
import { genesisInfo, genesisLedger } from "../src/domain/chain/genesis-state.js";
import type { HeadInfo } from "../src/domain/chain/head.js";
import { commitOverlay, type LedgerState } from "../src/domain/ledger/state.js";
import { recomputeStateRoot, stateRoot } from "../src/domain/ledger/state-root.js";
import { txHashFast } from "../src/domain/ledger/tx-hash.js";

const dev = createDevGenesis({ validators: 1, blockTimeMs: 100 });
const [alice, bob] = createDevGenesis({ validators: 2 }).validators;
const validator = { secretKey: fromBase64Url(dev.validators[0]!.secret_key) };

function chainWith(extraAccounts: number) {
  const genesis: Genesis = {
    ...dev.genesis,
    genesis_time: new Date(0).toISOString(),
    allocations: [
      { address: alice!.address, amount: "1000000000" },
      ...Array.from({ length: extraAccounts }, (_, i) => ({
        address: "aitbc" + i.toString(16).padStart(40, "0"),
        amount: "1",
      })),
    ],
  };
  const env = chainEnv(genesis, { now: () => Date.now() + 3_600_000 });
  const state = genesisLedger(genesis);
  let head: HeadInfo = genesisInfo(env);
  let nonce = 0;
  return {
    env,
    state,
    apply(txs: SignedTx[]): ExecutedBlock {
      const built = buildBlock(
        head,
        state,
        txs.map((tx) => ({ tx, hash: txHashFast(tx) })),
        env,
        validator,
        0,
        head.timestampMs + 1000,
      );
      expect(built.dropped).toEqual([]);
      commitOverlay(state, built.executed.overlay);
      head = built.executed.info;
      return built.executed;
    },
    sign(type: SignedTx["type"], payload: SignedTx["payload"], key = alice!.secret_key) {
      const n = key === alice!.secret_key ? nonce++ : 0;
      return signTx(
        { type, chainId: genesis.chain_id, nonce: n, payload } as never,
        fromBase64Url(key),
      );
    },
  };
}

function minBlockMs(chain: ReturnType<typeof chainWith>, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const tx = chain.sign("transfer", { to: bob!.address, amount: "1" });
    const t = performance.now();
    chain.apply([tx]);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe("state scaling", () => {
  it("applies a one-transaction block about as fast on 20,000 accounts as on 10", () => {
    const small = chainWith(10);
    const large = chainWith(20_000);
    // The first root of a state loaded from disk is computed once, at start; not per block.
    stateRoot(small.state);
    stateRoot(large.state);
    const smallMs = minBlockMs(small, 9);
    const largeMs = minBlockMs(large, 9);
    expect(largeMs / smallMs).toBeLessThan(5);
  });

  it("keeps the incremental root equal to the root computed from scratch", () => {
    const chain = chainWith(50);
    const settlement = dev.settlement!.secret_key;
    chain.apply([chain.sign("escrow_lock", { job_id: "job-a", amount: "50000" })]);
    chain.apply([
      chain.sign("escrow_lock", { job_id: "job-b", amount: "20000" }),
      chain.sign("transfer", { to: bob!.address, amount: "7" }),
    ]);
    const executed = chain.apply([
      chain.sign(
        "escrow_release",
        { job_id: "job-a", paid: "30000", refund: "20000", provider: bob!.address },
        settlement,
      ),
    ]);
    expect(executed.info.stateRoot).toBe(recomputeStateRoot(chain.state as LedgerState));
    expect(stateRoot(chain.state)).toBe(recomputeStateRoot(chain.state as LedgerState));
  });

  it("keeps only a tombstone of a released escrow in the state", () => {
    const chain = chainWith(0);
    chain.apply([chain.sign("escrow_lock", { job_id: "job-c", amount: "10000" })]);
    const released = chain.apply([
      chain.sign(
        "escrow_release",
        { job_id: "job-c", paid: "0", refund: "10000" },
        dev.settlement!.secret_key,
      ),
    ]);
    expect(chain.state.escrow("job-c")).toEqual({
      job_id: "job-c",
      status: "refunded",
      release_height: released.info.height,
    });
  });
});
