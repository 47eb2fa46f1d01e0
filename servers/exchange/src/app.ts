// buildApp: the exchange's HTTP surface. Never listens (start.ts does).
import express, { Router, type Express } from "express";
import {
  PAGE_CONTENT_SECURITY_POLICY,
  createBaseApp,
  finishApp,
  type Knex,
  type Logger,
} from "@aitbc/server-lib";
import type { BitcoinNetwork } from "./domain/bitcoin/bitcoin-network.js";
import type { OrderBook } from "./domain/orders/order-book.js";
import type { ChainClient } from "./domain/settlement/chain-client.js";
import type { Authenticate } from "@aitbc/server-lib";
import { healthRoutes } from "./http/routes/health.js";
import { orderRoutes } from "./http/routes/orders.js";
import { rateRoutes } from "./http/routes/rates.js";

export interface ExchangeAppDeps {
  logger: Logger;
  db: Knex;
  book: OrderBook;
  chain: ChainClient;
  bitcoin: BitcoinNetwork;
  authenticate: Authenticate;
  requiredConfirmations: number;
  orderTtlS: number;
  version: string;
  rateLimitPerSecond?: number;
  /**
   * A directory of static files (the Trade Exchange page) served at `/` on the same port, so
   * the page and the API share one origin (:23000 by default). Only `/api/…` is the API.
   */
  pagesDir?: string;
}

export function buildApp(deps: ExchangeAppDeps): Express {
  const perSecond = deps.rateLimitPerSecond ?? 0;
  const app = createBaseApp({
    logger: deps.logger,
    spec: "exchange",
    rateLimit: perSecond > 0 ? { perSecond, burst: perSecond * 2 } : false,
    ...(deps.pagesDir
      ? {
          contentSecurityPolicy: PAGE_CONTENT_SECURITY_POLICY,
          before: (a: Express) => a.use(express.static(deps.pagesDir!, { index: "index.html" })),
          ignorePaths: /^\/(?!api\/)/,
        }
      : {}),
  });
  const router = Router();
  healthRoutes(router, deps);
  rateRoutes(router, deps);
  orderRoutes(router, deps);
  app.use(router);
  return finishApp(app, deps.logger);
}
