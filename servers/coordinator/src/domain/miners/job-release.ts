// A miner hands back a job it will not finish (it is stopping): the lease ends now and the job is
// queued again at once, instead of waiting out the lease TTL. Also used for a claim whose answer
// never reached its miner, which would otherwise sit under a lease nobody knows.
import { AppError, Conflict, type Logger } from "@aitbc/server-lib";
import type { CoordinatorTypes } from "@aitbc/sdk";
import type { Caller } from "../accounts/caller.js";
import type { JobTransitions } from "../jobs/job-transitions.js";
import { requeueChange } from "../jobs/requeue.js";
import { providerJob, requireLiveLease } from "./lease-rules.js";

const FINISHED = ["completed", "failed", "expired", "cancelled"];

export class JobRelease {
  constructor(
    private readonly transitions: JobTransitions,
    private readonly logger: Logger,
  ) {}

  async release(
    caller: Caller,
    jobId: string,
    body: CoordinatorTypes.ReleaseJobRequest,
  ): Promise<CoordinatorTypes.ReleaseJobResponse> {
    const minerId = await this.transitions.change(jobId, (found) => {
      const job = providerJob(caller, found, jobId);
      // The job is over whoever held it: there is nothing left to hand back.
      if (FINISHED.includes(job.status))
        throw new Conflict(
          "job_finished",
          `Job ${jobId} already ended (${job.status}); there is nothing to release. Stop working on it.`,
        );
      requireLiveLease(job, body.lease_id, new Date().toISOString());
      return { change: requeueChange(job, "released"), result: () => job.minerId };
    });
    this.logger.info(
      { job_id: jobId, miner_id: minerId, reason: body.reason ?? null },
      "job released by its miner",
    );
    return { job_id: jobId, status: "queued" };
  }

  /**
   * Requeues a job whose claim answer could not be delivered (the miner hung up while the claim
   * was being made). Best effort: when the job changed meanwhile there is nothing to undo.
   */
  async undelivered(caller: Caller, claim: CoordinatorTypes.Claim): Promise<void> {
    try {
      await this.release(caller, claim.job.job_id, {
        lease_id: claim.lease.lease_id,
        reason: "the claim's answer could not be delivered",
      });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      this.logger.warn(
        { job_id: claim.job.job_id, code: err.code },
        "undelivered claim not requeued: the job changed meanwhile",
      );
    }
  }
}
