// The one pause of the SDK and of everything built on it.

/**
 * Resolves after `ms`, or at once (without throwing) when the signal aborts, so a stopping loop
 * wakes up and sees its own stop condition. A caller that must fail on abort follows it with
 * `signal.throwIfAborted()`.
 */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
