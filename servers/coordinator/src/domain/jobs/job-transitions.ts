// Every change of a job's state goes through here: one transaction that locks the job's row,
// applies the change, appends its events with the next sequence numbers and, for terminal states,
// writes the release or refund to the settlement outbox (escrow jobs) or ends the job's deposit
// reservation (deposit jobs). Signals go out after the commit.
import type { JobPatch, JobStore, JobEventStore } from "./job-store.js";
import type { JobRecord, JobEventType } from "./job-types.js";
import type { OutboxStore } from "../settlement/outbox-store.js";
import { pendingSettlement, type Settle } from "../settlement/outbox-records.js";

export type { Settle };
import type { Tx, Transactions } from "../store/transactions.js";
import type { SignalBus } from "../events/signal-bus.js";
import { reservationEnd, type DepositLedger } from "../deposits/deposit-ledger.js";

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
    private readonly deposits: DepositLedger,
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
      const settle = change.settle;
      // A re-run has no customer money to move: the verification worker pays its provider.
      if (settle && job.funding === "verification") {
        /* nothing to settle here */
      } else if (settle && job.funding === "deposit")
        await this.deposits.end(
          tx,
          jobId,
          reservationEnd(settle.paidMicro, settle.providerAddress, settle.receiptHash),
        );
      else if (settle)
        await this.outbox.insert(tx, pendingSettlement(jobId, job.budgetMicro, settle, now));
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
   * Creates a job funded from its customer's deposit, straight into `queued` with its `queued`
   * status event, in one transaction with the reservation: `reserve` runs first, in that
   * transaction, and when it declines nothing is written and the answer is undefined.
   */
  async createReserved(
    job: JobRecord,
    reserve: (tx: Tx) => Promise<boolean>,
  ): Promise<JobRecord | undefined> {
    const queued: JobRecord = { ...job, status: "queued", funding: "deposit", lastSeq: 1 };
    const created = await this.transactions.run(async (tx) => {
      if (!(await reserve(tx))) return false;
      await this.jobs.insert(tx, queued);
      await this.events.append(
        tx,
        job.jobId,
        0,
        [{ type: "status", data: { status: "queued" } }],
        job.createdAt,
      );
      return true;
    });
    if (!created) return undefined;
    this.bus.publish({ kind: "job", id: job.jobId });
    this.bus.publish({ kind: "queued", id: job.providerId });
    return queued;
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
