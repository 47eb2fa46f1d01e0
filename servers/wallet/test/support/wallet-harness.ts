// One wallet under test with everything it talks to: a real chain node, the coordinator double
// and a fresh database (SQLite, or PostgreSQL when AITBC_TEST_DATABASE_URL is set).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAitbcClient, type AitbcClient } from "@aitbc/sdk";
import { createLogger, createTestDatabase, type TestDatabase } from "@aitbc/server-lib";
import { startWallet, type RunningWallet, type WalletConfig } from "../../src/index.js";
import { startCoordinatorDouble, type CoordinatorDouble } from "@aitbc/server-lib/testing";
import { startTestChain, type TestChain } from "@aitbc/node/testing";

export const ADMIN_KEY = "test-admin-key-0123456789";
export const PASSPHRASE = "correct horse battery staple";

export interface TestAccount {
  id: string;
  apiKey: string;
  address: string;
  /** An SDK client with this account's key, pointed at the wallet and the node. */
  client: AitbcClient;
}

export interface WalletHarness {
  db: TestDatabase;
  chain: TestChain;
  coordinator: CoordinatorDouble;
  wallet: RunningWallet;
  config: WalletConfig;
  admin: AitbcClient;
  /** A client with no API key. */
  anonymous: AitbcClient;
  /** Creates a coordinator account with a custodial wallet key (and optional funds). */
  account(
    id: string,
    role?: "customer" | "provider" | "admin",
    fundAitbc?: number,
  ): Promise<TestAccount>;
  clientWithKey(apiKey: string | undefined): AitbcClient;
  /** Stops the wallet and starts it again on the same database (a restart). */
  restartWallet(change?: Partial<WalletConfig>): Promise<void>;
  close(): Promise<void>;
}

export async function startWalletHarness(
  kind: "sqlite" | "postgres",
  overrides: Partial<WalletConfig> = {},
  chainOptions: { depositWithdrawDelayBlocks?: number; bondUnlockDelayBlocks?: number } = {},
): Promise<WalletHarness> {
  const db = createTestDatabase(kind);
  const chain = await startTestChain({ adminApiKey: ADMIN_KEY, ...chainOptions });
  const coordinator = await startCoordinatorDouble();
  const dataDir = mkdtempSync(join(tmpdir(), "aitbc-wallet-test-"));
  const config: WalletConfig = {
    port: 0,
    host: "127.0.0.1",
    dataDir,
    databaseUrl: db.url,
    ...(db.schema ? { databaseSchema: db.schema } : {}),
    nodeUrl: chain.url,
    coordinatorUrl: coordinator.url,
    adminApiKey: ADMIN_KEY,
    passphrase: PASSPHRASE,
    confirmTimeoutMs: 10_000,
    identityCacheMs: 0,
    rateLimitPerSecond: 0,
    ...overrides,
  };
  const logger = createLogger("wallet", "silent");
  let wallet = await startWallet(config, { logger });
  const clientWithKey = (apiKey: string | undefined) =>
    createAitbcClient({
      walletUrl: wallet.url,
      nodeUrl: chain.url,
      ...(apiKey ? { apiKey } : {}),
      http: { retries: 0 },
    });
  const harness: WalletHarness = {
    db,
    chain,
    coordinator,
    get wallet() {
      return wallet;
    },
    config,
    get admin() {
      return clientWithKey(ADMIN_KEY);
    },
    get anonymous() {
      return clientWithKey(undefined);
    },
    clientWithKey,
    async account(id, role = "customer", fundAitbc) {
      const created = await clientWithKey(ADMIN_KEY).wallet.createAccount({
        body: { account_id: id },
      });
      const apiKey = coordinator.addAccount({ id, role, address: created.address });
      if (fundAitbc) await chain.fund(created.address, fundAitbc);
      return { id, apiKey, address: created.address, client: clientWithKey(apiKey) };
    },
    async restartWallet(change = {}) {
      await wallet.close();
      Object.assign(config, change);
      wallet = await startWallet(config, { logger });
    },
    async close() {
      await wallet.close();
      await coordinator.close();
      await chain.close();
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
