// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.

export type ClientOptions = {
    baseUrl: 'http://127.0.0.1:23000' | (string & {});
};

/**
 * Health
 */
export type Health = {
    status: 'ok' | 'degraded';
    service: string;
    version: string;
    /**
     * Per-dependency status, for example `database`, `chain`.
     */
    checks?: {
        [key: string]: 'ok' | 'degraded' | 'down';
    };
    [key: string]: unknown;
};

/**
 * FieldError
 */
export type FieldError = {
    /**
     * Where the bad value is, for example `body.budget.max_cost` or `query.limit`.
     */
    field: string;
    message: string;
    code?: string;
};

/**
 * MatchReason
 *
 * One filter of the matcher and the services it excluded.
 */
export type MatchReason = {
    /**
     * The filter that excluded the services, for example `model`, `max_price`, `availability`, `online_miner`, `budget`.
     */
    filter: string;
    message: string;
    /**
     * The ids of the services this filter excluded.
     */
    excluded: Array<string>;
};

/**
 * Problem
 *
 * An RFC 9457 problem details object. Every 4xx/5xx response of every AITBC service uses it,
 * served as `application/problem+json`. Clients branch on `code` (stable, snake_case), never on
 * `title` or `detail`, which are for humans. See `spec/common/problem-codes.md` for the registry.
 *
 */
export type Problem = {
    /**
     * A URI reference that identifies the problem type.
     */
    type: string;
    /**
     * A short, human-readable summary of the problem type.
     */
    title: string;
    /**
     * The HTTP status code of this occurrence.
     */
    status: number;
    /**
     * Stable machine-readable problem code.
     */
    code: string;
    /**
     * A human-readable explanation of this occurrence, saying what to do next.
     */
    detail?: string;
    /**
     * The request path of this occurrence.
     */
    instance?: string;
    /**
     * The request id, also returned in the `X-Request-Id` header.
     */
    request_id?: string;
    /**
     * Field-level errors for `validation_failed`.
     */
    errors?: Array<FieldError>;
    /**
     * Why nothing matched, for `no_matching_service` (which filter excluded which services).
     */
    reasons?: Array<MatchReason>;
    /**
     * For `rate_limited` and `unavailable`, seconds to wait before retrying.
     */
    retry_after_s?: number;
    [key: string]: unknown;
};

export type GetHealthData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/v1/health';
};

export type GetHealthErrors = {
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type GetHealthError = GetHealthErrors[keyof GetHealthErrors];

export type GetHealthResponses = {
    /**
     * The service is up.
     */
    200: Health;
};

export type GetHealthResponse = GetHealthResponses[keyof GetHealthResponses];
