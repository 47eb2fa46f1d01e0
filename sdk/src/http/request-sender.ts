// The one place that sends HTTP requests for the SDK: it adds an Idempotency-Key to every POST
// (kept across retries, so a retried create returns the first result) and retries network errors,
// 429, 502, 503 and 504 with capped exponential backoff, honouring Retry-After. An attempt that
// gets no answer within the timeout (80 s by default, as stripe's) is given up and retried like a
// dropped connection; the caller's AbortSignal stops everything at once.
import { backoffDelay } from "../timing/backoff.js";
import { sleep } from "../timing/sleep.js";

export interface RequestSenderOptions {
  /** Retries after the first attempt. Default 2. */
  retries?: number;
  /** First backoff delay in ms. Default 150. */
  baseDelayMs?: number;
  /** Longest single wait in ms, Retry-After included. Default 5000. */
  maxDelayMs?: number;
  /**
   * How long one attempt may wait for the response headers, in ms; 0 waits forever. Default
   * 80000. For one call only, pass `signal: AbortSignal.timeout(ms)` to that call.
   */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const DEFAULT_TIMEOUT_MS = 80_000;

export function newIdempotencyKey(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // Browsers offer randomUUID only in secure contexts (https, localhost); a web page opened over
  // plain http on a LAN address still has getRandomValues, so build the same version-4 UUID.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function createRequestSender(options: RequestSenderOptions = {}): typeof fetch {
  const retries = options.retries ?? 2;
  const maxDelay = options.maxDelayMs ?? 5000;
  const policy = { baseMs: options.baseDelayMs ?? 150, maxMs: maxDelay };
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 0)
    throw new RangeError(`timeoutMs must be a whole number of ms (0 for none), got ${timeoutMs}`);

  return async function send(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    let request = new Request(input, init);
    if (request.method === "POST" && !request.headers.has("Idempotency-Key")) {
      const headers = new Headers(request.headers);
      headers.set("Idempotency-Key", newIdempotencyKey());
      request = new Request(request, { headers });
    }
    for (let attempt = 0; ; attempt++) {
      const current = attempt < retries ? request.clone() : request;
      let response: Response;
      const attemptTimeout = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
      try {
        response = await doFetch(
          attemptTimeout
            ? new Request(current, { signal: AbortSignal.any([request.signal, attemptTimeout]) })
            : current,
        );
      } catch (cause) {
        if (request.signal?.aborted) throw cause;
        const err = attemptTimeout?.aborted
          ? new Error(
              `no answer within ${timeoutMs} ms (the SDK's request timeout, http.timeoutMs)`,
              {
                cause,
              },
            )
          : cause;
        if (attempt >= retries) throw err;
        await sleep(backoffDelay(attempt, policy), request.signal);
        request.signal?.throwIfAborted();
        continue;
      }
      if (!RETRY_STATUSES.has(response.status) || attempt >= retries) return response;
      const retryAfter = Number(response.headers.get("Retry-After"));
      const wait =
        Number.isFinite(retryAfter) && retryAfter > 0
          ? Math.min(retryAfter * 1000, maxDelay)
          : backoffDelay(attempt, policy);
      await response.body?.cancel().catch(() => undefined);
      await sleep(wait, request.signal);
      request.signal?.throwIfAborted();
    }
  };
}
