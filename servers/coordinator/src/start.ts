// startCoordinator: opens the database, migrates, wires everything, listens, and returns a handle
// whose close() drains in-flight requests, ends long-polls and streams, and stops the workers.
import {
  createLogger,
  InclusionWatcher,
  isPostgres,
  listen,
  migrate,
  nodeChainClient,
  openDatabase,
  SecretSealer,
  type Logger,
  type NodeChainClient,
} from "@aitbc/server-lib";
import type { CoordinatorConfig } from "./config.js";
import { migrations } from "./data/migrations.js";
import { createContext, type CoordinatorContext } from "./context.js";
import { authenticatorFor, buildApp } from "./app.js";
import { attachJobStream } from "./http/job-stream-socket.js";
import { LocalSignalBus } from "./domain/events/signal-bus.js";
import { bridgeSignalsOverPostgres, type SignalBridge } from "./data/pg-signal-bridge.js";
import type { SettlementPort } from "./domain/settlement/settlement-port.js";
import { ChainSettlement } from "./domain/settlement/chain-settlement.js";
import { UnconfiguredSettlement } from "./domain/settlement/unconfigured-settlement.js";
import type { BatchChainPort } from "./domain/settlement/batch-chain-port.js";
import { ChainBatchPort } from "./domain/settlement/chain-batch-port.js";
import { NodeDepositReader } from "./domain/settlement/node-deposit-reader.js";
import type { DepositReader } from "./domain/deposits/deposit-reader.js";
import { settlementKey, type SettlementKey } from "./domain/settlement/settlement-key.js";
import { ChainVerifierPayouts } from "./domain/settlement/chain-verifier-payouts.js";
import type { VerifierPayouts } from "./domain/verification/verifier-payouts.js";
import type { BondReader } from "./domain/bonds/bond-reader.js";
import { NodeBondReader } from "./domain/bonds/node-bond-reader.js";
import {
  LocalKeyAddressProvider,
  type AddressProvider,
} from "./domain/accounts/address-provider.js";
import { WalletAddressProvider } from "./domain/accounts/wallet-address-provider.js";
import type { SlashChainPort } from "./domain/verification/slash-chain-port.js";
import { ChainSlashPort } from "./domain/verification/chain-slash-port.js";

export interface RunningCoordinator {
  url: string;
  port: number;
  /** The wired parts, for tests and the stack (read-only use). */
  context: CoordinatorContext;
  /** Open job-stream sockets and the job feeds serving them. */
  streamStats(): { sockets: number; feeds: number };
  close(): Promise<void>;
}

/** Replaceable parts: test suites pass doubles of the outside world here. */
export interface CoordinatorOverrides {
  settlement?: SettlementPort;
  /** Where settlement batches go (default: the node and settlement key of the config, if set). */
  batchChain?: BatchChainPort;
  /** Where customers' prepaid deposits are read; by default the node, when settlement is configured. */
  depositReader?: DepositReader;
  /** Where providers' bonds are read; by default the node, when one is configured. */
  bondReader?: BondReader;
  addresses?: AddressProvider;
  logger?: Logger;
  /** Start the sweeper and the settlement worker (default true). */
  workers?: boolean;
  /** Where bond slashes go (default: the node and settlement key of the config, if set). */
  slashChain?: SlashChainPort;
  /** How verification re-runs are paid (default: from the pool of the config's chain, if set). */
  verifierPayouts?: VerifierPayouts;
}

/** The coordinator's one way to the chain node: one client, and one watcher for inclusions. */
export interface CoordinatorChain {
  client: NodeChainClient;
  inclusions: InclusionWatcher;
  /** Undefined without AITBC_SETTLEMENT_SECRET_KEY: then nothing is signed. */
  key: SettlementKey | undefined;
}

export function chainFor(config: CoordinatorConfig): CoordinatorChain | undefined {
  if (!config.nodeUrl) return undefined;
  // No retries inside the client: the settlement workers retry with their own backoff, and a job
  // create that reads a deposit must not wait long for a node that hangs.
  const client = nodeChainClient(config.nodeUrl, { retries: 0, timeoutMs: 5000 });
  return {
    client,
    inclusions: new InclusionWatcher(client),
    key: config.settlementSecretKey
      ? settlementKey(config.settlementSecretKey, config.chainId)
      : undefined,
  };
}

export function settlementFor(
  config: CoordinatorConfig,
  logger: Logger,
  chain: CoordinatorChain | undefined = chainFor(config),
): SettlementPort {
  const missing = [
    !config.walletUrl && "AITBC_WALLET_URL",
    !config.nodeUrl && "AITBC_NODE_URL",
    !config.settlementSecretKey && "AITBC_SETTLEMENT_SECRET_KEY",
  ].filter((x): x is string => !!x);
  if (missing.length) {
    logger.warn({ missing }, "settlement is not configured: job creation answers 503");
    return new UnconfiguredSettlement(missing);
  }
  return new ChainSettlement({
    walletUrl: config.walletUrl!,
    chain: chain!.client,
    key: chain!.key!,
    logger,
  });
}

export function batchChainFor(
  config: CoordinatorConfig,
  chain: CoordinatorChain | undefined = chainFor(config),
): BatchChainPort | undefined {
  if (!chain?.key) return undefined;
  return new ChainBatchPort(chain.client, chain.key);
}

/** Pays verification re-runs from the chain's pool; undefined without a node and settlement key. */
export function verifierPayoutsFor(
  chain: CoordinatorChain | undefined,
): VerifierPayouts | undefined {
  if (!chain?.key) return undefined;
  return new ChainVerifierPayouts(chain.client, chain.inclusions, chain.key);
}

/** Slashes bonds with the settlement key; undefined without a node and settlement key. */
export function slashChainFor(chain: CoordinatorChain | undefined): SlashChainPort | undefined {
  if (!chain?.key) return undefined;
  return new ChainSlashPort(chain.client, chain.inclusions, chain.key);
}

/** How soon a receipt key rotated on another replica signs here too. */
const RECEIPT_KEY_RELOAD_MS = 5000;

export function sealerFor(config: CoordinatorConfig, logger: Logger): SecretSealer {
  if (config.sealingKey) return SecretSealer.fromBase64Url(config.sealingKey);
  logger.warn(
    "DEVELOPMENT MODE: no AITBC_COORDINATOR_SEALING_KEY, stored secrets are sealed with a key derived from AITBC_ADMIN_API_KEY. Never run like this in production.",
  );
  return SecretSealer.derivedFrom(config.adminApiKey, "aitbc-coordinator-dev-sealing-key");
}

export async function startCoordinator(
  config: CoordinatorConfig,
  overrides: CoordinatorOverrides = {},
): Promise<RunningCoordinator> {
  const logger = overrides.logger ?? createLogger("coordinator");
  const db = await openDatabase({
    url: config.databaseUrl,
    ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
  });
  let bridge: SignalBridge | undefined;
  try {
    await migrate(db, migrations);
    const bus = new LocalSignalBus();
    if (isPostgres(config.databaseUrl))
      bridge = await bridgeSignalsOverPostgres(db, bus, config.databaseSchema, logger);
    const chain = chainFor(config);
    const settlement = overrides.settlement ?? settlementFor(config, logger, chain);
    // A deposit is only worth reserving when it can be settled: without the chain, jobs are
    // never paid from deposits.
    const depositReader =
      overrides.depositReader ??
      (chain && settlement.kind !== "unconfigured"
        ? new NodeDepositReader(chain.client)
        : undefined);
    const addresses =
      overrides.addresses ??
      (config.walletUrl
        ? new WalletAddressProvider(config.walletUrl, config.adminApiKey)
        : new LocalKeyAddressProvider());
    const sealer = sealerFor(config, logger);
    const batchChain = overrides.batchChain ?? batchChainFor(config, chain);
    const verifierPayouts = overrides.verifierPayouts ?? verifierPayoutsFor(chain);
    const slashChain = overrides.slashChain ?? slashChainFor(chain);
    const bondReader =
      overrides.bondReader ?? (chain ? new NodeBondReader(chain.client) : undefined);
    const ctx = await createContext({
      db,
      config,
      logger,
      settlement,
      ...(batchChain ? { batchChain } : {}),
      depositReader,
      addresses,
      bus,
      sealer,
      ...(verifierPayouts ? { verifierPayouts } : {}),
      ...(slashChain ? { slashChain } : {}),
      ...(bondReader ? { bondReader } : {}),
    });
    const app = buildApp(ctx);
    const running = await listen(app, { port: config.port, host: config.host });
    const stream = attachJobStream(running.server, {
      auth: authenticatorFor(ctx),
      jobs: ctx.repos.jobs,
      events: ctx.repos.events,
      bus,
      logger,
      recheckMs: config.streamRecheckMs,
      socketsPerKey: config.streamSocketsPerKey,
      maxBufferedBytes: config.streamMaxBufferedBytes,
    });
    let stopKeyWatch = () => {};
    if (overrides.workers !== false) {
      ctx.worker.start();
      ctx.batches.start();
      ctx.sweeper.start();
      ctx.verifier.start();
      ctx.slashes.start();
      stopKeyWatch = ctx.keys.watch(RECEIPT_KEY_RELOAD_MS, (err) =>
        logger.warn({ err }, "could not re-read the receipt keys"),
      );
    }
    logger.info(
      { url: running.url, settlement: settlement.kind, addresses: addresses.kind },
      "coordinator listening",
    );
    let closing: Promise<void> | undefined;
    return {
      url: running.url,
      port: running.port,
      context: ctx,
      streamStats: () => stream.stats(),
      close() {
        closing ??= (async () => {
          stopKeyWatch();
          ctx.claims.stop();
          stream.close();
          await running.close();
          await ctx.sweeper.stop();
          await ctx.worker.stop();
          await ctx.batches.stop();
          await ctx.verifier.stop();
          await ctx.slashes.stop();
          await bridge?.close();
          await db.destroy();
        })();
        return closing;
      },
    };
  } catch (err) {
    await bridge?.close().catch(() => undefined);
    await db.destroy();
    throw err;
  }
}
