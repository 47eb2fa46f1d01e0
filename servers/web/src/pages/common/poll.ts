// Repeats a refresh until the view goes away. The next run waits for the previous one, so a slow
// API never piles up requests.
import { sleep } from "@aitbc/sdk";

export function every(
  ms: number,
  run: () => Promise<unknown>,
  signal: AbortSignal,
  onError?: (err: unknown) => void,
): void {
  const loop = async () => {
    while (!signal.aborted) {
      try {
        await run();
      } catch (err) {
        if (signal.aborted) return;
        onError?.(err);
      }
      await sleep(ms, signal);
    }
  };
  void loop();
}
