// The run loop the settlement workers share: one run at a time, a kick during a run runs it once
// more right after (so a change made meanwhile is not left waiting for the next tick), a timer
// that kicks it when nothing else does, and a stop that waits for the current run. Also the claim
// a worker holds on what it works on, renewed while it works, and the delay before a retry.
import { backoffDelay } from "@aitbc/sdk";

const MAX_BACKOFF_MS = 60_000;

export class WorkerLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly run: () => Promise<void>,
    /** A run that threw: logged, and the next kick runs again. */
    private readonly onError: (err: unknown) => void,
  ) {}

  get started(): boolean {
    return this.timer !== undefined;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  start(pollIntervalMs: number): void {
    this.timer = setInterval(() => this.kick(), pollIntervalMs);
    this.timer.unref();
    this.kick();
  }

  /** Runs now (or again right after the current run). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run()
      .catch(this.onError)
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}

export interface HeldClaim {
  /** Stops renewing; resolves once a renewal under way has been written. */
  stop(): Promise<void>;
}

/**
 * Keeps a claim alive while it is worked on: every third of `claimMs`, one at a time, `renew`
 * pushes it to `claimMs` from now, so the claim never lapses under a slow step; a worker killed
 * mid-way lets it lapse within `claimMs`. A failed renewal goes to `onError` (the next may work).
 * Stop it before writing the outcome.
 */
export function holdClaim(
  claimMs: number,
  renew: (until: string) => Promise<void>,
  onError: (err: unknown) => void,
): HeldClaim {
  let renewing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renewing
      .then(() => renew(new Date(Date.now() + claimMs).toISOString()))
      .catch(onError);
  }, claimMs / 3);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await renewing;
    },
  };
}

/** How long a failed attempt waits before the next: doubling from `baseMs`, at most a minute. */
export function retryDelay(attempts: number, baseMs: number): number {
  return backoffDelay(attempts - 1, { baseMs, maxMs: MAX_BACKOFF_MS, jitter: false });
}
