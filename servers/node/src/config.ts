// loadNodeConfig(env): every setting of the node, with defaults, failing fast on bad values.
import { join, resolve } from "node:path";
import { ConfigError, envInt, envOptional, envString, type EnvSource } from "@aitbc/server-lib";
import {
  DEFAULT_PORT_BASE,
  DEFAULT_PORTS,
  defaultPorts,
  fromBase64Url,
  type Genesis,
} from "@aitbc/sdk";
import { loadGenesisFile } from "./domain/genesis/load-genesis.js";
import type { IpRateLimitOptions } from "./http/ip-rate-limit.js";
import type { P2pLimits } from "./p2p/p2p-network.js";
import type { ClientFeedLimits } from "./ws/client-feed.js";

/** The first validator's port on the local stack. */
export const DEFAULT_NODE_PORT = DEFAULT_PORTS.nodes[0]!;

export interface NodeConfig {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  dataDir: string;
  /** `postgres://…` or a SQLite file path. */
  databaseUrl: string;
  /** PostgreSQL schema (lets several nodes or tests share one database). */
  databaseSchema?: string;
  genesis: Genesis;
  /** 32-byte ed25519 seed; without it the node follows the chain but does not propose. */
  validatorSecretKey?: Uint8Array;
  /** Outbound peers: ws://host:port/p2p URLs. */
  peers: string[];
  adminApiKey?: string;
  /** How often this validator proposes; defaults to the genesis block_time_ms. */
  blockTimeMs?: number;
  /** How long the faucet waits for inclusion (default 10 block times, at least 2 s). */
  faucetWaitMs?: number;
  /** How long a validator with peers waits for a first handshake before proposing alone. */
  startupGraceMs?: number;
  logLevel?: string;
  /** Per-client-IP HTTP rate limit; absent or false: none (embedded nodes in tests). */
  rateLimit?: IpRateLimitOptions | false;
  /** Most pending transactions of one sender in the mempool (default 128). */
  mempoolMaxPerSender?: number;
  /** What one P2P peer may cost before it is dropped (defaults in p2p-network.ts; not read from the environment). */
  p2pLimits?: Partial<P2pLimits>;
  /** When a client feed subscriber counts as too slow (defaults in client-feed.ts; not read from the environment). */
  clientFeedLimits?: Partial<ClientFeedLimits>;
}

function parsePeers(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      let url: URL;
      try {
        url = new URL(p);
      } catch {
        throw new ConfigError(`AITBC_PEERS: "${p}" is not a URL (expected ws://host:port/p2p).`);
      }
      if (url.protocol !== "ws:" && url.protocol !== "wss:")
        throw new ConfigError(`AITBC_PEERS: "${p}" must start with ws:// or wss://.`);
      if (url.pathname === "/") url.pathname = "/p2p";
      return url.toString();
    });
}

export function loadNodeConfig(env: EnvSource = process.env): NodeConfig {
  const base = envInt(env, "AITBC_PORT_BASE", DEFAULT_PORT_BASE, { min: 1, max: 65535 });
  const port = envInt(env, "AITBC_NODE_PORT", defaultPorts(base).nodes[0]!, {
    min: 0,
    max: 65535,
  });
  const dataDir = resolve(envString(env, "AITBC_DATA_DIR", "./.aitbc"));
  const genesisFile = envString(env, "AITBC_GENESIS_FILE", join(dataDir, "genesis.json"));
  const secret = envOptional(env, "AITBC_VALIDATOR_SECRET_KEY");
  let validatorSecretKey: Uint8Array | undefined;
  if (secret) {
    try {
      validatorSecretKey = fromBase64Url(secret);
    } catch {
      throw new ConfigError("AITBC_VALIDATOR_SECRET_KEY must be base64url.");
    }
    if (validatorSecretKey.length !== 32)
      throw new ConfigError(
        "AITBC_VALIDATOR_SECRET_KEY must be a 32-byte ed25519 seed (43 characters).",
      );
  }
  const blockTime = envOptional(env, "AITBC_BLOCK_TIME_MS");
  const adminApiKey = envOptional(env, "AITBC_ADMIN_API_KEY");
  const logLevel = envOptional(env, "AITBC_LOG_LEVEL");
  const perSecond = envInt(env, "AITBC_NODE_RATE_LIMIT", 200, { min: 0, max: 1_000_000 });
  const burst = envInt(env, "AITBC_NODE_RATE_LIMIT_BURST", Math.max(1, perSecond * 5), {
    min: 1,
    max: 10_000_000,
  });
  return {
    host: envString(env, "AITBC_HOST", "127.0.0.1"),
    port,
    dataDir,
    databaseUrl: envString(env, "AITBC_DATABASE_URL", join(dataDir, `node-${port}.sqlite`)),
    genesis: loadGenesisFile(genesisFile),
    peers: parsePeers(envOptional(env, "AITBC_PEERS")),
    ...(validatorSecretKey ? { validatorSecretKey } : {}),
    ...(adminApiKey ? { adminApiKey } : {}),
    ...(blockTime !== undefined
      ? { blockTimeMs: envInt(env, "AITBC_BLOCK_TIME_MS", 1000, { min: 10, max: 600_000 }) }
      : {}),
    ...(logLevel ? { logLevel } : {}),
    rateLimit: perSecond === 0 ? false : { perSecond, burst },
    mempoolMaxPerSender: envInt(env, "AITBC_MEMPOOL_MAX_PER_SENDER", 128, {
      min: 1,
      max: 1_000_000,
    }),
  };
}
