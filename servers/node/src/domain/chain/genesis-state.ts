// The state before block 1: the genesis allocations (repeated addresses add up).
import { parseMicro, type Genesis } from "@aitbc/sdk";
import { LedgerState } from "../ledger/state.js";
import { stateRoot } from "../ledger/state-root.js";
import type { ChainEnv } from "./chain-env.js";
import type { HeadInfo } from "./head.js";

export function genesisLedger(genesis: Genesis): LedgerState {
  const state = new LedgerState();
  for (const a of genesis.allocations) {
    const prev = state.account(a.address);
    const balance = prev.balance + parseMicro(a.amount);
    if (balance > 0n) state.accounts.set(a.address, { balance, nonce: 0 });
  }
  return state;
}

export function genesisInfo(env: ChainEnv): HeadInfo {
  const ms = Date.parse(env.genesis.genesis_time);
  return {
    height: 0,
    hash: env.genesisHash,
    timestamp: new Date(ms).toISOString(),
    timestampMs: ms,
    weight: 0,
    stateRoot: stateRoot(genesisLedger(env.genesis)),
  };
}
