// The one polling loop: ask, and ask again after a pause, until there is an answer or the time is
// up. What counts as an answer is the probe's business (anything but `undefined`), and so are
// the errors it chooses to let through.
import { sleep } from "./sleep.js";

export interface PollOptions {
  /** Give up after this many ms. */
  timeoutMs: number;
  /** The pause between two probes. Default 250 ms. */
  intervalMs?: number;
  /** What is waited for, for the timeout's message. */
  what?: string;
  /** Stops the wait: the signal's reason is thrown. */
  signal?: AbortSignal;
  /** The error to throw at the timeout, instead of a PollTimeoutError. */
  timeoutError?: () => Error;
}

export class PollTimeoutError extends Error {
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
  ) {
    super(`Timed out after ${timeoutMs / 1000} s waiting for ${what}.`);
    this.name = "PollTimeoutError";
  }
}

/** Calls `probe` until it returns something other than `undefined`, and returns that. */
export async function pollUntil<T>(
  probe: () => Promise<T | undefined>,
  options: PollOptions,
): Promise<T> {
  const until = Date.now() + options.timeoutMs;
  for (;;) {
    options.signal?.throwIfAborted();
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until)
      throw (
        options.timeoutError?.() ??
        new PollTimeoutError(options.what ?? "a condition", options.timeoutMs)
      );
    await sleep(options.intervalMs ?? 250, options.signal);
  }
}
