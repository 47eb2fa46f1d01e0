// The one error factory: the class comes from the problem's stable code first and its status
// second; callers never need to read the message.
import { describe, expect, expectTypeOf, it } from "vitest";
import { PROBLEM_CODES, TX_REJECT_REASONS } from "../src/gen/problem-codes.gen.js";
import {
  AitbcError,
  AuthenticationError,
  ConflictError,
  errorFromProblem,
  InsufficientFundsError,
  NetworkError,
  networkError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionError,
  RateLimitError,
  ServerError,
  UnavailableError,
  UnprocessableError,
  ValidationError,
  type ErrorCode,
} from "../src/errors.js";

const problem = (status: number, code?: string, extra: Record<string, unknown> = {}) => ({
  type: `https://aitbc.dev/problems/${code}`,
  title: "t",
  status,
  ...(code ? { code } : {}),
  ...extra,
});

describe("errorFromProblem", () => {
  it.each([
    [400, "validation_failed", ValidationError],
    [400, "invalid_json", ValidationError],
    [401, "unauthorized", AuthenticationError],
    [402, "insufficient_funds", InsufficientFundsError],
    [403, "forbidden", PermissionError],
    [404, "not_found", NotFoundError],
    [409, "already_exists", ConflictError],
    [409, "lease_lost", ConflictError],
    [409, "idempotency_key_reused", ConflictError],
    [413, "payload_too_large", PayloadTooLargeError],
    [422, "no_matching_service", UnprocessableError],
    [422, "tx_rejected", UnprocessableError],
    [429, "rate_limited", RateLimitError],
    [500, "internal_error", ServerError],
    [503, "unavailable", UnavailableError],
    [504, "timeout", UnavailableError],
    [405, "method_not_allowed", AitbcError],
  ])("%i %s → %s", (status, code, cls) => {
    const err = errorFromProblem(problem(status, code), status);
    expect(err).toBeInstanceOf(cls);
    expect(err).toBeInstanceOf(AitbcError);
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe(code);
    expect(err.status).toBe(status);
    expect(err.name).toBe(cls.name);
  });

  it("trusts the code over the status", () => {
    expect(errorFromProblem(problem(422, "insufficient_funds"), 422)).toBeInstanceOf(
      InsufficientFundsError,
    );
  });

  it("falls back to the status for a body without a code, and says so in the code", () => {
    const err = errorFromProblem({ title: "Not here" }, 404);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.code).toBe("http_404");
  });

  it("handles bodies that are not problems", () => {
    const text = errorFromProblem("<html>Bad Gateway</html>", 502);
    expect(text).toBeInstanceOf(ServerError);
    expect(text.problem.title).toBe("<html>Bad Gateway</html>");
    expect(errorFromProblem(undefined, 500).message).toBe("HTTP 500");
    expect(errorFromProblem([1, 2], 400)).toBeInstanceOf(ValidationError);
    expect(errorFromProblem({ code: 42 }, 403)).toBeInstanceOf(PermissionError);
  });

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
    "is not fooled by the code %j",
    (code) => {
      const err = errorFromProblem(problem(400, code), 400);
      expect(err).toBeInstanceOf(ValidationError);
      expect(err.code).toBe(code);
    },
  );

  it("keeps the details callers use: field errors, match reasons, retry delay, request id", () => {
    const validation = errorFromProblem(
      problem(400, "validation_failed", {
        detail: "body.budget.max_cost must be greater than 0.",
        request_id: "req-1",
        errors: [{ field: "body.budget.max_cost", message: "must be > 0" }],
      }),
      400,
    ) as ValidationError;
    expect(validation.fieldErrors).toEqual([
      { field: "body.budget.max_cost", message: "must be > 0" },
    ]);
    expect(validation.requestId).toBe("req-1");
    expect(validation.message).toBe("body.budget.max_cost must be greater than 0.");
    const reasons = [
      { filter: "model", message: "no service serves llama3", excluded: ["gpu-compute-001"] },
    ];
    const unprocessable = errorFromProblem(
      problem(422, "no_matching_service", { reasons }),
      422,
    ) as UnprocessableError;
    expect(unprocessable.reasons).toEqual(reasons);
    const limited = errorFromProblem(
      problem(429, "rate_limited", { retry_after_s: 3 }),
      429,
    ) as RateLimitError;
    expect(limited.retryAfterSeconds).toBe(3);
  });

  it("does not change the body it was given", () => {
    const body = { title: "x" };
    errorFromProblem(body, 404);
    expect(body).toEqual({ title: "x" });
  });
});

describe("networkError", () => {
  it("is a NetworkError with status 0 that keeps its cause and says where", () => {
    const cause = new TypeError("fetch failed");
    const err = networkError(cause, "http://127.0.0.1:18000/v1/health");
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.status).toBe(0);
    expect(err.code).toBe("network_error");
    expect(err.cause).toBe(cause);
    expect(err.message).toContain("http://127.0.0.1:18000/v1/health");
  });
});

describe("problem codes from the spec", () => {
  it("every documented code picks the error class of its documented status", () => {
    const expected: Record<number, string> = {
      400: "ValidationError",
      401: "AuthenticationError",
      402: "InsufficientFundsError",
      403: "PermissionError",
      404: "NotFoundError",
      409: "ConflictError",
      413: "PayloadTooLargeError",
      422: "UnprocessableError",
      429: "RateLimitError",
      503: "UnavailableError",
      504: "UnavailableError",
    };
    const codes = Object.entries(PROBLEM_CODES);
    expect(codes.length).toBeGreaterThan(20);
    for (const [code, status] of codes) {
      const err = errorFromProblem({ code, status }, status);
      expect(err.code).toBe(code);
      expect(err.name, code).toBe(
        expected[status] ?? (status >= 500 ? "ServerError" : "AitbcError"),
      );
    }
    expect(TX_REJECT_REASONS).toContain("nonce_gap");
  });

  it("types err.code, so a misspelt code does not compile", () => {
    const err = errorFromProblem({ code: "insufficient_funds" }, 402);
    expectTypeOf(err.code).toEqualTypeOf<ErrorCode>();
    expectTypeOf<"insufficient_funds">().toExtend<ErrorCode>();
    // @ts-expect-error there is no such code
    void (err.code === "insufficent_funds");
  });
});
