// Which completed jobs are re-run: a `rate` fraction of them, drawn at completion, in the same
// transaction that completes the job. Re-runs themselves are never re-run.
import { randomBytes, randomInt } from "node:crypto";
import type { JobRecord } from "../jobs/job-types.js";
import type { Tx } from "../store/transactions.js";
import type { VerificationStore } from "./verification-store.js";

/** Draws are out of a million, so a rate keeps six decimals. */
const SCALE = 1_000_000;

export class SpotChecks {
  constructor(
    private readonly store: VerificationStore,
    private readonly rate: number,
    private readonly onQueued: () => void,
  ) {}

  /** Queues a check of the job when the draw picks it; whether it did. */
  async consider(tx: Tx, job: JobRecord, at: string): Promise<boolean> {
    if (job.funding === "verification") return false;
    const threshold = Math.round(this.rate * SCALE);
    if (threshold <= 0 || randomInt(SCALE) >= threshold) return false;
    const queued = await this.store.insertCheck(tx, {
      checkId: randomBytes(16).toString("hex"),
      jobId: job.jobId,
      kind: "spot_check",
      tenantId: job.tenantId,
      customerId: job.customerId,
      providerId: job.providerId,
      reason: null,
      status: "open",
      verdict: null,
      rerunJobId: null,
      verifierProviderId: null,
      verifierPayoutMicro: null,
      verifierPayoutStatus: null,
      verifierPayoutTx: null,
      refundMicro: null,
      feeMicro: null,
      nextAttemptAt: at,
      createdAt: at,
      updatedAt: at,
      resolvedAt: null,
    });
    return queued;
  }

  /** After the completing transaction committed: wake the worker. */
  kick(): void {
    this.onQueued();
  }
}
