// Sends a job's generated text to the coordinator as progress events without slowing the
// generation down: chunks produced while a request is in flight, or within `minIntervalMs` of the
// last one, are coalesced into the next event. A fast model makes thousands of tokens a second;
// one request per token would cost the coordinator (and, in one process, the generation itself)
// far more than the tokens are worth. Order is preserved, and flush() sends what is pending at
// once and resolves when everything pushed so far has been accepted.
import {
  ConflictError,
  NetworkError,
  ServerError,
  RateLimitError,
  backoffDelay,
  sleep,
} from "@aitbc/sdk";
import type { ProgressEvent } from "./coordinator-link.js";

const MAX_EVENT_TEXT = 65_536;
const MAX_EVENTS = 1000;

export interface ProgressStreamOptions {
  send(events: ProgressEvent[]): Promise<{ cancelled: boolean }>;
  /** The coordinator said the job was cancelled. */
  onCancelled(): void;
  /** The lease expired or moved (409): stop working on this job. */
  onLeaseLost(err: unknown): void;
  onError?(err: unknown): void;
  /** Least time between two progress requests of one job. Default 100 ms. */
  minIntervalMs?: number;
}

export interface ProgressStream {
  token(text: string): void;
  log(text: string): void;
  /** Resolves when every event pushed so far was sent (or the stream gave up). */
  flush(): Promise<void>;
  /** True once the lease was lost or the job cancelled; later events are dropped. */
  readonly stopped: boolean;
}

export function createProgressStream(options: ProgressStreamOptions): ProgressStream {
  const queue: ProgressEvent[] = [];
  let pump: Promise<void> | undefined;
  let stopped = false;
  const minInterval = options.minIntervalMs ?? 100;
  let lastSent = 0;
  let hurry: (() => void) | undefined;
  // Once the job's output is final, nothing is held back any more.
  let flushing = false;

  function enqueue(kind: ProgressEvent["kind"], text: string) {
    if (stopped || text === "") return;
    const last = queue[queue.length - 1];
    // Coalesce consecutive tokens: one event carries all text generated during a round trip.
    if (
      kind === "token" &&
      last?.kind === "token" &&
      last.text.length + text.length <= MAX_EVENT_TEXT
    ) {
      last.text += text;
    } else {
      for (let i = 0; i < text.length;) {
        let end = Math.min(i + MAX_EVENT_TEXT, text.length);
        // Never split a surrogate pair (an emoji) across two events.
        if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
        queue.push({ kind, text: text.slice(i, end) });
        i = end;
      }
    }
    pump ??= run().finally(() => (pump = undefined));
  }

  async function run() {
    let failures = 0;
    while (queue.length > 0 && !stopped) {
      const wait = lastSent + minInterval - Date.now();
      if (wait > 0 && !flushing) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, wait);
          function done() {
            clearTimeout(timer);
            hurry = undefined;
            resolve();
          }
          hurry = done;
        });
      }
      lastSent = Date.now();
      const batch = queue.splice(0, MAX_EVENTS);
      try {
        const res = await options.send(batch);
        failures = 0;
        if (res.cancelled) {
          stopped = true;
          options.onCancelled();
        }
      } catch (err) {
        if (err instanceof ConflictError) {
          stopped = true;
          options.onLeaseLost(err);
          return;
        }
        const transient =
          err instanceof NetworkError ||
          err instanceof ServerError ||
          err instanceof RateLimitError;
        options.onError?.(err);
        if (!transient || ++failures > 5) {
          // Progress is best effort; the result and receipt still go out with complete().
          return;
        }
        queue.unshift(...batch);
        await sleep(backoffDelay(failures, { baseMs: 200, maxMs: 6_400, jitter: false }));
      }
    }
  }

  return {
    token: (text) => enqueue("token", text),
    log: (text) => enqueue("log", text),
    async flush() {
      flushing = true;
      hurry?.();
      while (pump) await pump;
    },
    get stopped() {
      return stopped;
    },
  };
}
