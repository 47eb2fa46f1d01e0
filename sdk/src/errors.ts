// One error family for everything the SDK throws. The class is chosen from the problem's stable
// `code` first and its HTTP status second; callers branch on the class or on `code`, never on text.
import type { ProblemCode } from "./gen/problem-codes.gen.js";

/**
 * What `AitbcError.code` can be: a server's problem code, or one the SDK sets itself when there
 * is no problem body (`network_error`, `http_<status>`) or a wait gives up (`wait_timeout`,
 * `wait_aborted`). A server newer than this SDK may send a code that is not listed yet; it is
 * passed on as sent.
 */
export type ErrorCode =
  ProblemCode | "network_error" | "wait_timeout" | "wait_aborted" | `http_${number}` | "unknown";

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  instance?: string;
  request_id?: string;
  errors?: Array<{ field: string; message: string; code?: string }>;
  reasons?: Array<{ filter: string; message: string; excluded: string[] }>;
  retry_after_s?: number;
  [extension: string]: unknown;
}

export class AitbcError extends Error {
  override readonly name: string = "AitbcError";
  /** Stable machine-readable code, for example `insufficient_funds`. */
  readonly code: ErrorCode;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly requestId: string | undefined;
  /** The problem+json body as received (or a synthesized one for network errors). */
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails, status: number, options?: { cause?: unknown }) {
    super(problem.detail ?? problem.title ?? `request failed with status ${status}`, options);
    this.code = (problem.code ?? "unknown") as ErrorCode;
    this.status = status;
    this.requestId = problem.request_id;
    this.problem = problem;
  }
}

/** 400: the request names a bad field; nothing changed. */
export class ValidationError extends AitbcError {
  override readonly name = "ValidationError";
  get fieldErrors() {
    return this.problem.errors ?? [];
  }
}
/** 401: missing or invalid API key. */
export class AuthenticationError extends AitbcError {
  override readonly name = "AuthenticationError";
}
/** 402: not enough AITBC for this budget or transfer. */
export class InsufficientFundsError extends AitbcError {
  override readonly name = "InsufficientFundsError";
}
/** 403: the key is valid but its role may not do this. */
export class PermissionError extends AitbcError {
  override readonly name = "PermissionError";
}
/** 404: no such object, or it belongs to another tenant. */
export class NotFoundError extends AitbcError {
  override readonly name = "NotFoundError";
}
/** 409: the object's state does not allow this (duplicate id, lost lease, reused idempotency key). */
export class ConflictError extends AitbcError {
  override readonly name = "ConflictError";
}
/** 413: the body is over the size limit. */
export class PayloadTooLargeError extends AitbcError {
  override readonly name = "PayloadTooLargeError";
}
/** 422: understood but cannot be carried out; `reasons` explains a failed match. */
export class UnprocessableError extends AitbcError {
  override readonly name = "UnprocessableError";
  get reasons() {
    return this.problem.reasons ?? [];
  }
}
/** 429: slow down; `retryAfterSeconds` says for how long. */
export class RateLimitError extends AitbcError {
  override readonly name = "RateLimitError";
  get retryAfterSeconds(): number | undefined {
    return this.problem.retry_after_s;
  }
}
/** 5xx: the server failed. */
export class ServerError extends AitbcError {
  override readonly name: string = "ServerError";
}
/** 503/504: a dependency is down or slow; retrying later may work. */
export class UnavailableError extends ServerError {
  override readonly name = "UnavailableError";
}
/** No HTTP response at all: connection refused, DNS, reset, abort. */
export class NetworkError extends AitbcError {
  override readonly name = "NetworkError";
}

/** What a wait for a job gave up on: the job itself goes on (cancel it with `cancelJob`). */
interface JobWaitState {
  jobId: string;
  /** The job's status at the last answer, or undefined when none arrived. */
  lastStatus: string | undefined;
}

/** `waitForJob` reached its `timeoutMs` before the job finished. */
export class JobWaitTimeoutError extends AitbcError implements JobWaitState {
  override readonly name = "JobWaitTimeoutError";
  readonly jobId: string;
  readonly lastStatus: string | undefined;
  constructor(state: JobWaitState, timeoutMs: number, options?: { cause?: unknown }) {
    super(
      {
        code: "wait_timeout",
        title: "Timed out waiting for the job",
        detail: `Job ${state.jobId} did not finish within ${timeoutMs} ms (last status: ${state.lastStatus ?? "unknown"}); it goes on.`,
      },
      0,
      options,
    );
    this.jobId = state.jobId;
    this.lastStatus = state.lastStatus;
  }
}

/** `waitForJob` was stopped through its AbortSignal; `cause` is the signal's reason. */
export class JobWaitAbortedError extends AitbcError implements JobWaitState {
  override readonly name = "JobWaitAbortedError";
  readonly jobId: string;
  readonly lastStatus: string | undefined;
  constructor(state: JobWaitState, options?: { cause?: unknown }) {
    super(
      {
        code: "wait_aborted",
        title: "Stopped waiting for the job",
        detail: `The wait for job ${state.jobId} was aborted (last status: ${state.lastStatus ?? "unknown"}); the job goes on.`,
      },
      0,
      options,
    );
    this.jobId = state.jobId;
    this.lastStatus = state.lastStatus;
  }
}

type ErrorClass = new (
  problem: ProblemDetails,
  status: number,
  options?: { cause?: unknown },
) => AitbcError;

const BY_CODE: Partial<Record<ErrorCode, ErrorClass>> = {
  validation_failed: ValidationError,
  invalid_json: ValidationError,
  unauthorized: AuthenticationError,
  insufficient_funds: InsufficientFundsError,
  forbidden: PermissionError,
  not_found: NotFoundError,
  rate_limited: RateLimitError,
  payload_too_large: PayloadTooLargeError,
  unavailable: UnavailableError,
  network_error: NetworkError,
};

function classForStatus(status: number): ErrorClass {
  if (status === 400) return ValidationError;
  if (status === 401) return AuthenticationError;
  if (status === 402) return InsufficientFundsError;
  if (status === 403) return PermissionError;
  if (status === 404) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 413) return PayloadTooLargeError;
  if (status === 422) return UnprocessableError;
  if (status === 429) return RateLimitError;
  if (status === 503 || status === 504) return UnavailableError;
  if (status >= 500) return ServerError;
  return AitbcError;
}

/** The one factory: picks the error class for a problem body and status. */
export function errorFromProblem(body: unknown, status: number, cause?: unknown): AitbcError {
  // A copy, so that the caller's object is not changed when a missing code is filled in.
  const problem: ProblemDetails =
    body && typeof body === "object" && !Array.isArray(body)
      ? { ...(body as ProblemDetails) }
      : { title: typeof body === "string" && body ? body.slice(0, 200) : `HTTP ${status}`, status };
  if (typeof problem.code !== "string" || !problem.code)
    problem.code = status ? `http_${status}` : "network_error";
  // Own properties only: a server's code such as "constructor" must not pick Object's members.
  const cls = Object.hasOwn(BY_CODE, problem.code)
    ? BY_CODE[problem.code as ErrorCode]!
    : classForStatus(status);
  return new cls(problem, status, cause === undefined ? undefined : { cause });
}

export function networkError(cause: unknown, url?: string): NetworkError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new NetworkError(
    {
      code: "network_error",
      title: "Network error",
      detail: `Could not reach ${url ?? "the server"}: ${message}. Is the service running (npx aitbc health)?`,
    },
    0,
    { cause },
  );
}
