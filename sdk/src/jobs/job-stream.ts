// The customer's live view of a job: a WebSocket to /v1/jobs/{job_id}/stream that yields the
// job's events in seq order, resumes from the last seq it saw after a dropped connection, and ends
// after the final `result` event. Runs in browsers (global WebSocket, key in the `api_key` query
// parameter because browsers cannot set headers) and in Node 20 (the `ws` package, key in the
// X-API-Key header so it stays out of URLs and logs). The `#web-socket` import of package.json
// picks the default socket: web-socket-browser.ts in a browser bundle, web-socket-node.ts elsewhere.
import type {
  JobProgressEvent,
  JobResultEvent,
  JobStatusEvent,
} from "../gen/events/job-stream.gen.js";
import { errorFromProblem, type AitbcError } from "../errors.js";
import { defaultWebSocketFactory } from "#web-socket";
import { defaultUrls } from "../ports.js";
import { backoffDelay } from "../timing/backoff.js";
import { sleep } from "../timing/sleep.js";
import type { WebSocketFactory, WebSocketLike } from "./web-socket-like.js";

export type JobEvent = JobStatusEvent | JobProgressEvent | JobResultEvent;
export type { JobProgressEvent, JobResultEvent, JobStatusEvent };

export type { WebSocketFactory, WebSocketLike };

export interface JobStreamOptions {
  /** Coordinator base URL (http or https); default the local stack's coordinator. */
  coordinatorUrl?: string;
  apiKey?: string;
  /** Resume after this sequence number (0 = from the start). */
  lastSeq?: number;
  /** Reconnect after a dropped connection, resuming from the last seq. Default true. */
  reconnect?: boolean;
  /** Consecutive failed connection attempts before giving up. Default 8. */
  maxReconnects?: number;
  /** First reconnect delay in ms (doubles, capped at 5 s). Default 200. */
  reconnectDelayMs?: number;
  signal?: AbortSignal;
  /** How to open a socket; default: global WebSocket in browsers, the `ws` package in Node. */
  webSocket?: WebSocketFactory;
}

/** Close codes the coordinator uses to refuse a subscription: 4000 + the HTTP status. */
export const STREAM_CLOSE_CODES = {
  badRequest: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  notFound: 4404,
  internalError: 4500,
} as const;

export interface JobStream extends AsyncIterable<JobEvent> {
  /** The last sequence number delivered to the caller (pass it as `lastSeq` to resume later). */
  readonly lastSeq: number;
  /** Stops the stream; a pending iteration ends. */
  close(): void;
}

/** The coordinator URL and API key of an AitbcClient, so `streamJobEvents(id, { client })` works. */
interface ClientLike {
  options: { coordinatorUrl: string; apiKey?: string };
}

export function jobStreamUrl(coordinatorUrl: string, jobId: string, lastSeq: number): string {
  const url = new URL(
    `/v1/jobs/${encodeURIComponent(jobId)}/stream`,
    coordinatorUrl.replace(/\/+$/, "") + "/",
  );
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  if (lastSeq > 0) url.searchParams.set("last_seq", String(lastSeq));
  return url.toString();
}

/**
 * Streams a job's events. Iterate with `for await`; the loop ends after the `result` event.
 * Refusals (bad key, unknown job) throw the SDK's typed errors (AuthenticationError,
 * NotFoundError, …) and are not retried; dropped connections are resumed from the last seq.
 */
export function streamJobEvents(
  jobId: string,
  options: JobStreamOptions & { client?: ClientLike } = {},
): JobStream {
  if (typeof jobId !== "string" || !jobId)
    throw new TypeError("jobId: expected a non-empty string");
  const coordinatorUrl =
    options.coordinatorUrl ?? options.client?.options.coordinatorUrl ?? defaultUrls().coordinator;
  const apiKey = options.apiKey ?? options.client?.options.apiKey;
  const reconnect = options.reconnect ?? true;
  const maxReconnects = options.maxReconnects ?? 8;
  const baseDelay = options.reconnectDelayMs ?? 200;
  const factory = options.webSocket ?? defaultWebSocketFactory;

  let lastSeq = Math.max(0, Math.floor(options.lastSeq ?? 0));
  let closed = false;
  let socket: WebSocketLike | undefined;
  const queue: JobEvent[] = [];
  let failure: unknown;
  let finished = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  const stop = () => {
    closed = true;
    socket?.close(1000, "client closed");
    notify();
  };
  options.signal?.addEventListener("abort", stop, { once: true });

  async function run(): Promise<void> {
    let failures = 0;
    while (!closed && !finished) {
      const outcome = await connectOnce();
      if (outcome.kind === "finished" || closed) return;
      if (outcome.kind === "refused") {
        failure = outcome.error;
        return;
      }
      if (outcome.progressed) failures = 0;
      else failures++;
      if (!reconnect || failures > maxReconnects) {
        failure =
          outcome.error ??
          errorFromProblem(
            {
              code: "network_error",
              title: "Stream closed",
              detail: `The job stream closed (code ${outcome.code}) before the result event.`,
            },
            0,
          );
        return;
      }
      await sleep(
        backoffDelay(Math.max(0, failures - 1), { baseMs: baseDelay, maxMs: 5000, jitter: false }),
        options.signal,
      );
    }
  }

  type Outcome =
    | { kind: "finished" }
    | { kind: "refused"; error: AitbcError }
    | { kind: "dropped"; code: number; progressed: boolean; error?: unknown };

  function connectOnce(): Promise<Outcome> {
    return new Promise((resolve) => {
      let progressed = false;
      let ws: WebSocketLike;
      try {
        const url = jobStreamUrl(coordinatorUrl, jobId, lastSeq);
        ws = factory(url, apiKey ? { "X-API-Key": apiKey } : {});
      } catch (err) {
        resolve({ kind: "dropped", code: 0, progressed, error: err });
        return;
      }
      socket = ws;
      ws.onmessage = (ev) => {
        const event = parseEvent(ev.data);
        if (!event || event.seq <= lastSeq) return; // duplicates after a resume are dropped
        lastSeq = event.seq;
        progressed = true;
        queue.push(event);
        if (event.type === "result") finished = true;
        notify();
      };
      ws.onerror = () => undefined; // the close event follows and carries the outcome
      ws.onclose = (ev) => {
        socket = undefined;
        // 1000 from the server means "no more events" (the result was sent, or the job ended
        // before last_seq); anything else (1001 restart, 1006 drop) is worth a reconnect.
        if (finished || ev.code === 1000) {
          finished = true;
          return resolve({ kind: "finished" });
        }
        const refusal = refusalError(ev.code, ev.reason);
        if (refusal) return resolve({ kind: "refused", error: refusal });
        resolve({ kind: "dropped", code: ev.code, progressed });
      };
    });
  }

  const done = run().then(
    () => notify(),
    (err) => {
      failure = err;
      notify();
    },
  );
  void done;

  return {
    get lastSeq() {
      return lastSeq;
    },
    close: stop,
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          const next = queue.shift();
          if (next) {
            yield next;
            if (next.type === "result") return;
            continue;
          }
          if (failure) throw failure;
          if (closed || finished) return;
          await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        stop();
      }
    },
  };
}

function parseEvent(data: unknown): JobEvent | undefined {
  let text: string;
  if (typeof data === "string") text = data;
  else if (data instanceof ArrayBuffer) text = new TextDecoder().decode(data);
  else if (ArrayBuffer.isView(data)) text = new TextDecoder().decode(data as Uint8Array);
  else return undefined;
  try {
    const v = JSON.parse(text) as JobEvent;
    if (typeof v?.seq !== "number" || !Number.isInteger(v.seq) || v.seq < 1) return undefined;
    if (v.type !== "status" && v.type !== "progress" && v.type !== "result") return undefined;
    return v;
  } catch {
    return undefined;
  }
}

function refusalError(code: number, reason: string): AitbcError | undefined {
  if (code < 4400 || code > 4599) return undefined;
  const status = code - 4000;
  if (status >= 500) return undefined; // a server error: worth a reconnect
  let problemCode = reason;
  let detail: string | undefined;
  try {
    const parsed = JSON.parse(reason) as { code?: string; detail?: string };
    problemCode = parsed.code ?? "";
    detail = parsed.detail;
  } catch {
    // plain-text reason: the problem code itself
  }
  return errorFromProblem(
    { code: problemCode || `http_${status}`, status, title: "Stream refused", detail },
    status,
  );
}
