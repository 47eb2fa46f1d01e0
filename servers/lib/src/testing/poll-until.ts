// The servers' suites wait for a state with these, built on the SDK's one polling loop, instead of
// writing the loop again (or sleeping a guessed time).
import { pollUntil as poll } from "@aitbc/sdk";

/**
 * Polls until `check` returns a value (not undefined/false) and returns it; errors it throws
 * count as "not yet" and the last one is named if the deadline passes.
 */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 10_000,
  intervalMs = 25,
): Promise<T> {
  let last: unknown;
  return poll(
    async () => {
      try {
        const v = await check();
        return v === undefined || v === false ? undefined : v;
      } catch (err) {
        last = err;
        return undefined;
      }
    },
    {
      timeoutMs,
      intervalMs,
      timeoutError: () =>
        new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`),
    },
  );
}

/** Waits until `check` holds, polling every 50 ms; fails naming `what` after `timeoutMs`. */
export async function pollUntil(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  await poll(async () => ((await check()) ? true : undefined), {
    timeoutMs,
    intervalMs: 50,
    timeoutError: () => new Error(`timed out waiting for ${what}`),
  });
}
