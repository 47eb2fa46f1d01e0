// Every change of a job's state goes through here: one transaction that locks the job's row,
// applies the change, appends its events with the next sequence numbers and, for terminal states,
// writes the release or refund to the settlement outbox. Signals go out after the commit.
import { transaction, type Knex } from "@aitbc/server-lib";
import type { JobPatch, JobRecord, JobsRepo } from "../../data/jobs-repo.js";
import { jobFromRow } from "../../data/jobs-repo.js";
import type { JobEventsRepo, JobEventType } from "../../data/job-events-repo.js";
import type { OutboxRepo } from "../../data/outbox-repo.js";
import type { SignalBus } from "../events/signal-bus.js";

export interface Settle {
  kind: "release" | "refund" | "reclaim";
  paidMicro: bigint;
  refundMicro: bigint;
  providerAddress: string | null;
  receiptHash: string | null;
}

export interface JobChange {
  patch?: Omit<JobPatch, "updated_at" | "last_seq">;
  events?: Array<{ type: JobEventType; data: Record<string, unknown> }>;
  settle?: Settle;
  /** The job is (back) in the queue: wake the provider's long-polling claims. */
  wakeClaims?: boolean;
  /** Extra writes in the same transaction (for example the receipt). */
  also?: (trx: Knex.Transaction) => Promise<void>;
}

export interface Decision<T> {
  change?: JobChange;
  result: (job: JobRecord) => T;
}

export class JobTransitions {
  constructor(
    private readonly db: Knex,
    private readonly jobs: JobsRepo,
    private readonly events: JobEventsRepo,
    private readonly outbox: OutboxRepo,
    private readonly bus: SignalBus,
    private readonly onSettle: () => void,
  ) {}

  /**
   * Runs `decide` on the locked job and applies what it returns. `decide` throws to refuse (the
   * transaction rolls back, nothing changes).
   */
  async change<T>(
    jobId: string,
    decide: (
      job: JobRecord | undefined,
      trx: Knex.Transaction,
    ) => Promise<Decision<T>> | Decision<T>,
  ): Promise<T> {
    let after: JobRecord | undefined;
    let change: JobChange | undefined;
    const result = await transaction(this.db, async (trx) => {
      const row = await this.jobs.lockRow(trx, jobId);
      const job = row ? jobFromRow(row) : undefined;
      const decision = await decide(job, trx);
      change = decision.change;
      if (!row || !job || !change) return decision.result(job as JobRecord);
      const now = new Date().toISOString();
      const appended = change.events?.length
        ? await this.events.append(trx, jobId, job.lastSeq, change.events, now)
        : [];
      const patch: JobPatch = {
        ...change.patch,
        updated_at: now,
        ...(appended.length ? { last_seq: appended[appended.length - 1]!.seq } : {}),
      };
      await this.jobs.update(trx, jobId, patch);
      if (change.settle) {
        await this.outbox.insert(trx, {
          jobId,
          kind: change.settle.kind,
          amountMicro: job.budgetMicro,
          paidMicro: change.settle.paidMicro,
          refundMicro: change.settle.refundMicro,
          providerAddress: change.settle.providerAddress,
          receiptHash: change.settle.receiptHash,
          status: "pending",
          signedTx: null,
          txHash: null,
          attempts: 0,
          lastError: null,
          nextAttemptAt: now,
          createdAt: now,
          updatedAt: now,
        });
      }
      await change.also?.(trx);
      // The row as written, without reading it back.
      after = jobFromRow({ ...row, ...patch });
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
    const queued = await transaction(this.db, async (trx) => {
      const pending = await this.jobs.updateIfStatus(trx, job.jobId, "pending", {
        ...patch,
        last_seq: 1,
      });
      if (pending)
        await this.events.append(
          trx,
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
