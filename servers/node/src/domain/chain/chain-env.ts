// Everything block execution needs to know about the chain, derived once from the genesis file.
import { genesisHash, roundTimeoutMs, type Genesis } from "@aitbc/sdk";
import { rulesFromGenesis, type LedgerRules } from "../ledger/ledger-rules.js";
import { VerifiedCache } from "../ledger/verified-cache.js";

export interface ChainEnv {
  genesis: Genesis;
  genesisHash: string;
  rules: LedgerRules;
  /** Validator public keys in proposer order. */
  validators: readonly string[];
  roundTimeoutMs: number;
  /** How far ahead of our clock a block's timestamp may be. */
  maxDriftMs: number;
  /** Most transactions a proposer puts in one block. */
  maxBlockTxs: number;
  verified: VerifiedCache;
  now(): number;
}

export function chainEnv(genesis: Genesis, overrides: Partial<ChainEnv> = {}): ChainEnv {
  return {
    genesis,
    genesisHash: genesisHash(genesis),
    rules: rulesFromGenesis(genesis),
    validators: genesis.validators.map((v) => v.public_key),
    roundTimeoutMs: roundTimeoutMs(genesis),
    maxDriftMs: 1000,
    maxBlockTxs: 5000,
    verified: new VerifiedCache(),
    now: () => Date.now(),
    ...overrides,
  };
}
