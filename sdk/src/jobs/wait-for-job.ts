// Waiting for a job to finish: the results endpoint says where the job stands, the job's stream
// says at once when it ends (so the wait is not a poll interval late), and polling covers what
// the stream cannot: a socket that will not open, and the payment's settlement after the result.
import type { CoordinatorApi } from "../gen/coordinator/sdk.gen.js";
import type { JobResults, JobStatus } from "../gen/coordinator/types.gen.js";
import { AitbcError, JobWaitAbortedError, JobWaitTimeoutError } from "../errors.js";
import { streamJobEvents, type WebSocketFactory } from "./job-stream.js";
import { sleep } from "../timing/sleep.js";

export type { JobResults };

export interface WaitForJobOptions {
  /** Stop waiting (JobWaitAbortedError); the job itself goes on. */
  signal?: AbortSignal;
  /** Give up after this many ms (JobWaitTimeoutError); the job goes on. Default: no limit, the
   * job's own TTL ends it (`expired`). */
  timeoutMs?: number;
  /** `finished` (default): completed, failed, expired or cancelled. `settled`: also the payment
   * final on chain (`settled` or `refunded`, with its `tx_hash`). */
  until?: "finished" | "settled";
  /** Follow the job's WebSocket stream to learn of the end at once. Default true; false only
   * polls. */
  stream?: boolean;
  /** Between two reads of the results while the stream is not followed. Default 500 ms. */
  pollIntervalMs?: number;
  /** How to open the stream's socket (see streamJobEvents). */
  webSocket?: WebSocketFactory;
}

/** The parts of an AitbcClient a wait needs. */
export interface WaitClient {
  coordinator: Pick<CoordinatorApi, "getJobResults">;
  options: { coordinatorUrl: string; apiKey?: string };
}

const FINISHED: ReadonlySet<JobStatus> = new Set(["completed", "failed", "expired", "cancelled"]);

/** Resolves with the job's results once it has finished (see `until`). */
export async function waitForJob(
  client: WaitClient,
  jobId: string,
  options: WaitForJobOptions = {},
): Promise<JobResults> {
  const settings = checkOptions(jobId, options);
  const state: { jobId: string; lastStatus: JobStatus | undefined } = {
    jobId,
    lastStatus: undefined,
  };
  const { signal } = options;
  if (signal?.aborted) throw new JobWaitAbortedError(state, { cause: signal.reason });

  // One controller stops the request in flight, the stream and the pause alike; `stopped` says
  // which of the two limits fired, so the error is typed by the cause and not by what was cut.
  const stopper = new AbortController();
  let stopped: "timeout" | "aborted" | undefined;
  const onAbort = () => {
    stopped ??= "aborted";
    stopper.abort();
  };
  signal?.addEventListener("abort", onAbort, { once: true });
  const timer =
    settings.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          stopped ??= "timeout";
          stopper.abort();
        }, settings.timeoutMs);

  try {
    let streamed = !settings.stream;
    for (;;) {
      const results = await client.coordinator.getJobResults({
        path: { job_id: jobId },
        signal: stopper.signal,
      });
      state.lastStatus = results.status;
      if (isDone(results, settings.until)) return results;
      if (!streamed && !FINISHED.has(results.status)) {
        streamed = true;
        await followUntilResult(client, jobId, stopper.signal, options.webSocket);
        continue;
      }
      await sleep(settings.pollIntervalMs, stopper.signal);
      stopper.signal.throwIfAborted();
    }
  } catch (err) {
    if (stopped === "timeout")
      throw new JobWaitTimeoutError(state, settings.timeoutMs!, { cause: err });
    if (stopped === "aborted") throw new JobWaitAbortedError(state, { cause: signal?.reason });
    throw err;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

function isDone(results: JobResults, until: "finished" | "settled"): boolean {
  if (!FINISHED.has(results.status)) return false;
  return until === "finished" || results.payment.status !== "locked";
}

/** Returns after the stream's result event, or when the stream gives up (polling takes over). */
async function followUntilResult(
  client: WaitClient,
  jobId: string,
  signal: AbortSignal,
  webSocket: WebSocketFactory | undefined,
): Promise<void> {
  try {
    const events = streamJobEvents(jobId, { client, signal, maxReconnects: 3, webSocket });
    for await (const event of events) if (event.type === "result") return;
  } catch (err) {
    // A refusal (401, 403, 404) is the caller's to see; a socket that would not stay open is not.
    if (err instanceof AitbcError && err.status >= 400 && err.status < 500) throw err;
  }
}

function checkOptions(jobId: unknown, options: WaitForJobOptions) {
  if (typeof jobId !== "string" || !jobId)
    throw new TypeError("jobId: expected a non-empty string");
  const { timeoutMs, pollIntervalMs = 500, until = "finished", stream = true } = options;
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0))
    throw new TypeError(`timeoutMs: expected a positive number of milliseconds, got ${timeoutMs}`);
  if (!(Number.isFinite(pollIntervalMs) && pollIntervalMs > 0))
    throw new TypeError(
      `pollIntervalMs: expected a positive number of milliseconds, got ${pollIntervalMs}`,
    );
  if (until !== "finished" && until !== "settled")
    throw new TypeError(`until: expected "finished" or "settled", got ${String(until)}`);
  return { timeoutMs, pollIntervalMs, until, stream: stream !== false };
}
