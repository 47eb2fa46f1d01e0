// The examples' output: phase headers, steps, and checks that stop the run when they fail, so
// "completed successfully" is printed only when every check passed.
import { pollUntil } from "@aitbc/sdk";

export interface Reporter {
  /** A line on its own (headlines). */
  say(text: string): void;
  phase(title: string): void;
  step(text: string): void;
  detail(text: string): void;
  check(ok: boolean, what: string, details?: string): void;
}

export class CheckFailed extends Error {
  override readonly name = "CheckFailed";
}

export function consoleReporter(
  write: (line: string) => void = (l) => console.log(l),
): Reporter & { checks: number } {
  const r = {
    checks: 0,
    say(text: string) {
      write(text);
    },
    phase(title: string) {
      write("");
      write(`━━ ${title}`);
    },
    step(text: string) {
      write(`   ${text}`);
    },
    detail(text: string) {
      write(`      ${text}`);
    },
    check(ok: boolean, what: string, details?: string) {
      r.checks++;
      write(`   ${ok ? "✓" : "✗"} ${what}${details ? ` (${details})` : ""}`);
      if (!ok) throw new CheckFailed(`Check failed: ${what}${details ? ` (${details})` : ""}`);
    },
  };
  return r;
}

/** A short random suffix, so the examples can run again and again against the same stack. */
export function runId(): string {
  return Math.random().toString(16).slice(2, 8);
}

/** Polls `probe` until it returns a value, or fails with `what` after `timeoutMs`. */
export function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  everyMs = 250,
): Promise<T> {
  return pollUntil(probe, { what, timeoutMs, intervalMs: everyMs });
}
