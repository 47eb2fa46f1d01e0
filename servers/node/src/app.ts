// buildApp(deps): the node's HTTP API on the shared base app. It never listens (start.ts does).
import { createBaseApp, finishApp, registerRoutes } from "@aitbc/server-lib";
import type { Express } from "express";
import type { NodeDeps } from "./http/deps.js";
import { ipRateLimit } from "./http/ip-rate-limit.js";
import { rawJsonBody } from "./http/raw-json-body.js";
import { nodeRouteTable } from "./http/routes.gen.js";
import { blockRoutes } from "./http/routes/blocks.js";
import { chainRoutes } from "./http/routes/chain.js";
import { bondRoutes } from "./http/routes/bonds.js";
import { depositRoutes } from "./http/routes/deposits.js";
import { settlementRoutes } from "./http/routes/settlements.js";
import { evidenceRoutes } from "./http/routes/evidence.js";
import { faucetRoutes } from "./http/routes/faucet.js";
import { healthRoutes } from "./http/routes/health.js";
import { stateRoutes } from "./http/routes/state.js";
import { transactionRoutes } from "./http/routes/transactions.js";

export type { NodeDeps };

export function buildApp(deps: NodeDeps): Express {
  const { rateLimit } = deps;
  const app = createBaseApp({
    logger: deps.logger,
    spec: "node",
    before: (app) => {
      if (rateLimit) app.use(ipRateLimit(rateLimit));
      rawJsonBody(app);
    },
  });
  registerRoutes(app, nodeRouteTable, {
    ...healthRoutes(deps),
    ...chainRoutes(deps),
    ...blockRoutes(deps),
    ...transactionRoutes(deps),
    ...stateRoutes(deps),
    ...depositRoutes(deps),
    ...settlementRoutes(deps),
    ...bondRoutes(deps),
    ...faucetRoutes(deps),
    ...evidenceRoutes(deps),
  });
  return finishApp(app, deps.logger);
}
