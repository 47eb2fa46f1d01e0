// A customer's dispute of a completed job: opened within the dispute window, decided by a re-run
// (verification-worker.ts). Upheld: the provider's bond pays the customer back. Rejected: the
// dispute fee is recorded as owed by the customer; nothing is taken from it on chain, so that a
// dispute never moves money the customer did not agree to move, but an unpaid fee is on record
// against the account (its payment is left to the operator).
import { randomBytes } from "node:crypto";
import { Conflict, Forbidden, NotFound, Unprocessable } from "@aitbc/server-lib";
import type { CoordinatorTypes } from "@aitbc/sdk";
import type { JobStore } from "../jobs/job-store.js";
import type { JobTransitions } from "../jobs/job-transitions.js";
import { canSeeJob, type Caller } from "../accounts/caller.js";
import type { CheckRecord, VerificationStore } from "./verification-store.js";
import { disputeEvent, renderDispute } from "./dispute-events.js";

export class DisputeService {
  constructor(
    private readonly jobs: JobStore,
    private readonly store: VerificationStore,
    private readonly transitions: JobTransitions,
    private readonly settings: { disputeWindowS: number },
    private readonly onOpened: () => void,
  ) {}

  async open(caller: Caller, jobId: string, reason: string): Promise<CoordinatorTypes.Dispute> {
    const at = new Date();
    const check = await this.transitions.change(jobId, async (job, tx) => {
      if (!job || job.status === "pending" || !canSeeJob(caller, job))
        throw new NotFound(`No job with id ${jobId}.`);
      if (caller.id !== job.customerId)
        throw new Forbidden("Only the job's customer may dispute it.");
      if (job.status !== "completed" || !job.finishedAt)
        throw new Conflict(
          "job_not_disputable",
          `Job ${jobId} is ${job.status}; only a completed job can be disputed.`,
        );
      const closes = new Date(job.finishedAt).getTime() + this.settings.disputeWindowS * 1000;
      if (at.getTime() > closes)
        throw new Unprocessable(
          "dispute_window_closed",
          `The dispute window of job ${jobId} closed at ${new Date(closes).toISOString()}.`,
        );
      const c: CheckRecord = {
        checkId: randomBytes(16).toString("hex"),
        jobId,
        kind: "dispute",
        tenantId: job.tenantId,
        customerId: job.customerId,
        providerId: job.providerId,
        reason,
        status: "open",
        verdict: null,
        rerunJobId: null,
        verifierProviderId: null,
        verifierPayoutMicro: null,
        verifierPayoutStatus: null,
        verifierPayoutTx: null,
        refundMicro: null,
        feeMicro: null,
        nextAttemptAt: at.toISOString(),
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
        resolvedAt: null,
      };
      if (!(await this.store.insertCheck(tx, c)))
        throw new Conflict("dispute_exists", `Job ${jobId} has already been disputed.`);
      return { change: { events: [disputeEvent(c)] }, result: () => c };
    });
    this.onOpened();
    return renderDispute(check, undefined);
  }

  async get(caller: Caller, jobId: string): Promise<CoordinatorTypes.Dispute> {
    const job = await this.jobs.byId(jobId);
    if (!job || job.status === "pending" || !canSeeJob(caller, job))
      throw new NotFound(`No job with id ${jobId}.`);
    const c = await this.store.checkOf(jobId, "dispute");
    if (!c) throw new NotFound(`Job ${jobId} has no dispute.`);
    return renderDispute(c, await this.store.slashOf(jobId));
  }
}
