// The server side of the one error model: domain code throws these; problem-handler.ts turns them
// into RFC 9457 problem+json. Codes are stable and listed in spec/common/problem-codes.md.

export interface FieldProblem {
  field: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail?: string,
    /** Extra problem members (RFC 9457 extensions), for example `reasons` or `errors`. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
  get detail(): string {
    return this.message;
  }
}

export class ValidationFailed extends AppError {
  constructor(detail: string, errors: FieldProblem[] = []) {
    super(400, "validation_failed", "Bad request", detail, errors.length ? { errors } : {});
  }
  static field(field: string, message: string): ValidationFailed {
    return new ValidationFailed(`${field} ${message}`, [{ field, message }]);
  }
}
export class Unauthorized extends AppError {
  constructor(detail = "Send a valid API key in the X-API-Key header.") {
    super(401, "unauthorized", "Missing or invalid API key", detail);
  }
}
export class InsufficientFunds extends AppError {
  constructor(detail: string, extensions: Record<string, unknown> = {}) {
    super(402, "insufficient_funds", "Insufficient funds", detail, extensions);
  }
}
export class Forbidden extends AppError {
  constructor(detail: string) {
    super(403, "forbidden", "Forbidden", detail);
  }
}
export class NotFound extends AppError {
  constructor(detail: string, code = "not_found") {
    super(404, code, "Not found", detail);
  }
}
export class Conflict extends AppError {
  constructor(code: string, detail: string, extensions: Record<string, unknown> = {}) {
    super(409, code, "Conflict", detail, extensions);
  }
}
export class PayloadTooLarge extends AppError {
  constructor(detail: string) {
    super(413, "payload_too_large", "Payload too large", detail);
  }
}
export class Unprocessable extends AppError {
  constructor(code: string, detail: string, extensions: Record<string, unknown> = {}) {
    super(422, code, "Unprocessable", detail, extensions);
  }
}
export class RateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      "rate_limited",
      "Too many requests",
      `Rate limit exceeded. Retry after ${retryAfterSeconds} s.`,
      {
        retry_after_s: retryAfterSeconds,
      },
    );
  }
}
export class Unavailable extends AppError {
  constructor(
    detail: string,
    readonly retryAfterSeconds = 2,
    code = "unavailable",
  ) {
    super(503, code, "Service unavailable", detail, { retry_after_s: retryAfterSeconds });
  }
}
export class GatewayTimeout extends AppError {
  constructor(detail: string) {
    super(504, "timeout", "Timeout", detail);
  }
}
