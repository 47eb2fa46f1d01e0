// Nodes of one dev chain on port 0, each with its own test database (SQLite, or a PostgreSQL
// schema when AITBC_TEST_DATABASE_URL is set), that a test can stop and restart.
import {
  createAitbcClient,
  fromBase64Url,
  signTx,
  type AitbcClient,
  type TxPayloads,
  type TxType,
} from "@aitbc/sdk";
import { createTestDatabase, type TestDatabase } from "@aitbc/server-lib";
import {
  createDevGenesis,
  startNode,
  type DevGenesis,
  type DevGenesisOptions,
  type RunningNode,
} from "../../src/index.js";
import type { P2pLimits } from "../../src/p2p/p2p-network.js";
import type { ClientFeedLimits } from "../../src/ws/client-feed.js";

export const ADMIN_KEY = "test-admin-key";

export interface Harness {
  dev: DevGenesis;
  nodes: Array<RunningNode | undefined>;
  /** Starts (or restarts) validator i on its own database; `peers` default: the running nodes. */
  start(
    i: number,
    options?: {
      peers?: string[];
      validator?: boolean;
      p2pLimits?: Partial<P2pLimits>;
      clientFeedLimits?: Partial<ClientFeedLimits>;
    },
  ): Promise<RunningNode>;
  stop(i: number): Promise<void>;
  client(i: number): AitbcClient;
  close(): Promise<void>;
}

export async function startHarness(
  kind: "sqlite" | "postgres",
  options: DevGenesisOptions & { run?: number } = {},
): Promise<Harness> {
  const dev = createDevGenesis({ blockTimeMs: 150, ...options });
  const count = options.run ?? dev.validators.length;
  const dbs: TestDatabase[] = [];
  const nodes: Array<RunningNode | undefined> = [];
  const harness: Harness = {
    dev,
    nodes,
    async start(i, opts = {}) {
      dbs[i] ??= createTestDatabase(kind);
      const db = dbs[i]!;
      const peers = opts.peers ?? nodes.filter((n, j) => n && j !== i).map((n) => n!.p2pUrl);
      const node = await startNode({
        host: "127.0.0.1",
        port: 0,
        dataDir: "/nonexistent",
        databaseUrl: db.url,
        ...(db.schema ? { databaseSchema: db.schema } : {}),
        genesis: dev.genesis,
        ...(opts.validator === false
          ? {}
          : { validatorSecretKey: fromBase64Url(dev.validators[i]!.secret_key) }),
        peers,
        adminApiKey: ADMIN_KEY,
        startupGraceMs: 500,
        ...(opts.p2pLimits ? { p2pLimits: opts.p2pLimits } : {}),
        ...(opts.clientFeedLimits ? { clientFeedLimits: opts.clientFeedLimits } : {}),
      });
      nodes[i] = node;
      return node;
    },
    async stop(i) {
      await nodes[i]?.close();
      nodes[i] = undefined;
    },
    client(i) {
      const node = nodes[i];
      if (!node) throw new Error(`node ${i} is not running`);
      return createAitbcClient({ nodeUrl: node.url, apiKey: ADMIN_KEY, http: { retries: 0 } });
    },
    async close() {
      await Promise.all(nodes.map((n) => n?.close()));
      await Promise.all(dbs.map((d) => d.destroy()));
    },
  };
  for (let i = 0; i < count; i++) await harness.start(i);
  return harness;
}

/** Signs a transaction with the sender's pending nonce on `client`'s node. */
export async function signNext<T extends TxType>(
  client: AitbcClient,
  secretKey: string,
  type: T,
  payload: TxPayloads[T],
  chainId: string,
  address: string,
) {
  const { pending_nonce } = await client.node.getAccount({ path: { address } });
  return signTx({ type, chainId, nonce: pending_nonce, payload }, fromBase64Url(secretKey));
}
