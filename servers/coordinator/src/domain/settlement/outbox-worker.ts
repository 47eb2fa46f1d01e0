// Works through the settlement outbox: every release and refund the coordinator decided on is
// submitted and confirmed on chain, one at a time (the settlement key's nonces are sequential),
// retried with backoff while the node is down, and resumed after a restart. An item is claimed by
// pushing its next attempt into the future, so replicas sharing a database do not run it twice.
import type { Logger } from "@aitbc/server-lib";
import type { SignedTx } from "@aitbc/sdk";
import type { OutboxRecord, OutboxStore } from "./outbox-store.js";
import type { JobStore } from "../jobs/job-store.js";
import type { Transactions } from "../store/transactions.js";
import { poolFee } from "./pool-fee.js";
import type { ReleaseAttempt, ReleaseOutcome, SettlementPort } from "./settlement-port.js";
import { holdClaim, retryDelay, WorkerLoop, type HeldClaim } from "./worker-loop.js";

/**
 * How long a claimed item is hidden from other workers. The worker renews the claim while it
 * works on the item, so a slow confirmation keeps it; a worker killed mid-item lets it go within
 * this time, and the restarted (or another) worker resumes it.
 */
const CLAIM_MS = 15_000;
/** A reclaim of a lock whose outcome was unknown waits this many tries for the lock to land. */
const RECLAIM_TRIES = 6;

/** What settling wrote to the job: its payment status and transaction; null when it wrote nothing. */
export type SettledPayment = {
  paymentStatus: "settled" | "refunded";
  settleTxHash: string;
} | null;

export interface SettlementWatch {
  /**
   * Resolves with what the worker wrote when it finishes the job's settlement here, or with
   * undefined after `ms` (or at shutdown) if it has not: the caller then reads the job.
   */
  settled(ms: number): Promise<SettledPayment | undefined>;
  /** Stops watching (the change that would have queued the settlement did not happen). */
  cancel(): void;
}

type Waiter = (written: SettledPayment | undefined) => void;

export interface OutboxWorkerOptions {
  /** How often due items are looked for when nothing kicks the worker. */
  pollIntervalMs?: number;
  baseBackoffMs?: number;
  /** How long a claim on an item lasts without renewal (default 15 s). */
  claimMs?: number;
  /** Basis points of each release's `paid` that go to the verification pool (default 0). */
  verificationFeeBps?: number;
}

export class OutboxWorker {
  private readonly loop = new WorkerLoop(
    () => this.drain(),
    (err) => this.logger.error({ err }, "settlement run failed"),
  );
  private readonly waiters = new Map<string, Set<Waiter>>();

  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: OutboxStore,
    private readonly jobs: JobStore,
    private readonly port: SettlementPort,
    private readonly logger: Logger,
    private readonly options: OutboxWorkerOptions = {},
  ) {}

  private get stopped(): boolean {
    return this.loop.isStopped;
  }

  start(): void {
    if (this.port.kind === "unconfigured") return;
    this.loop.start(this.options.pollIntervalMs ?? 1000);
  }

  /** Runs the worker now (or again right after the current run). */
  kick(): void {
    if (this.port.kind !== "unconfigured") this.loop.kick();
  }

  /**
   * Watches for the job's settlement to finish in this worker. Start watching before the change
   * that writes the outbox item, so that a quick worker cannot finish it unseen.
   */
  watch(jobId: string): SettlementWatch {
    let finished: { written: SettledPayment | undefined } | undefined;
    let notify: (() => void) | undefined;
    const waiter: Waiter = (written) => {
      finished = { written };
      this.waiters.get(jobId)?.delete(waiter);
      notify?.();
    };
    const cancel = () => {
      const set = this.waiters.get(jobId);
      set?.delete(waiter);
      if (set?.size === 0) this.waiters.delete(jobId);
    };
    if (this.stopped) finished = { written: undefined };
    else {
      const set = this.waiters.get(jobId) ?? new Set<Waiter>();
      set.add(waiter);
      this.waiters.set(jobId, set);
    }
    return {
      cancel,
      settled: (ms) => {
        if (finished) return Promise.resolve(finished.written);
        if (ms <= 0) {
          cancel();
          return Promise.resolve(undefined);
        }
        return new Promise((resolve) => {
          const timer = setTimeout(() => {
            cancel();
            resolve(undefined);
          }, ms);
          notify = () => {
            clearTimeout(timer);
            resolve(finished!.written);
          };
        });
      },
    };
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    for (const set of this.waiters.values()) for (const w of [...set]) w(undefined);
    this.waiters.clear();
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const item = await this.claimNext();
      if (!item) return;
      await this.process(item);
    }
  }

  private get claimMs(): number {
    return this.options.claimMs ?? CLAIM_MS;
  }

  private async claimNext(): Promise<OutboxRecord | undefined> {
    const now = Date.now();
    return this.outbox.claimNextDue(
      new Date(now).toISOString(),
      new Date(now + this.claimMs).toISOString(),
    );
  }

  /** Keeps the claim on an item alive while it is worked on; stop() before writing the outcome. */
  private holdClaim(jobId: string): HeldClaim {
    return holdClaim(
      this.claimMs,
      (until) => this.outbox.update(undefined, jobId, { next_attempt_at: until }),
      (err) => this.logger.warn({ err, job_id: jobId }, "could not renew a settlement claim"),
    );
  }

  private async process(item: OutboxRecord): Promise<void> {
    const claim = this.holdClaim(item.jobId);
    try {
      await this.work(item, claim);
    } finally {
      await claim.stop();
    }
  }

  private async work(item: OutboxRecord, claim: HeldClaim): Promise<void> {
    const attempt: ReleaseAttempt = {
      previous: item.signedTx ? (JSON.parse(item.signedTx) as SignedTx) : null,
      remember: async (tx, hash) => {
        await this.outbox.update(undefined, item.jobId, {
          signed_tx: JSON.stringify(tx),
          tx_hash: hash,
          updated_at: new Date().toISOString(),
        });
      },
    };
    const order = {
      jobId: item.jobId,
      amountMicro: item.amountMicro,
      paidMicro: item.paidMicro,
      refundMicro: item.refundMicro,
      providerAddress: item.providerAddress,
      receiptHash: item.receiptHash,
      poolFeeMicro: poolFee(item.paidMicro, this.options.verificationFeeBps ?? 0),
    };
    let outcome: ReleaseOutcome;
    try {
      outcome =
        item.kind === "release"
          ? await this.port.release(order, attempt)
          : await this.port.refund(order, attempt);
    } catch (err) {
      await claim.stop();
      await this.retryLater(item, err);
      return;
    }
    await claim.stop();
    if (
      outcome.status === "nothing_to_release" &&
      outcome.reason === "escrow_not_found" &&
      item.kind === "reclaim" &&
      item.attempts + 1 < RECLAIM_TRIES
    ) {
      // The lock may still land (its outcome was unknown): look again later.
      await this.retryLater(item, new Error("no escrow yet"));
      return;
    }
    await this.finish(item, outcome);
  }

  private async finish(item: OutboxRecord, outcome: ReleaseOutcome): Promise<void> {
    const now = new Date().toISOString();
    if (outcome.status === "nothing_to_release" && item.kind !== "reclaim")
      this.logger.error(
        { job_id: item.jobId, kind: item.kind, reason: outcome.reason },
        "settlement found no escrow to release",
      );
    const written: SettledPayment =
      item.kind !== "reclaim" && outcome.status === "confirmed"
        ? {
            paymentStatus: item.paidMicro > 0n || item.kind === "release" ? "settled" : "refunded",
            settleTxHash: outcome.txHash,
          }
        : null;
    await this.transactions.run(async (tx) => {
      await this.outbox.update(tx, item.jobId, {
        status: outcome.status === "confirmed" ? "confirmed" : "skipped",
        tx_hash: outcome.status === "confirmed" ? outcome.txHash : item.txHash,
        attempts: item.attempts + 1,
        last_error: outcome.status === "confirmed" ? null : outcome.reason,
        updated_at: now,
      });
      if (written) {
        await this.jobs.update(tx, item.jobId, {
          payment_status: written.paymentStatus,
          settle_tx_hash: written.settleTxHash,
          updated_at: now,
        });
      }
    });
    this.logger.info(
      { job_id: item.jobId, kind: item.kind, outcome: outcome.status },
      "settlement finished",
    );
    const set = this.waiters.get(item.jobId);
    this.waiters.delete(item.jobId);
    for (const w of [...(set ?? [])]) w(written);
  }

  private async retryLater(item: OutboxRecord, err: unknown): Promise<void> {
    const attempts = item.attempts + 1;
    const delay = retryDelay(attempts, this.options.baseBackoffMs ?? 500);
    this.logger.warn(
      {
        job_id: item.jobId,
        kind: item.kind,
        attempts,
        err: (err as Error)?.message ?? String(err),
      },
      "settlement attempt failed; will retry",
    );
    await this.outbox.update(undefined, item.jobId, {
      attempts,
      last_error: ((err as Error)?.message ?? String(err)).slice(0, 500),
      next_attempt_at: new Date(Date.now() + delay).toISOString(),
      updated_at: new Date().toISOString(),
    });
  }
}
