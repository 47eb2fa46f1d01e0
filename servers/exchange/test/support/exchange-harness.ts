// One exchange under test with what it talks to: a real chain node (whose genesis names the test
// treasury key), the fake Esplora server standing in for Bitcoin testnet, the coordinator double,
// and a fresh database (SQLite, or PostgreSQL when AITBC_TEST_DATABASE_URL is set).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  addressFromPublicKey as addressOf,
  createAitbcClient,
  exportKeyPair,
  generateKeyPair,
  type AitbcClient,
} from "@aitbc/sdk";
import { createLogger, createTestDatabase, type TestDatabase } from "@aitbc/server-lib";
import {
  startExchange,
  startFakeEsplora,
  type ExchangeConfig,
  type FakeEsplora,
  type RunningExchange,
} from "../../src/index.js";
import { startCoordinatorDouble, type CoordinatorDouble } from "@aitbc/server-lib/testing";
import { startTestChain, type TestChain } from "@aitbc/node/testing";
import { pollUntil } from "@aitbc/server-lib/testing";

export const ADMIN_KEY = "test-admin-key-0123456789";

export interface ExchangeHarness {
  db: TestDatabase;
  chain: TestChain;
  bitcoin: FakeEsplora;
  coordinator: CoordinatorDouble;
  exchange: RunningExchange;
  config: ExchangeConfig;
  admin: AitbcClient;
  anonymous: AitbcClient;
  /** A coordinator account with a fresh chain address; its client talks to the exchange and the node. */
  buyer(id: string): { apiKey: string; address: string; client: AitbcClient };
  clientWithKey(apiKey: string | undefined): AitbcClient;
  /** Runs deposit-watcher passes until `done` holds (or the deadline passes). */
  settleUntil(done: () => Promise<boolean>, what: string): Promise<void>;
  close(): Promise<void>;
}

export async function startExchangeHarness(
  kind: "sqlite" | "postgres",
  overrides: Partial<ExchangeConfig> = {},
  chainOptions: { finalityHeld?: boolean } = {},
): Promise<ExchangeHarness> {
  const db = createTestDatabase(kind);
  const treasury = generateKeyPair();
  const chain = await startTestChain({
    adminApiKey: ADMIN_KEY,
    treasuryPublicKey: treasury.publicKey,
    ...chainOptions,
  });
  const bitcoin = await startFakeEsplora();
  const coordinator = await startCoordinatorDouble();
  const dataDir = mkdtempSync(join(tmpdir(), "aitbc-exchange-test-"));
  const config: ExchangeConfig = {
    port: 0,
    host: "127.0.0.1",
    dataDir,
    databaseUrl: db.url,
    ...(db.schema ? { databaseSchema: db.schema } : {}),
    nodeUrl: chain.url,
    coordinatorUrl: coordinator.url,
    adminApiKey: ADMIN_KEY,
    treasurySecretKey: exportKeyPair(treasury).secret_key,
    bitcoinApiUrl: bitcoin.url,
    requiredConfirmations: 1,
    orderTtlS: 3600,
    // Tests drive the watcher with pollDeposits(); the interval only backs it up.
    watchIntervalMs: 60_000,
    identityCacheMs: 0,
    rateLimitPerSecond: 0,
    ...overrides,
  };
  const exchange = await startExchange(config, { logger: createLogger("exchange", "silent") });
  const clientWithKey = (apiKey: string | undefined) =>
    createAitbcClient({
      exchangeUrl: exchange.url,
      nodeUrl: chain.url,
      ...(apiKey ? { apiKey } : {}),
      http: { retries: 0 },
    });
  return {
    db,
    chain,
    bitcoin,
    coordinator,
    exchange,
    config,
    admin: clientWithKey(ADMIN_KEY),
    anonymous: clientWithKey(undefined),
    clientWithKey,
    buyer(id) {
      const pair = generateKeyPair();
      const address = addressOf(pair.publicKey);
      const apiKey = coordinator.addAccount({ id, role: "customer", address });
      return { apiKey, address, client: clientWithKey(apiKey) };
    },
    async settleUntil(done, what) {
      await pollUntil(async () => {
        await exchange.pollDeposits();
        return done();
      }, what);
    },
    async close() {
      await exchange.close();
      await coordinator.close();
      await bitcoin.close();
      await chain.close();
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
