// The one place that sends HTTP requests for the SDK: it adds an Idempotency-Key to every POST
// (kept across retries, so a retried create returns the first result) and retries network errors,
// 429, 502, 503 and 504 with capped exponential backoff, honouring Retry-After.

export interface RequestSenderOptions {
  /** Retries after the first attempt. Default 2. */
  retries?: number;
  /** First backoff delay in ms. Default 150. */
  baseDelayMs?: number;
  /** Longest single wait in ms, Retry-After included. Default 5000. */
  maxDelayMs?: number;
  fetch?: typeof fetch;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

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
  const baseDelay = options.baseDelayMs ?? 150;
  const maxDelay = options.maxDelayMs ?? 5000;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

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
      try {
        response = await doFetch(current);
      } catch (err) {
        if (attempt >= retries || request.signal?.aborted) throw err;
        await sleep(backoff(attempt, baseDelay, maxDelay), request.signal);
        continue;
      }
      if (!RETRY_STATUSES.has(response.status) || attempt >= retries) return response;
      const retryAfter = Number(response.headers.get("Retry-After"));
      const wait =
        Number.isFinite(retryAfter) && retryAfter > 0
          ? Math.min(retryAfter * 1000, maxDelay)
          : backoff(attempt, baseDelay, maxDelay);
      await response.body?.cancel().catch(() => undefined);
      await sleep(wait, request.signal);
    }
  };
}

function backoff(attempt: number, base: number, max: number): number {
  const exp = base * 2 ** attempt;
  return Math.min(max, exp / 2 + Math.random() * (exp / 2));
}

function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
