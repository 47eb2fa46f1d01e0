// The coordinator's configuration, from the environment with the local stack's defaults. Fails fast with
// a message naming the variable.
import { join } from "node:path";
import {
  ConfigError,
  envInt,
  envOptional,
  envString,
  isDevMode,
  isPostgres,
  SecretSealer,
  type EnvSource,
  type RateLimitOptions,
} from "@aitbc/server-lib";
import { AmountError, DEFAULT_PORT_BASE, defaultPorts, toMicro } from "@aitbc/sdk";

export interface CoordinatorConfig {
  port: number;
  host: string;
  dataDir: string;
  /** `postgres://…` or a SQLite file path. */
  databaseUrl: string;
  /** PostgreSQL schema (tests and shared databases); default the connection's search path. */
  databaseSchema?: string;
  /** The platform admin key (every tenant). */
  adminApiKey: string;
  walletUrl?: string;
  nodeUrl?: string;
  /** base64url ed25519 secret of the settlement key that signs escrow releases. */
  settlementSecretKey?: string;
  chainId: string;
  /** base64url ed25519 secret for receipt attestation; default a key generated once and stored sealed in the database. */
  receiptSecretKey?: string;
  /**
   * base64url of 32 bytes (AITBC_COORDINATOR_SEALING_KEY): seals the secrets the database keeps.
   * Required outside development mode; in development mode (AITBC_DEV=1) a key derived from the
   * admin key stands in, with a warning at startup.
   */
  sealingKey?: string;
  /** AITBC_DEV=1: the dev stack. */
  dev: boolean;
  leaseTtlS: number;
  heartbeatIntervalS: number;
  claimWaitMaxS: number;
  /** Leases a job may lose before it fails with `lease_expired`. */
  maxAttempts: number;
  /** How often expired leases and TTLs are swept. */
  sweepIntervalMs: number;
  /**
   * How often a waiting claim and a stream subscriber look at the database without a wake-up
   * signal (signals come in-process, or over LISTEN/NOTIFY between PostgreSQL replicas).
   */
  claimRecheckMs: number;
  streamRecheckMs: number;
  /**
   * How long completeJob/failJob wait for the escrow release to be confirmed before answering.
   * Default 0: a miner must not sit idle for a block time per job (measured: with 5 s, one miner
   * ran about one job per 5 s under load); the settlement worker confirms in the background and the
   * customer sees `settled` in GET /v1/jobs/{job_id}/results once the release is in a final block.
   */
  settleWaitMs: number;
  /**
   * Slack on top of the claim-to-completion time the coordinator observed itself, for the
   * `duration_ms` a miner may bill (clock granularity, the miner timing its own work).
   */
  meteringToleranceMs: number;
  /**
   * How long a settlement worker's claim on an outbox item lasts unless renewed: after a crash,
   * the item is picked up again within this time.
   */
  settlementClaimMs: number;
  /**
   * Settlement batches of deposit-funded jobs: one is formed once `settlementBatchMinItems`
   * reservations are owed, or once the oldest has waited `settlementBatchIntervalMs` (about one
   * block interval), with at most `settlementBatchMaxItems` (chain limit 512) items.
   */
  settlementBatchMinItems: number;
  settlementBatchMaxItems: number;
  settlementBatchIntervalMs: number;
  /**
   * Basis points of each payout (escrow release or batch item) that go to the chain's verification
   * pool instead of the provider; 500 = 5 %, so that on average the pool pays for a 5 % spot-check
   * rate. 0 turns the fee off.
   */
  verificationFeeBps: number;
  /** Open job-stream sockets one API key may hold; one more is closed with 4429. */
  streamSocketsPerKey: number;
  /** Bytes a stream socket may leave unread before it is dropped as a slow consumer. */
  streamMaxBufferedBytes: number;
  /** Token buckets per verified caller and per client IP; `false` turns them off. */
  rateLimit: RateLimitOptions | false;
  bodyLimit: string;
  /** Fraction of completed jobs re-run on another provider's miner (AITBC_SPOT_CHECK_RATE, 0–1). */
  spotCheckRate: number;
  /** Seconds after completion a customer may dispute a job (AITBC_DISPUTE_WINDOW_S). */
  disputeWindowS: number;
  /** micro-AITBC a rejected dispute costs its customer, recorded as owed (AITBC_DISPUTE_FEE). */
  disputeFeeMicro: bigint;
  /** Penalty of a slash into the verification pool, in basis points of the refund (at least 1 micro). */
  slashPenaltyBps: number;
  /**
   * The smallest active provider bond (micro-AITBC) a service needs to be registered, activated
   * and matched. AITBC_MIN_BOND is an AITBC amount (`10` or `2.5`, not micro); default 0: no
   * minimum. Above 0 it needs AITBC_NODE_URL, where bonds are read.
   */
  minBondMicro: bigint;
}

export function loadCoordinatorConfig(env: EnvSource = process.env): CoordinatorConfig {
  const base = envInt(env, "AITBC_PORT_BASE", DEFAULT_PORT_BASE, { min: 1, max: 65535 });
  const dataDir = envString(env, "AITBC_DATA_DIR", "./.aitbc");
  const adminApiKey = envString(env, "AITBC_ADMIN_API_KEY");
  if (adminApiKey.length < 16)
    throw new ConfigError("AITBC_ADMIN_API_KEY must be at least 16 characters long.");
  const databaseUrl = envString(env, "AITBC_DATABASE_URL", join(dataDir, "coordinator.sqlite"));
  const perSecond = envInt(env, "AITBC_RATE_LIMIT_PER_SECOND", 1000, { min: 0 });
  const burst = envInt(env, "AITBC_RATE_LIMIT_BURST", Math.max(1, perSecond * 2), { min: 1 });
  const perIpSecond = envInt(env, "AITBC_RATE_LIMIT_PER_IP_PER_SECOND", perSecond * 10, { min: 1 });
  const perIpBurst = envInt(env, "AITBC_RATE_LIMIT_PER_IP_BURST", Math.max(1, perIpSecond * 2), {
    min: 1,
  });
  const heartbeatIntervalS = envInt(env, "AITBC_HEARTBEAT_INTERVAL_S", 10, { min: 1, max: 3600 });
  const leaseTtlS = envInt(env, "AITBC_LEASE_TTL_S", 30, { min: 1, max: 3600 });
  const walletUrl = envOptional(env, "AITBC_WALLET_URL");
  const nodeUrl = envOptional(env, "AITBC_NODE_URL");
  const settlementSecretKey = envOptional(env, "AITBC_SETTLEMENT_SECRET_KEY");
  const databaseSchema = envOptional(env, "AITBC_DATABASE_SCHEMA");
  const receiptSecretKey = envOptional(env, "AITBC_RECEIPT_SECRET_KEY");
  const dev = isDevMode(env);
  const sealingKey = envOptional(env, "AITBC_COORDINATOR_SEALING_KEY");
  if (sealingKey) {
    try {
      SecretSealer.fromBase64Url(sealingKey);
    } catch {
      throw new ConfigError(
        "AITBC_COORDINATOR_SEALING_KEY must be base64url of 32 random bytes (for example `openssl rand -base64 32 | tr '+/' '-_' | tr -d =`).",
      );
    }
  } else if (!dev)
    throw new ConfigError(
      "AITBC_COORDINATOR_SEALING_KEY is required: it seals the secrets the coordinator stores (base64url of 32 random bytes). For a development stack set AITBC_DEV=1 instead.",
    );
  if (databaseSchema && !isPostgres(databaseUrl))
    throw new ConfigError("AITBC_DATABASE_SCHEMA needs a postgres:// AITBC_DATABASE_URL.");
  const minBondMicro = minBond(env);
  if (minBondMicro > 0n && !nodeUrl)
    throw new ConfigError("AITBC_MIN_BOND needs AITBC_NODE_URL: bonds are read from the node.");
  return {
    port: envInt(env, "AITBC_COORDINATOR_PORT", defaultPorts(base).coordinator, {
      min: 0,
      max: 65535,
    }),
    host: envString(env, "AITBC_HOST", "127.0.0.1"),
    dataDir,
    databaseUrl,
    ...(databaseSchema ? { databaseSchema } : {}),
    adminApiKey,
    ...(walletUrl ? { walletUrl } : {}),
    ...(nodeUrl ? { nodeUrl } : {}),
    ...(settlementSecretKey ? { settlementSecretKey } : {}),
    ...(receiptSecretKey ? { receiptSecretKey } : {}),
    ...(sealingKey ? { sealingKey } : {}),
    dev,
    chainId: envString(env, "AITBC_CHAIN_ID", "aitbc-dev"),
    leaseTtlS,
    heartbeatIntervalS,
    claimWaitMaxS: 30,
    maxAttempts: envInt(env, "AITBC_JOB_MAX_ATTEMPTS", 3, { min: 1, max: 100 }),
    sweepIntervalMs: envInt(env, "AITBC_SWEEP_INTERVAL_MS", 1000, { min: 10, max: 60_000 }),
    settleWaitMs: envInt(env, "AITBC_SETTLE_WAIT_MS", 0, { min: 0, max: 60_000 }),
    claimRecheckMs: envInt(env, "AITBC_CLAIM_RECHECK_MS", 1000, { min: 10, max: 600_000 }),
    streamRecheckMs: envInt(env, "AITBC_STREAM_RECHECK_MS", 5000, { min: 10, max: 600_000 }),
    meteringToleranceMs: envInt(env, "AITBC_METERING_TOLERANCE_MS", 1000, {
      min: 0,
      max: 600_000,
    }),
    settlementClaimMs: envInt(env, "AITBC_SETTLEMENT_CLAIM_MS", 15_000, {
      min: 1000,
      max: 600_000,
    }),
    settlementBatchMinItems: envInt(env, "AITBC_SETTLEMENT_BATCH_MIN_ITEMS", 64, {
      min: 1,
      max: 512,
    }),
    settlementBatchMaxItems: envInt(env, "AITBC_SETTLEMENT_BATCH_MAX_ITEMS", 512, {
      min: 1,
      max: 512,
    }),
    settlementBatchIntervalMs: envInt(env, "AITBC_SETTLEMENT_BATCH_INTERVAL_MS", 2000, {
      min: 10,
      max: 600_000,
    }),
    verificationFeeBps: envInt(env, "AITBC_VERIFICATION_FEE_BPS", 500, { min: 0, max: 10_000 }),
    streamSocketsPerKey: envInt(env, "AITBC_STREAM_SOCKETS_PER_KEY", 32, { min: 1, max: 10_000 }),
    streamMaxBufferedBytes: envInt(env, "AITBC_STREAM_MAX_BUFFERED_BYTES", 4 * 1024 * 1024, {
      min: 1024,
      max: 1024 * 1024 * 1024,
    }),
    rateLimit:
      perSecond === 0
        ? false
        : { perSecond, burst, perIp: { perSecond: perIpSecond, burst: perIpBurst } },
    bodyLimit: "1mb",
    spotCheckRate: envFraction(env, "AITBC_SPOT_CHECK_RATE", 0.05),
    disputeWindowS: envInt(env, "AITBC_DISPUTE_WINDOW_S", 86_400, { min: 1, max: 365 * 86_400 }),
    disputeFeeMicro: BigInt(envInt(env, "AITBC_DISPUTE_FEE", 10_000, { min: 0 })),
    slashPenaltyBps: envInt(env, "AITBC_SLASH_PENALTY_BPS", 5000, { min: 0, max: 100_000 }),
    minBondMicro,
  };
}

function minBond(env: EnvSource): bigint {
  const text = envOptional(env, "AITBC_MIN_BOND");
  if (text === undefined) return 0n;
  try {
    return toMicro(text);
  } catch (err) {
    if (err instanceof AmountError)
      throw new ConfigError(
        `AITBC_MIN_BOND must be an AITBC amount such as 10 or 2.5 (at most 6 decimals): ${err.message}`,
      );
    throw err;
  }
}

/** A number from 0 to 1 written as a decimal (`0.05`, `1`). */
function envFraction(env: EnvSource, name: string, fallback: number): number {
  const text = envOptional(env, name);
  if (text === undefined) return fallback;
  if (!/^(0(\.[0-9]+)?|1(\.0+)?|\.[0-9]+)$/.test(text.trim()))
    throw new ConfigError(
      `${name} must be a fraction from 0 to 1 (for example 0.05), not "${text}".`,
    );
  return Number(text.trim());
}
