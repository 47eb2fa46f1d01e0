// The request id (X-Request-Id) and one log line per request, written exactly as pino-http writes
// them. pino-http builds a child logger per request, serializing the request and its headers
// into it up front, which costs more than some of our routes; most lines are below the log level
// and never written (successes log at debug). Here the request fields pino-http would bind are
// noted when the request arrives, and serialized only for a line that is written.
import { randomUUID } from "node:crypto";
import type { Express, Request, RequestHandler, Response } from "express";
import type { Level, Logger } from "pino";
import { pinoHttp } from "pino-http";
import { REDACTED, redactUrl } from "../log-redaction.js";

const REQUEST_ID = /^[\w.-]{1,64}$/;

export interface RequestLogOptions {
  logger: Logger;
  /** The level of a finished request's line (pino-http's `customLogLevel`). */
  levelFor(req: Request, res: Response, err: Error | undefined): Level | "silent";
}

/** The request fields pino-http's request serializer reads, as they are on arrival. */
interface ArrivedRequest {
  id: string;
  method: string;
  originalUrl: string;
  query: unknown;
  params: unknown;
  headers: Request["headers"];
  socket: { remoteAddress: string | undefined; remotePort: number | undefined };
}

export function requestLog(app: Express, options: RequestLogOptions): RequestHandler {
  // pino-http's logger: the service logger with pino-http's req, res and err serializers.
  const base = pinoHttp({ logger: options.logger }).logger;
  lazyLogProperty(app.request, base);
  lazyLogProperty(app.response, base);
  return (req, res, next) => {
    const incoming = req.headers["x-request-id"];
    const id = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader("X-Request-Id", id);
    req.id = id;
    const start = Date.now();
    const arrived: ArrivedRequest = {
      id,
      method: req.method,
      originalUrl: redactUrl(req.originalUrl),
      query: withoutKey(req.query),
      params: req.params,
      headers: withoutKey(req.headers),
      socket: { remoteAddress: req.socket.remoteAddress, remotePort: req.socket.remotePort },
    };
    const done = (err?: Error) => {
      res.off("close", done);
      res.off("finish", done);
      res.off("error", done);
      const level = options.levelFor(req, res, err);
      if (level === "silent" || !base.isLevelEnabled(level)) return;
      const log = base.child({ req: arrived });
      const responseTime = Date.now() - start;
      const resErr = (res as Response & { err?: Error }).err;
      if (err || resErr || res.statusCode >= 500) {
        const error = err ?? resErr ?? new Error("failed with status code " + res.statusCode);
        log[level]({ res, err: error, responseTime }, "request errored");
        return;
      }
      log[level](
        { res, responseTime },
        !req.readableAborted && res.writableEnded ? "request completed" : "request aborted",
      );
    };
    res.on("close", done);
    res.on("finish", done);
    res.on("error", done);
    next();
  };
}

/** Headers or query with the API key censored (a copy only when there is one to censor). */
function withoutKey<T>(fields: T): T {
  if (typeof fields !== "object" || fields === null) return fields;
  const record = fields as Record<string, unknown>;
  const names = Object.keys(record).filter((k) =>
    /^(x-api-key|api_key|authorization|cookie)$/i.test(k),
  );
  if (names.length === 0) return fields;
  const copy = { ...record };
  for (const name of names) copy[name] = REDACTED;
  return copy as T;
}

/** `req.log` / `res.log` as pino-http sets them, made on first use instead of on every request. */
function lazyLogProperty(proto: object, base: Logger): void {
  const own = (target: object, value: unknown) =>
    Object.defineProperty(target, "log", { value, writable: true, configurable: true });
  Object.defineProperty(proto, "log", {
    configurable: true,
    get(this: { req?: unknown }) {
      const log = base.child({ req: this.req ?? this });
      own(this, log);
      return log;
    },
    set(this: object, value: unknown) {
      own(this, value);
    },
  });
}
