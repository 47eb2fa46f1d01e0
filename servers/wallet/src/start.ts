// startWallet: open and migrate the database, unlock the keystore, listen. Returns where it
// listens and how to stop it; main.ts and the dev stack call it, and so do the tests (port 0).
import {
  ConfigError,
  createLogger,
  InclusionWatcher,
  listen,
  migrate,
  openDatabase,
  type Logger,
} from "@aitbc/server-lib";
import { buildApp } from "./app.js";
import type { WalletConfig } from "./config.js";
import { walletMigrations } from "./data/migrations.js";
import { AccountsRepo } from "./data/accounts-repo.js";
import { EscrowLocksRepo } from "./data/escrow-locks-repo.js";
import { TransfersRepo } from "./data/transfers-repo.js";
import { KeystoreRepo } from "./data/keystore-repo.js";
import { nodeChainGateway } from "./domain/chain/node-chain-gateway.js";
import { TxSigner } from "./domain/chain/tx-signer.js";
import { cachedDirectory, coordinatorDirectory } from "@aitbc/server-lib";
import { DepositTransactions } from "./domain/deposit/deposit-transactions.js";
import { BondTransactions } from "./domain/bond/bond-transactions.js";
import { EscrowLocker } from "./domain/escrow/escrow-locker.js";
import { Transfers } from "./domain/wallet/transfer.js";
import { TransferReconciler } from "./domain/wallet/transfer-reconciler.js";
import { WrongPassphraseError } from "./domain/keys/key-sealer.js";
import { Keystore } from "./domain/keys/keystore.js";
import { resolvePassphrase } from "./domain/keys/passphrase.js";
import type { WalletContext } from "./domain/wallet-context.js";
import { authenticator } from "@aitbc/server-lib";
import { WALLET_VERSION } from "./version.js";

export interface RunningWallet {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startWallet(
  config: WalletConfig,
  options: { logger?: Logger } = {},
): Promise<RunningWallet> {
  const logger = options.logger ?? createLogger("wallet");
  const db = await openDatabase({
    url: config.databaseUrl,
    ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
  });
  try {
    await migrate(db, walletMigrations);
    let keystore: Keystore;
    const { passphrase, devFile } = resolvePassphrase(config);
    if (devFile)
      logger.warn(
        { file: devFile },
        "DEVELOPMENT MODE: no AITBC_WALLET_PASSPHRASE, the custodial keys are sealed with a generated passphrase stored next to the database. Never run like this in production.",
      );
    try {
      keystore = await Keystore.open(
        { keystore: new KeystoreRepo(db), accounts: new AccountsRepo(db) },
        passphrase,
      );
    } catch (err) {
      if (err instanceof WrongPassphraseError)
        throw new ConfigError(
          "AITBC_WALLET_PASSPHRASE does not unlock this wallet's keystore (or the keystore was tampered with).",
        );
      throw err;
    }
    const chain = nodeChainGateway(config.nodeUrl);
    const ctx: WalletContext = {
      keystore,
      chain,
      signer: new TxSigner(
        keystore,
        chain,
        chainIdSource(config.chainId, () => chain.chainId()),
      ),
      inclusions: new InclusionWatcher(chain),
      escrowLocks: new EscrowLocksRepo(db),
      transfers: new TransfersRepo(db),
      confirmTimeoutMs: config.confirmTimeoutMs,
    };
    const transfers = new Transfers(ctx);
    const reconciler = new TransferReconciler(ctx.transfers, transfers, {
      intervalMs: config.reconcileIntervalMs ?? 5_000,
      onError: (err) => logger.warn({ err }, "settling a recorded transfer failed; retrying later"),
    });
    const app = buildApp({
      logger,
      db,
      ctx,
      locker: new EscrowLocker(ctx),
      deposits: new DepositTransactions(ctx),
      bonds: new BondTransactions(ctx),
      transfers,
      authenticate: authenticator({
        directory: cachedDirectory(
          coordinatorDirectory(config.coordinatorUrl),
          config.identityCacheMs,
        ),
        ...(config.adminApiKey ? { adminApiKey: config.adminApiKey } : {}),
      }),
      version: WALLET_VERSION,
      rateLimitPerSecond: config.rateLimitPerSecond,
    });
    const server = await listen(app, { port: config.port, host: config.host });
    reconciler.start();
    logger.info({ url: server.url, node: config.nodeUrl }, "wallet listening");
    return {
      url: server.url,
      port: server.port,
      async close() {
        await reconciler.stop();
        await server.close();
        await db.destroy();
      },
    };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}

/**
 * The configured chain id, or the node's, asked for when first needed (so the wallet can start
 * before the node) and then remembered. A failed lookup is not remembered.
 */
function chainIdSource(configured: string | undefined, fetchId: () => Promise<string>) {
  if (configured) return async () => configured;
  let known: Promise<string> | undefined;
  return () => {
    known ??= fetchId().catch((err: unknown) => {
      known = undefined;
      throw err;
    });
    return known;
  };
}
