import { eventually } from "@aitbc/server-lib/testing";

/** Polls `check` until it returns a value other than undefined/false, or fails after the deadline. */
export function until<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  return eventually(check, what, timeoutMs, 50);
}
