// What every example needs: the running stack's URLs (.aitbc/stack.json), the dev keys
// (.aitbc/dev-credentials.json) and SDK clients for them. The files are found the way the CLI finds
// them: AITBC_DATA_DIR, else the nearest .aitbc/ in this directory or a parent.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createAitbcClient, type AitbcClient } from "@aitbc/sdk";

export interface StackUrls {
  coordinator: string;
  nodes: string[];
  wallet: string;
  exchange: string | null;
  /** The exchange's fake Bitcoin testnet on a dev stack (where "sending BTC" is POST /_fake/pay). */
  fake_bitcoin?: string | null;
}

export interface DevCredentials {
  admin: { api_key: string };
  provider: { id: string; api_key: string; address: string; service_id: string };
  customer: { id: string; api_key: string; address: string };
}

export interface StackContext {
  urls: StackUrls;
  credentials: DevCredentials;
  /** A client with the admin key (dev faucet, account creation, admin views). */
  admin: AitbcClient;
  /** A client for any key, for example a customer's or a provider's. */
  as(apiKey: string): AitbcClient;
  /** A client that talks to one particular node (propagation checks). */
  nodeClient(nodeUrl: string): AitbcClient;
  /** Micro-AITBC allocated in the genesis file (0 for the dev chain, which is funded by the faucet). */
  genesisSupply: bigint;
}

/** The genesis allocations are not served by the API; the stack's genesis file has them. */
function genesisSupplyIn(dataDir: string | undefined): bigint {
  const file = dataDir && join(dataDir, "genesis.json");
  if (!file || !existsSync(file)) return 0n;
  const genesis = JSON.parse(readFileSync(file, "utf8")) as {
    allocations?: Array<{ amount: string }>;
  };
  return (genesis.allocations ?? []).reduce((sum, a) => sum + BigInt(a.amount), 0n);
}

export function contextFrom(
  urls: StackUrls,
  credentials: DevCredentials,
  dataDir?: string,
): StackContext {
  const make = (apiKey: string | undefined, nodeUrl = urls.nodes[0]) =>
    createAitbcClient({
      coordinatorUrl: urls.coordinator,
      nodeUrl,
      walletUrl: urls.wallet,
      exchangeUrl: urls.exchange ?? undefined,
      apiKey,
    });
  return {
    urls,
    credentials,
    admin: make(credentials.admin.api_key),
    as: (apiKey) => make(apiKey),
    nodeClient: (nodeUrl) => make(undefined, nodeUrl),
    genesisSupply: genesisSupplyIn(dataDir),
  };
}

export function findDataDir(cwd = process.cwd()): string {
  if (process.env.AITBC_DATA_DIR) return resolve(process.env.AITBC_DATA_DIR);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".aitbc", "stack.json"))) return join(dir, ".aitbc");
    if (dirname(dir) === dir) break;
  }
  throw new Error(
    "No running stack found (.aitbc/stack.json). Start one with npm start in the AITBC project.",
  );
}

export function loadStackContext(dataDir = findDataDir()): StackContext {
  const read = <T>(file: string): T => JSON.parse(readFileSync(join(dataDir, file), "utf8")) as T;
  return contextFrom(
    read<StackUrls>("stack.json"),
    read<DevCredentials>("dev-credentials.json"),
    dataDir,
  );
}
