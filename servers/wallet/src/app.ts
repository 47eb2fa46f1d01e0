// buildApp: the wallet's HTTP surface. Never listens (start.ts does).
import { Router, type Express } from "express";
import { createBaseApp, finishApp, type Knex, type Logger } from "@aitbc/server-lib";
import type { EscrowLocker } from "./domain/escrow/escrow-locker.js";
import type { WalletContext } from "./domain/wallet-context.js";
import type { Transfers } from "./domain/wallet/transfer.js";
import type { Authenticate } from "@aitbc/server-lib";
import { accountRoutes } from "./http/routes/accounts.js";
import { balanceRoutes } from "./http/routes/balance.js";
import { escrowRoutes } from "./http/routes/escrow.js";
import { healthRoutes } from "./http/routes/health.js";
import { transactionRoutes } from "./http/routes/transactions.js";
import { transferRoutes } from "./http/routes/transfer.js";

export interface WalletAppDeps {
  logger: Logger;
  db: Knex;
  ctx: WalletContext;
  locker: EscrowLocker;
  transfers: Transfers;
  authenticate: Authenticate;
  version: string;
  /** Requests per second per verified caller (ten times that per client IP); 0 turns it off. */
  rateLimitPerSecond?: number;
}

export function buildApp(deps: WalletAppDeps): Express {
  const perSecond = deps.rateLimitPerSecond ?? 0;
  const app = createBaseApp({
    logger: deps.logger,
    spec: "wallet",
    rateLimit: perSecond > 0 ? { perSecond, burst: perSecond * 2 } : false,
  });
  const router = Router();
  healthRoutes(router, { db: deps.db, chain: deps.ctx.chain, version: deps.version });
  balanceRoutes(router, deps);
  transferRoutes(router, deps);
  transactionRoutes(router, deps);
  accountRoutes(router, { keystore: deps.ctx.keystore, authenticate: deps.authenticate });
  escrowRoutes(router, deps);
  app.use(router);
  return finishApp(app, deps.logger);
}
