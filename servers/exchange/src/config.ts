// The exchange's configuration from the environment, with the stack's defaults. Fails fast
// (ConfigError) naming the variable.
import { join, resolve } from "node:path";
import {
  ConfigError,
  MAX_IDENTITY_CACHE_MS,
  envInt,
  envOptional,
  envString,
  isPostgres,
  type EnvSource,
} from "@aitbc/server-lib";
import { DEFAULT_PORT_BASE, defaultPorts, defaultUrls } from "@aitbc/sdk";

export interface ExchangeConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  /** PostgreSQL schema (default `exchange`). */
  databaseSchema?: string;
  nodeUrl: string;
  coordinatorUrl: string;
  adminApiKey?: string;
  /** base64url 32-byte ed25519 secret of the genesis `treasury_key`: the only key that may mint. */
  treasurySecretKey: string;
  /** Esplora REST API base URL (for example https://blockstream.info/testnet/api, or the fake). */
  bitcoinApiUrl: string;
  /**
   * Dev stacks without Bitcoin testnet: run the in-repo fake Esplora server in this process on
   * this port (0: any free port) and use it instead of `bitcoinApiUrl`.
   */
  fakeBitcoinPort?: number;
  /** Static files of the Trade Exchange page, served at `/` (AITBC_EXCHANGE_PAGES_DIR). */
  pagesDir?: string;
  /** 64 hex chars; without it one is generated into `<dataDir>/exchange-deposit-seed` (0600). */
  depositSeedHex?: string;
  chainId?: string;
  requiredConfirmations: number;
  orderTtlS: number;
  watchIntervalMs: number;
  identityCacheMs: number;
  rateLimitPerSecond: number;
}

/** Blockstream's public Esplora for Bitcoin testnet. */
export const DEFAULT_BITCOIN_API_URL = "https://blockstream.info/testnet/api";

export function loadExchangeConfig(env: EnvSource = process.env): ExchangeConfig {
  const portBase = envInt(env, "AITBC_PORT_BASE", DEFAULT_PORT_BASE, { min: 1, max: 65535 });
  const defaults = defaultUrls(portBase);
  const dataDir = resolve(envString(env, "AITBC_DATA_DIR", "./.aitbc"));
  const databaseUrl = envString(env, "AITBC_DATABASE_URL", join(dataDir, "exchange.sqlite"));
  const treasurySecretKey = envString(env, "AITBC_TREASURY_SECRET_KEY");
  if (!/^[A-Za-z0-9_-]{43}$/.test(treasurySecretKey))
    throw new ConfigError(
      "AITBC_TREASURY_SECRET_KEY must be a base64url 32-byte ed25519 secret key.",
    );
  const fakePort = envOptional(env, "AITBC_FAKE_BITCOIN_PORT");
  const optional = {
    fakeBitcoinPort:
      fakePort === undefined
        ? undefined
        : envInt(env, "AITBC_FAKE_BITCOIN_PORT", 0, { min: 0, max: 65535 }),
    adminApiKey: envOptional(env, "AITBC_ADMIN_API_KEY"),
    depositSeedHex: envOptional(env, "AITBC_EXCHANGE_DEPOSIT_SEED"),
    chainId: envOptional(env, "AITBC_CHAIN_ID"),
    pagesDir: envOptional(env, "AITBC_EXCHANGE_PAGES_DIR"),
    databaseSchema: isPostgres(databaseUrl)
      ? (envOptional(env, "AITBC_EXCHANGE_DATABASE_SCHEMA") ?? "exchange")
      : undefined,
  };
  return {
    port: envInt(env, "AITBC_EXCHANGE_PORT", defaultPorts(portBase).exchange, {
      min: 0,
      max: 65535,
    }),
    host: envString(env, "AITBC_HOST", "127.0.0.1"),
    dataDir,
    databaseUrl,
    nodeUrl: envString(env, "AITBC_NODE_URL", defaults.nodes[0]!),
    coordinatorUrl: envString(env, "AITBC_COORDINATOR_URL", defaults.coordinator),
    treasurySecretKey,
    bitcoinApiUrl: envString(env, "AITBC_BITCOIN_API_URL", DEFAULT_BITCOIN_API_URL),
    requiredConfirmations: envInt(env, "AITBC_EXCHANGE_CONFIRMATIONS", 1, { min: 0, max: 100 }),
    orderTtlS: envInt(env, "AITBC_EXCHANGE_ORDER_TTL_S", 3600, { min: 1 }),
    watchIntervalMs: envInt(env, "AITBC_EXCHANGE_WATCH_INTERVAL_MS", 5000, { min: 10 }),
    // At most MAX_IDENTITY_CACHE_MS, so a revoked key is refused within 1 s.
    identityCacheMs: envInt(env, "AITBC_EXCHANGE_IDENTITY_CACHE_MS", MAX_IDENTITY_CACHE_MS, {
      min: 0,
      max: MAX_IDENTITY_CACHE_MS,
    }),
    rateLimitPerSecond: envInt(env, "AITBC_EXCHANGE_RATE_LIMIT", 50, { min: 0 }),
    ...(Object.fromEntries(
      Object.entries(optional).filter(([, v]) => v !== undefined),
    ) as Partial<ExchangeConfig>),
  };
}
