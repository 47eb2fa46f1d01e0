// Who may act on a claimed job: the provider whose job it is, quoting the job's live lease. Shared
// by every report a miner makes (progress, complete, fail) and by release.
import { Conflict, NotFound } from "@aitbc/server-lib";
import type { JobRecord } from "../jobs/job-types.js";
import { requireRole, type Caller } from "../accounts/caller.js";

export function leaseLost(jobId: string, why: string): Conflict {
  return new Conflict(
    "lease_lost",
    `Your lease on job ${jobId} is no longer valid: ${why}. Abort it.`,
  );
}

/** The job, when it is the calling provider's; 404 otherwise, so existence does not leak. */
export function providerJob(caller: Caller, job: JobRecord | undefined, jobId: string): JobRecord {
  requireRole(caller, "provider");
  if (!job || job.status === "pending" || job.providerId !== caller.id)
    throw new NotFound(`No job with id ${jobId}.`);
  return job;
}

/** Throws unless `leaseId` is the job's live lease. */
export function requireLiveLease(job: JobRecord, leaseId: string, now: string): void {
  if (job.leaseId === null)
    throw leaseLost(job.jobId, "the job has no lease now (it was released or requeued)");
  if (job.leaseId !== leaseId) throw leaseLost(job.jobId, "the job was given to another lease");
  if (job.status !== "assigned" && job.status !== "running")
    throw leaseLost(job.jobId, `the job is ${job.status}`);
  if (!job.leaseExpiresAt || job.leaseExpiresAt < now)
    throw leaseLost(job.jobId, "the lease expired");
}
