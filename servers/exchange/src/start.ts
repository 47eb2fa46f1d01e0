// startExchange: open and migrate the database, start the deposit watcher, listen.
import { addressFromPublicKey, importSecretKey } from "@aitbc/sdk";
import {
  ConfigError,
  createLogger,
  listen,
  migrate,
  openDatabase,
  type Logger,
} from "@aitbc/server-lib";
import { buildApp } from "./app.js";
import type { ExchangeConfig } from "./config.js";
import { exchangeMigrations } from "./data/migrations.js";
import { OrdersRepo } from "./data/orders-repo.js";
import type { BitcoinNetwork } from "./domain/bitcoin/bitcoin-network.js";
import { resolveDepositSeed } from "./domain/bitcoin/deposit-seed.js";
import { esploraNetwork } from "./domain/bitcoin/esplora-network.js";
import { startFakeEsplora } from "./fake-bitcoin/fake-esplora-server.js";
import { cachedDirectory, coordinatorDirectory } from "@aitbc/server-lib";
import { OrderBook } from "./domain/orders/order-book.js";
import { treasuryChainClient } from "./domain/settlement/chain-client.js";
import { DepositWatcher } from "./domain/settlement/deposit-watcher.js";
import { TreasuryMinter } from "./domain/settlement/treasury-minter.js";
import { authenticator } from "@aitbc/server-lib";
import { EXCHANGE_VERSION } from "./version.js";

export interface RunningExchange {
  url: string;
  port: number;
  /** The embedded fake Esplora's URL when `fakeBitcoinPort` is set (pay with POST /_fake/pay). */
  fakeBitcoinUrl?: string;
  /** Runs one deposit-watcher pass now (tests and tools; the watcher also runs on its interval). */
  pollDeposits(): Promise<void>;
  close(): Promise<void>;
}

export async function startExchange(
  config: ExchangeConfig,
  options: { logger?: Logger; bitcoin?: BitcoinNetwork } = {},
): Promise<RunningExchange> {
  const logger = options.logger ?? createLogger("exchange");
  let treasury;
  try {
    treasury = importSecretKey(config.treasurySecretKey);
  } catch {
    throw new ConfigError("AITBC_TREASURY_SECRET_KEY is not a valid base64url ed25519 secret key.");
  }
  const depositSeed = resolveDepositSeed(config);
  const fake =
    config.fakeBitcoinPort !== undefined && !options.bitcoin
      ? await startFakeEsplora({ port: config.fakeBitcoinPort, host: config.host })
      : undefined;
  const db = await openDatabase({
    url: config.databaseUrl,
    ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
  });
  try {
    await migrate(db, exchangeMigrations);
    const orders = new OrdersRepo(db);
    const chain = treasuryChainClient(config.nodeUrl);
    const bitcoin = options.bitcoin ?? esploraNetwork(fake?.url ?? config.bitcoinApiUrl);
    let chainId: Promise<string> | undefined;
    const minter = new TreasuryMinter({
      orders,
      chain,
      treasury,
      treasuryAddress: addressFromPublicKey(treasury.publicKey),
      chainId: () => {
        if (config.chainId) return Promise.resolve(config.chainId);
        chainId ??= chain.chainId().catch((err: unknown) => {
          chainId = undefined;
          throw err;
        });
        return chainId;
      },
      logger,
    });
    const watcher = new DepositWatcher({
      orders,
      bitcoin,
      minter,
      requiredConfirmations: config.requiredConfirmations,
      logger,
    });
    const book = new OrderBook(orders, { orderTtlMs: config.orderTtlS * 1000, depositSeed });
    const app = buildApp({
      logger,
      db,
      book,
      chain,
      bitcoin,
      authenticate: authenticator({
        directory: cachedDirectory(
          coordinatorDirectory(config.coordinatorUrl),
          config.identityCacheMs,
        ),
        ...(config.adminApiKey ? { adminApiKey: config.adminApiKey } : {}),
      }),
      requiredConfirmations: config.requiredConfirmations,
      orderTtlS: config.orderTtlS,
      version: EXCHANGE_VERSION,
      rateLimitPerSecond: config.rateLimitPerSecond,
      ...(config.pagesDir ? { pagesDir: config.pagesDir } : {}),
    });
    const server = await listen(app, { port: config.port, host: config.host });
    watcher.start(config.watchIntervalMs);
    logger.info(
      { url: server.url, bitcoin: fake?.url ?? config.bitcoinApiUrl, fake_bitcoin: Boolean(fake) },
      "exchange listening",
    );
    return {
      url: server.url,
      port: server.port,
      ...(fake ? { fakeBitcoinUrl: fake.url } : {}),
      pollDeposits: () => watcher.tick(),
      async close() {
        await watcher.stop();
        await server.close();
        await db.destroy();
        await fake?.close();
      },
    };
  } catch (err) {
    await db.destroy();
    await fake?.close();
    throw err;
  }
}
