// Time-driven job changes: a lease that expired puts its job back in the queue (or fails it after
// too many lost leases), a job past its TTL expires with a refund, and a job whose create never
// finished (a crash between the escrow lock and the queue) has its escrow reclaimed.
import type { Logger } from "@aitbc/server-lib";
import type { JobStore, JobSweepQueries } from "./job-store.js";
import type { OutboxStore } from "../settlement/outbox-store.js";
import { reclaimRecord } from "../settlement/outbox-records.js";
import type { Transactions } from "../store/transactions.js";
import type { JobTransitions } from "./job-transitions.js";
import { refundChange } from "./terminal.js";
import { requeueChange } from "./requeue.js";

const BATCH = 100;
/** A create waits for the escrow lock to be included; after this long it is certainly over. */
const PENDING_GRACE_MS = 10 * 60_000;

export interface SweeperSettings {
  maxAttempts: number;
  intervalMs: number;
}

export class JobSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly transactions: Transactions,
    private readonly jobs: JobStore & JobSweepQueries,
    private readonly outbox: OutboxStore,
    private readonly transitions: JobTransitions,
    private readonly onSettle: () => void,
    private readonly settings: SweeperSettings,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((err) => this.logger.error({ err }, "job sweep failed"))
        .finally(() => (this.running = undefined));
    }, this.settings.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async sweep(): Promise<void> {
    const now = new Date().toISOString();
    for (const jobId of await this.jobs.idsWithExpiredLease(now, BATCH)) {
      await this.transitions.change(jobId, (job) => {
        const at = new Date().toISOString();
        if (
          !job ||
          (job.status !== "assigned" && job.status !== "running") ||
          !job.leaseExpiresAt ||
          job.leaseExpiresAt >= at
        )
          return { result: () => undefined };
        if (job.attempts >= this.settings.maxAttempts) {
          return {
            change: refundChange(job, "failed", "lease_expired", {
              code: "lease_expired",
              message: `The job lost its lease ${job.attempts} times (miners stopped heartbeating).`,
            }),
            result: () => undefined,
          };
        }
        return { change: requeueChange(job, "lease_expired"), result: () => undefined };
      });
    }
    for (const jobId of await this.jobs.idsPastTtl(now, BATCH)) {
      await this.transitions.change(jobId, (job) => {
        const at = new Date().toISOString();
        if (!job || !["queued", "assigned", "running"].includes(job.status) || job.expiresAt > at)
          return { result: () => undefined };
        return { change: refundChange(job, "expired", "ttl_expired"), result: () => undefined };
      });
    }
    const stale = new Date(Date.now() - PENDING_GRACE_MS).toISOString();
    for (const jobId of await this.jobs.pendingOlderThan(stale, BATCH)) {
      const job = await this.jobs.byId(jobId);
      if (!job || job.status !== "pending") continue;
      const at = new Date().toISOString();
      await this.transactions.run(async (tx) => {
        await this.outbox.insert(tx, reclaimRecord(job, at));
        await this.jobs.deleteIfPending(tx, jobId);
      });
      this.logger.warn({ job_id: jobId }, "abandoned job create: reclaiming its escrow");
      this.onSettle();
    }
  }
}
