// buildApp: the exchange's HTTP surface. Never listens (start.ts does).
import express, { Router, type Express } from "express";
import {
  PAGE_CONTENT_SECURITY_POLICY,
  createBaseApp,
  finishApp,
  registerRoutes,
} from "@aitbc/server-lib";
import type { ExchangeDeps } from "./http/deps.js";
import { exchangeRouteTable } from "./http/routes.gen.js";
import { healthRoutes } from "./http/routes/health.js";
import { orderRoutes } from "./http/routes/orders.js";
import { rateRoutes } from "./http/routes/rates.js";

export type { ExchangeDeps };

export function buildApp(deps: ExchangeDeps): Express {
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
  registerRoutes(router, exchangeRouteTable, {
    ...healthRoutes(deps),
    ...rateRoutes(deps),
    ...orderRoutes(deps),
  });
  app.use(router);
  return finishApp(app, deps.logger);
}
