import { pollUntil } from "@aitbc/sdk";

/** Polls `check` until it returns a value other than undefined/false, or fails after the deadline. */
export async function until<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  let lastError: unknown;
  return pollUntil(
    async () => {
      try {
        const v = await check();
        return v === undefined || v === false ? undefined : v;
      } catch (err) {
        lastError = err;
        return undefined;
      }
    },
    {
      timeoutMs,
      intervalMs: 50,
      timeoutError: () =>
        new Error(
          `timed out after ${timeoutMs} ms waiting for ${what}` +
            (lastError ? ` (last error: ${(lastError as Error).message})` : ""),
        ),
    },
  );
}
