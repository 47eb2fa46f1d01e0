// buildApp: the wallet's HTTP surface. Never listens (start.ts does).
import { Router, type Express } from "express";
import { createBaseApp, finishApp, registerRoutes } from "@aitbc/server-lib";
import type { WalletDeps } from "./http/deps.js";
import { walletRouteTable } from "./http/routes.gen.js";
import { accountRoutes } from "./http/routes/accounts.js";
import { balanceRoutes } from "./http/routes/balance.js";
import { depositRoutes } from "./http/routes/deposit.js";
import { bondRoutes } from "./http/routes/bond.js";
import { escrowRoutes } from "./http/routes/escrow.js";
import { healthRoutes } from "./http/routes/health.js";
import { transactionRoutes } from "./http/routes/transactions.js";
import { transferRoutes } from "./http/routes/transfer.js";

export type { WalletDeps };

export function buildApp(deps: WalletDeps): Express {
  const perSecond = deps.rateLimitPerSecond ?? 0;
  const app = createBaseApp({
    logger: deps.logger,
    spec: "wallet",
    rateLimit: perSecond > 0 ? { perSecond, burst: perSecond * 2 } : false,
  });
  const router = Router();
  registerRoutes(router, walletRouteTable, {
    ...healthRoutes(deps),
    ...balanceRoutes(deps),
    ...transferRoutes(deps),
    ...transactionRoutes(deps),
    ...accountRoutes(deps),
    ...escrowRoutes(deps),
    ...depositRoutes(deps),
    ...bondRoutes(deps),
  });
  app.use(router);
  return finishApp(app, deps.logger);
}
