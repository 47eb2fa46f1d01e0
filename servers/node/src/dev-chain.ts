// An in-process dev chain for tests and tools: a fresh genesis, N validator nodes on free ports
// (each peered with the ones started before it), SQLite files in a temp dir unless told
// otherwise. Other packages' tests use it to run against a real chain.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createDevGenesis,
  type DevGenesis,
  type DevGenesisOptions,
} from "./domain/genesis/dev-genesis.js";
import { startNode, type RunningNode } from "./start.js";

export interface DevChainOptions extends DevGenesisOptions {
  /** How many validators to run as nodes (default: all of them). */
  run?: number;
  adminApiKey?: string;
  /** Database of node i; default a SQLite file in a temp dir. */
  database?: (index: number) => { url: string; schema?: string };
  port?: (index: number) => number;
  logLevel?: string;
}

export interface DevChain extends DevGenesis {
  nodes: RunningNode[];
  /** Closes every node and removes the temp dir. */
  close(): Promise<void>;
}

export async function startDevChain(options: DevChainOptions = {}): Promise<DevChain> {
  const dev = createDevGenesis({ blockTimeMs: 100, ...options });
  const dir = mkdtempSync(join(tmpdir(), "aitbc-dev-chain-"));
  const nodes: RunningNode[] = [];
  const count = options.run ?? dev.validators.length;
  try {
    for (let i = 0; i < count; i++) {
      const db = options.database?.(i) ?? { url: join(dir, `node-${i}.sqlite`) };
      nodes.push(
        await startNode({
          host: "127.0.0.1",
          port: options.port?.(i) ?? 0,
          dataDir: dir,
          databaseUrl: db.url,
          ...(db.schema ? { databaseSchema: db.schema } : {}),
          genesis: dev.genesis,
          validatorSecretKey: Buffer.from(dev.validators[i]!.secret_key, "base64url"),
          peers: nodes.map((n) => n.p2pUrl),
          ...(options.adminApiKey ? { adminApiKey: options.adminApiKey } : {}),
          ...(options.logLevel ? { logLevel: options.logLevel } : {}),
        }),
      );
    }
  } catch (err) {
    await Promise.all(nodes.map((n) => n.close()));
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    ...dev,
    nodes,
    async close() {
      await Promise.all(nodes.map((n) => n.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
