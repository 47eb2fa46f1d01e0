// `aitbc-node init`: writes a dev genesis and its keys to a directory. The keys file holds
// secrets (validator, settlement and treasury keys), so it is created readable by its owner only.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  createDevGenesis,
  type DevGenesis,
  type DevGenesisOptions,
} from "../domain/genesis/dev-genesis.js";

export interface DevChainFiles extends DevGenesis {
  genesisFile: string;
  keysFile: string;
}

export function writeDevChain(outDir: string, options: DevGenesisOptions = {}): DevChainFiles {
  const dev = createDevGenesis(options);
  mkdirSync(outDir, { recursive: true });
  const genesisFile = join(outDir, "genesis.json");
  const keysFile = join(outDir, "chain-keys.json");
  writeFileSync(genesisFile, JSON.stringify(dev.genesis, null, 2) + "\n");
  const keys = {
    validators: dev.validators,
    ...(dev.settlement ? { settlement: dev.settlement } : {}),
    ...(dev.treasury ? { treasury: dev.treasury } : {}),
  };
  writeFileSync(keysFile, JSON.stringify(keys, null, 2) + "\n", { mode: 0o600 });
  return { ...dev, genesisFile, keysFile };
}
