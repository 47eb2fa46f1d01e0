// The dev chain's genesis (spec/common/schemas/Genesis.yaml), made from the stored dev secrets.
// It is written once and then only read, because its canonical hash is the chain's identity: a
// different genesis is a different chain, and the nodes' stored blocks would no longer fit.
import { existsSync } from "node:fs";
import type { Genesis } from "@aitbc/sdk";
import { readJsonFile, writeJsonFile } from "../files/json-file.js";
import type { DevSecrets } from "./dev-secrets.js";

export const DEV_BLOCK_TIME_MS = 1000;

export function devGenesis(secrets: DevSecrets, blockTimeMs = DEV_BLOCK_TIME_MS): Genesis {
  return {
    chain_id: secrets.chain_id,
    genesis_time: secrets.created_at,
    dev: true,
    block_time_ms: blockTimeMs,
    validators: secrets.validators.map((v, i) => ({
      name: `validator-${i}`,
      public_key: v.public_key,
    })),
    // Dev money comes from the faucet, so the ledger invariant is "genesis + faucet + mints".
    allocations: [],
    settlement_key: secrets.settlement.public_key,
    treasury_key: secrets.treasury.public_key,
  };
}

export function loadOrCreateGenesis(
  path: string,
  secrets: DevSecrets,
  blockTimeMs?: number,
): Genesis {
  if (existsSync(path)) {
    const genesis = readJsonFile<Genesis>(path)!;
    if (genesis.chain_id !== secrets.chain_id) {
      throw new Error(
        `${path} is for chain ${genesis.chain_id}, but the stored keys are for ${secrets.chain_id}. Run npm run reset.`,
      );
    }
    return genesis;
  }
  const genesis = devGenesis(secrets, blockTimeMs);
  writeJsonFile(path, genesis);
  return genesis;
}
