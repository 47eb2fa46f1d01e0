import { pollUntil as poll } from "@aitbc/sdk";

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
