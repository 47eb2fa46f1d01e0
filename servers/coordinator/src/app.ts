// buildApp: the coordinator's HTTP routes on the shared shell (request ids, logs, CORS, limits,
// contract validation of requests and responses, problem+json). It never listens.
import { Router, type Express } from "express";
import { createBaseApp, finishApp, registerRoutes } from "@aitbc/server-lib";
import type { CoordinatorContext } from "./context.js";
import { Authenticator } from "./http/auth.js";
import { coordinatorRouteTable } from "./http/routes.gen.js";
import { healthRoutes } from "./http/routes/health.js";
import { accountRoutes } from "./http/routes/accounts.js";
import { serviceRoutes } from "./http/routes/services.js";
import { providerRoutes } from "./http/routes/providers.js";
import { jobRoutes } from "./http/routes/jobs.js";
import { minerRoutes } from "./http/routes/miners.js";
import { receiptRoutes } from "./http/routes/receipts.js";
import { adminRoutes } from "./http/routes/admin.js";
import { disputeRoutes } from "./http/routes/disputes.js";

export interface BuildAppOptions {
  /** Contract validation of requests and responses; on everywhere except the validator benchmark. */
  validation?: boolean;
}

export function buildApp(ctx: CoordinatorContext, options: BuildAppOptions = {}): Express {
  const auth = authenticatorFor(ctx);
  const app = createBaseApp({
    logger: ctx.logger,
    spec: "coordinator",
    bodyLimit: ctx.config.bodyLimit,
    rateLimit: ctx.config.rateLimit,
    // The stream is a WebSocket (spec/asyncapi/job-stream.yaml), not an OpenAPI operation.
    ignorePaths: /\/v1\/jobs\/[^/]+\/stream$/,
    validation: options.validation !== false,
  });
  const router = Router();
  registerRoutes(router, coordinatorRouteTable, {
    ...healthRoutes(ctx),
    ...accountRoutes(ctx, auth),
    ...serviceRoutes(ctx, auth),
    ...providerRoutes(ctx),
    ...jobRoutes(ctx, auth),
    ...minerRoutes(ctx, auth),
    ...receiptRoutes(ctx, auth),
    ...adminRoutes(ctx, auth),
    ...disputeRoutes(ctx, auth),
  });
  app.use(router);
  return finishApp(app, ctx.logger);
}

export function authenticatorFor(ctx: CoordinatorContext): Authenticator {
  return new Authenticator(ctx.apiKeys, ctx.config.adminApiKey);
}
