// The one error middleware: every error becomes application/problem+json. Unknown errors become a
// bare 500 with the request id; their details go to the log, never to the client.
import type { ErrorRequestHandler, Request, RequestHandler } from "express";
import type { Logger } from "pino";
import { AppError, type FieldProblem } from "../errors.js";

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  request_id?: string;
  [extension: string]: unknown;
}

export function problemBody(
  req: Request | undefined,
  status: number,
  code: string,
  title: string,
  detail?: string,
  extensions: Record<string, unknown> = {},
): ProblemBody {
  return {
    type: `https://aitbc.dev/problems/${code}`,
    title,
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(req ? { instance: req.originalUrl.split("?")[0] } : {}),
    ...(req?.id ? { request_id: String(req.id) } : {}),
    ...extensions,
  };
}

interface ValidatorError {
  status: number;
  message?: string;
  errors?: Array<{ path?: string; message?: string; errorCode?: string }>;
}

function isValidatorError(err: unknown): err is ValidatorError {
  return (
    typeof err === "object" &&
    err !== null &&
    typeof (err as ValidatorError).status === "number" &&
    Array.isArray((err as ValidatorError).errors)
  );
}

/** Turns a validator path such as `/body/budget/max_cost` or `.query.limit` into `body.budget.max_cost`. */
export function fieldFromPath(path: string | undefined): string {
  if (!path) return "request";
  return path
    .replace(/^[./]+/, "")
    .replace(/\//g, ".")
    .replace(/\[(\d+)\]/g, ".$1");
}

export function toProblem(err: unknown, req?: Request): ProblemBody {
  if (err instanceof AppError) {
    return problemBody(req, err.status, err.code, err.title, err.detail, err.extensions);
  }
  const e = err as { type?: string; status?: number; statusCode?: number; message?: string };
  if (e?.type === "entity.too.large") {
    return problemBody(
      req,
      413,
      "payload_too_large",
      "Payload too large",
      "The request body is over the size limit.",
    );
  }
  if (e?.type === "entity.parse.failed") {
    return problemBody(
      req,
      400,
      "invalid_json",
      "Bad request",
      "The request body is not valid JSON.",
    );
  }
  if (isValidatorError(err)) {
    const status = err.status;
    if (status === 400) {
      const errors: FieldProblem[] = (err.errors ?? []).map((x) => ({
        field: fieldFromPath(x.path),
        message: x.message ?? "is invalid",
        ...(x.errorCode ? { code: x.errorCode.replace(/\.openapi\.validation$/, "") } : {}),
      }));
      const detail =
        errors.map((x) => `${x.field} ${x.message}`).join("; ") ||
        "The request does not match the API contract.";
      return problemBody(req, 400, "validation_failed", "Bad request", detail, { errors });
    }
    if (status === 404)
      return problemBody(
        req,
        404,
        "not_found",
        "Not found",
        "No such endpoint. See the API reference in docs/api.",
      );
    if (status === 405)
      return problemBody(
        req,
        405,
        "method_not_allowed",
        "Method not allowed",
        "This endpoint does not support that method.",
      );
    if (status === 415)
      return problemBody(
        req,
        415,
        "unsupported_media_type",
        "Unsupported media type",
        "Send the body as application/json.",
      );
    if (status === 413)
      return problemBody(
        req,
        413,
        "payload_too_large",
        "Payload too large",
        "The request body is over the size limit.",
      );
    if (status === 401)
      return problemBody(
        req,
        401,
        "unauthorized",
        "Missing or invalid API key",
        "Send a valid API key in the X-API-Key header.",
      );
  }
  return problemBody(
    req,
    500,
    "internal_error",
    "Internal error",
    "Something went wrong on our side. Retry, and report the request id if it persists.",
  );
}

export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const body = toProblem(err, req);
    if (body.status >= 500 && !(err instanceof AppError)) {
      logger.error({ err, req_id: req.id, path: req.originalUrl }, "unhandled error");
    } else if (body.status === 500 && isValidatorError(err)) {
      // A response that breaks the contract is our bug: log loudly.
      logger.error(
        { err, req_id: req.id, path: req.originalUrl },
        "response failed contract validation",
      );
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    const retryAfter = (body as { retry_after_s?: number }).retry_after_s;
    if (typeof retryAfter === "number") res.setHeader("Retry-After", String(retryAfter));
    // A 405 names the methods the path does take (RFC 9110 §15.5.6); the validator knows them.
    const allow = (err as { headers?: { Allow?: unknown } } | undefined)?.headers?.Allow;
    if (body.status === 405 && typeof allow === "string") res.setHeader("Allow", allow);
    res.status(body.status).type("application/problem+json").send(JSON.stringify(body));
  };
}

/** For paths no route matched (when the validator is off or lets them through). */
export const notFoundHandler: RequestHandler = (req, res) => {
  const body = problemBody(
    req,
    404,
    "not_found",
    "Not found",
    "No such endpoint. See the API reference in docs/api.",
  );
  res.status(404).type("application/problem+json").send(JSON.stringify(body));
};
