// One long-poll claim loop per concurrency slot: claim a job, run it, count its outcome, and
// claim again, until the miner stops.
import { createBackoff, NotFoundError, sleep } from "@aitbc/sdk";
import type { Executor, ServedModel } from "../executors/executor.js";
import type { CoordinatorLink } from "./coordinator-link.js";
import { describeError } from "./describe-error.js";
import { startJob, type JobOutcome, type RunningJob } from "./job-runner.js";
import type { MinerIdentity } from "./key-store.js";
import type { MinerLogger } from "./logger.js";
import type { MinerStats } from "./miner-types.js";
import type { RegistrationHolder } from "./registration.js";
import { releaseJob } from "./release-job.js";

export interface ClaimContext {
  link: CoordinatorLink;
  executor: Executor;
  models: ServedModel[];
  identity: MinerIdentity;
  minerName: string;
  registration: RegistrationHolder;
  jobs: Map<string, RunningJob>;
  stats: MinerStats;
  log: MinerLogger;
  /** Requested long-poll wait (capped by the coordinator). */
  claimWaitS: number;
  /** Aborted when the miner stops claiming. */
  stopping: AbortSignal;
}

function countOutcome(stats: MinerStats, outcome: JobOutcome): void {
  if (outcome.status === "completed") stats.completed++;
  else if (outcome.status === "failed") stats.failed++;
  else if (outcome.status === "released") stats.released++;
  else stats.abandoned++;
}

async function waitUntilHealthy(ctx: ClaimContext, slot: number): Promise<void> {
  const backoff = createBackoff(500, 5_000);
  while (!ctx.stopping.aborted && !(await ctx.executor.healthy().catch(() => false))) {
    const wait = backoff.next();
    ctx.log.warn("executor unavailable, not claiming jobs", {
      slot,
      executor: ctx.executor.kind,
      retry_in_ms: wait,
    });
    await sleep(wait, ctx.stopping);
  }
}

export async function claimLoop(ctx: ClaimContext, slot: number): Promise<void> {
  const { link, stopping } = ctx;
  const backoff = createBackoff();
  while (!stopping.aborted) {
    try {
      const registration = ctx.registration.current;
      const waitS = Math.min(ctx.claimWaitS, registration.claim_wait_max_s, 30);
      const claim = await link.claim(registration.miner_id, waitS, stopping);
      backoff.reset();
      if (!claim) continue;
      if (stopping.aborted) {
        // Claimed while shutting down: hand it straight back rather than sit on its lease.
        const released = await releaseJob(
          link,
          { jobId: claim.job.job_id, leaseId: claim.lease.lease_id },
          "claimed while the miner was shutting down",
          ctx.log,
        );
        if (released) ctx.stats.released++;
        else ctx.stats.abandoned++;
        break;
      }
      const job = startJob(
        {
          link,
          executor: ctx.executor,
          models: ctx.models,
          minerId: ctx.registration.current.miner_id,
          minerName: ctx.minerName,
          secretKey: ctx.identity.keyPair.secretKey,
          logger: ctx.log,
        },
        claim,
      );
      ctx.jobs.set(job.jobId, job);
      const outcome = await job.done;
      ctx.jobs.delete(job.jobId);
      countOutcome(ctx.stats, outcome);
      if (outcome.status === "failed" && outcome.code === "executor_error") {
        // A dead backend would fail every job in the queue: claim again only once it is back.
        await waitUntilHealthy(ctx, slot);
      }
    } catch (err) {
      if (stopping.aborted) break;
      if (err instanceof NotFoundError) {
        await ctx.registration.reregister();
        continue;
      }
      const wait = backoff.next();
      ctx.log.warn("claim failed", { slot, error: describeError(err), retry_in_ms: wait });
      await sleep(wait, stopping);
    }
  }
}
