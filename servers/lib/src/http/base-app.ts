// The shell every AITBC HTTP service shares: request ids and logs, security headers, CORS, the
// refusal of keys in URLs, body limit, rate limit and contract validation before the routes; 404 and the problem handler after them. Routes go
// between `createBaseApp` and `finishApp`.
import express, { type Express } from "express";
import type { Logger } from "pino";
import { contentTypeGuard } from "./content-type-guard.js";
import { cors } from "./cors.js";
import { contractValidation } from "./openapi.js";
import { notFoundHandler, problemHandler } from "./problem-handler.js";
import {
  createRateLimiter,
  rateLimit,
  type RateLimiter,
  type RateLimitOptions,
} from "./rate-limit.js";
import { queryKeyGuard } from "./query-key-guard.js";
import { requestLog } from "./request-log.js";
import { securityHeaders } from "./security-headers.js";

export interface BaseAppOptions {
  logger: Logger;
  /** Bundled spec name in @aitbc/spec, for example `coordinator`. */
  spec: string;
  /** JSON body limit, default `1mb`. Over it: 413 payload_too_large. */
  bodyLimit?: string;
  /** Limits per client IP and per verified caller (429); a ready limiter lets a test watch it. */
  rateLimit?: RateLimitOptions | RateLimiter | false;
  validateResponses?: boolean;
  ignorePaths?: RegExp;
  /**
   * Contract validation of requests and responses: on unless `false`. Off only for a
   * benchmark's baseline, which must not pay for the validator's middleware either.
   */
  validation?: boolean;
  /**
   * Content-Security-Policy of every response; default `default-src 'none'; frame-ancestors
   * 'none'`. A service that also serves pages widens it, keeping `frame-ancestors 'none'`.
   */
  contentSecurityPolicy?: string;
  /** Middleware that must run before body parsing (for example a raw-body route). */
  before?: (app: Express) => void;
}

export function createBaseApp(options: BaseAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "extended");
  app.use(
    requestLog(app, {
      logger: options.logger,
      levelFor: (_req, res, err) =>
        err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "info" : "debug",
    }),
  );
  app.use(securityHeaders(options.contentSecurityPolicy));
  app.use(cors);
  app.use(queryKeyGuard);
  if (options.rateLimit)
    app.use(
      rateLimit(
        "byIp" in options.rateLimit ? options.rateLimit : createRateLimiter(options.rateLimit),
      ),
    );
  options.before?.(app);
  app.use(express.json({ limit: options.bodyLimit ?? "1mb" }));
  if (options.validation === false) return app;
  app.use(contentTypeGuard);
  app.use(
    contractValidation({
      spec: options.spec,
      ...(options.validateResponses !== undefined
        ? { validateResponses: options.validateResponses }
        : {}),
      ...(options.ignorePaths ? { ignorePaths: options.ignorePaths } : {}),
    }),
  );
  return app;
}

export function finishApp(app: Express, logger: Logger): Express {
  app.use(notFoundHandler);
  app.use(problemHandler(logger));
  return app;
}
