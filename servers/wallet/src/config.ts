// The wallet's configuration from the environment, with the stack's defaults. Fails fast (ConfigError)
// naming the variable.
import { join, resolve } from "node:path";
import {
  ConfigError,
  MAX_IDENTITY_CACHE_MS,
  envInt,
  envOptional,
  envString,
  isDevMode,
  isPostgres,
  type EnvSource,
} from "@aitbc/server-lib";
import { DEFAULT_PORT_BASE, defaultPorts, defaultUrls } from "@aitbc/sdk";

export interface WalletConfig {
  port: number;
  host: string;
  /** Where the SQLite file and the generated dev passphrase live. */
  dataDir: string;
  /** `postgres://…` or a SQLite file path. */
  databaseUrl: string;
  /** PostgreSQL schema of the wallet's tables (default `wallet`, so services can share one database). */
  databaseSchema?: string;
  nodeUrl: string;
  coordinatorUrl: string;
  /** The stack's admin key; without it no caller can create accounts. */
  adminApiKey?: string;
  /**
   * Unlocks the keystore. Required outside development mode; in development mode (AITBC_DEV=1) a
   * missing one is generated once into `<dataDir>/wallet-passphrase` (0600), with a warning.
   */
  passphrase?: string;
  /** AITBC_DEV=1: the dev stack. */
  dev?: boolean;
  /** Without it, the chain id is read from the node at startup. */
  chainId?: string;
  /** How long a transfer or escrow lock waits for a block. */
  confirmTimeoutMs: number;
  /** How long a key's `GET /v1/me` answer is reused. */
  identityCacheMs: number;
  /** Per-key rate limit (requests per second); 0 turns it off. */
  rateLimitPerSecond: number;
  /**
   * How often recorded transfers with no known outcome are settled (resubmitted or confirmed), and
   * how old a record must be to be taken. Default 5000.
   */
  reconcileIntervalMs?: number;
}

export function loadWalletConfig(env: EnvSource = process.env): WalletConfig {
  const portBase = envInt(env, "AITBC_PORT_BASE", DEFAULT_PORT_BASE, { min: 1, max: 65535 });
  const defaults = defaultUrls(portBase);
  const dataDir = resolve(envString(env, "AITBC_DATA_DIR", "./.aitbc"));
  const databaseUrl = envString(env, "AITBC_DATABASE_URL", join(dataDir, "wallet.sqlite"));
  const adminApiKey = envOptional(env, "AITBC_ADMIN_API_KEY");
  const passphrase = envOptional(env, "AITBC_WALLET_PASSPHRASE");
  const chainId = envOptional(env, "AITBC_CHAIN_ID");
  const dev = isDevMode(env);
  if (!passphrase && !dev)
    throw new ConfigError(
      "AITBC_WALLET_PASSPHRASE is required: it unlocks the custodial keys. For a development stack set AITBC_DEV=1 to use a generated one.",
    );
  const schema = envOptional(env, "AITBC_WALLET_DATABASE_SCHEMA");
  return {
    port: envInt(env, "AITBC_WALLET_PORT", defaultPorts(portBase).wallet, {
      min: 0,
      max: 65535,
    }),
    host: envString(env, "AITBC_HOST", "127.0.0.1"),
    dataDir,
    databaseUrl,
    ...(isPostgres(databaseUrl) ? { databaseSchema: schema ?? "wallet" } : {}),
    nodeUrl: envString(env, "AITBC_NODE_URL", defaults.nodes[0]!),
    coordinatorUrl: envString(env, "AITBC_COORDINATOR_URL", defaults.coordinator),
    ...(adminApiKey ? { adminApiKey } : {}),
    ...(passphrase ? { passphrase } : {}),
    dev,
    ...(chainId ? { chainId } : {}),
    confirmTimeoutMs: envInt(env, "AITBC_WALLET_CONFIRM_TIMEOUT_MS", 15_000, { min: 100 }),
    // At most MAX_IDENTITY_CACHE_MS, so a revoked key is refused within 1 s.
    identityCacheMs: envInt(env, "AITBC_WALLET_IDENTITY_CACHE_MS", MAX_IDENTITY_CACHE_MS, {
      min: 0,
      max: MAX_IDENTITY_CACHE_MS,
    }),
    rateLimitPerSecond: envInt(env, "AITBC_WALLET_RATE_LIMIT", 50, { min: 0 }),
    reconcileIntervalMs: envInt(env, "AITBC_WALLET_RECONCILE_MS", 5_000, {
      min: 50,
      max: 600_000,
    }),
  };
}
