// buildApp(deps): the node's HTTP API on the shared base app. It never listens (start.ts does).
import { createBaseApp, finishApp } from "@aitbc/server-lib";
import type { Express } from "express";
import type { AppDeps } from "./http/deps.js";
import { ipRateLimit } from "./http/ip-rate-limit.js";
import { rawJsonBody } from "./http/raw-json-body.js";
import { blockRoutes } from "./http/routes/blocks.js";
import { chainRoutes } from "./http/routes/chain.js";
import { depositRoutes } from "./http/routes/deposits.js";
import { evidenceRoutes } from "./http/routes/evidence.js";
import { faucetRoutes } from "./http/routes/faucet.js";
import { healthRoutes } from "./http/routes/health.js";
import { settlementRoutes } from "./http/routes/settlements.js";
import { stateRoutes } from "./http/routes/state.js";
import { transactionRoutes } from "./http/routes/transactions.js";

export type { AppDeps };

export function buildApp(deps: AppDeps): Express {
  const { rateLimit } = deps;
  const app = createBaseApp({
    logger: deps.logger,
    spec: "node",
    before: (app) => {
      if (rateLimit) app.use(ipRateLimit(rateLimit));
      rawJsonBody(app);
    },
  });
  healthRoutes(app, deps);
  chainRoutes(app, deps);
  blockRoutes(app, deps);
  transactionRoutes(app, deps);
  stateRoutes(app, deps);
  depositRoutes(app, deps);
  settlementRoutes(app, deps);
  faucetRoutes(app, deps);
  evidenceRoutes(app, deps);
  return finishApp(app, deps.logger);
}
