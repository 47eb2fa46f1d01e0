// Every change of a job's state goes through here: one transaction that locks the job's row,
// applies the change, appends its events with the next sequence numbers and, for terminal states,
// writes the release or refund to the settlement outbox. Signals go out after the commit.
import type { JobPatch, JobStore, JobEventStore } from "./job-store.js";
import type { JobRecord, JobEventType } from "./job-types.js";
import type { OutboxStore } from "../settlement/outbox-store.js";
import { pendingSettlement, type Settle } from "../settlement/outbox-records.js";

export type { Settle };
import type { Tx, Transactions } from "../store/transactions.js";
import type { SignalBus } from "../events/signal-bus.js";

export interface JobChange {
  patch?: Omit<JobPatch, "updated_at" | "last_seq">;
  events?: Array<{ type: JobEventType; data: Record<string, unknown> }>;
  settle?: Settle;
  /** The job is (back) in the queue: wake the provider's long-polling claims. */
  wakeClaims?: boolean;
  /** Extra writes in the same transaction (for example the receipt). */
  also?: (tx: Tx) => Promise<void>;
}

export interface Decision<T> {
  change?: JobChange;
  result: (job: JobRecord) => T;
}

export class JobTransitions {
  constructor(
    private readonly transactions: Transactions,
    private readonly jobs: JobStore,
    private readonly events: JobEventStore,
    private readonly outbox: OutboxStore,
    private readonly bus: SignalBus,
    private readonly onSettle: () => void,
  ) {}

  /**
   * Runs `decide` on the locked job and applies what it returns. `decide` throws to refuse (the
   * transaction rolls back, nothing changes).
   */
  async change<T>(
    jobId: string,
    decide: (job: JobRecord | undefined, tx: Tx) => Promise<Decision<T>> | Decision<T>,
  ): Promise<T> {
    let after: JobRecord | undefined;
    let change: JobChange | undefined;
    const result = await this.transactions.run(async (tx) => {
      const locked = await this.jobs.lockById(tx, jobId);
      const job = locked?.job;
      const decision = await decide(job, tx);
      change = decision.change;
      if (!locked || !job || !change) return decision.result(job as JobRecord);
      const now = new Date().toISOString();
      const appended = change.events?.length
        ? await this.events.append(tx, jobId, job.lastSeq, change.events, now)
        : [];
      const patch: JobPatch = {
        ...change.patch,
        updated_at: now,
        ...(appended.length ? { last_seq: appended[appended.length - 1]!.seq } : {}),
      };
      await this.jobs.update(tx, jobId, patch);
      if (change.settle)
        await this.outbox.insert(tx, pendingSettlement(jobId, job.budgetMicro, change.settle, now));
      await change.also?.(tx);
      after = locked.withPatch(patch);
      return decision.result(after);
    });
    if (after && change) {
      if (change.events?.length) this.bus.publish({ kind: "job", id: jobId });
      if (change.wakeClaims) this.bus.publish({ kind: "queued", id: after.providerId });
      if (change.settle) this.onSettle();
    }
    return result;
  }

  /**
   * pending → queued, with the `queued` status event, for a job the caller has just inserted: its
   * row is known without reading it back, and a pending job has no events yet. Undefined when the
   * row is gone (the sweeper reclaims creates that never finished).
   */
  async queueCreated(job: JobRecord, lockTxHash: string): Promise<JobRecord | undefined> {
    const now = new Date().toISOString();
    const patch = { status: "queued" as const, lock_tx_hash: lockTxHash, updated_at: now };
    const queued = await this.transactions.run(async (tx) => {
      const pending = await this.jobs.updateIfStatus(tx, job.jobId, "pending", {
        ...patch,
        last_seq: 1,
      });
      if (pending)
        await this.events.append(
          tx,
          job.jobId,
          0,
          [{ type: "status", data: { status: "queued" } }],
          now,
        );
      return pending;
    });
    if (!queued) return undefined;
    this.bus.publish({ kind: "job", id: job.jobId });
    this.bus.publish({ kind: "queued", id: job.providerId });
    return { ...job, status: "queued", lockTxHash, updatedAt: now, lastSeq: 1 };
  }
}
