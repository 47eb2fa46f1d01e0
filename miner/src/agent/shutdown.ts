// A graceful stop: no new claims, jobs in hand get the grace period to finish and are then
// stopped (the job runner releases them, so the coordinator requeues them at once), and only
// then do heartbeats end and the executor shut down.
import type { Executor } from "../executors/executor.js";
import type { RunningJob } from "./job-runner.js";
import type { MinerLogger } from "./logger.js";
import type { MinerStats } from "./miner-types.js";

export interface ShutdownContext {
  jobs: Map<string, RunningJob>;
  stats: MinerStats;
  log: MinerLogger;
  graceMs: number;
  stopping: AbortController;
  silenced: AbortController;
  /** The claim and heartbeat loops, awaited before the executor closes. */
  loops: Array<Promise<void>>;
  /** Closed here only when the miner made it (not one the caller passed in). */
  executor?: Executor;
}

export async function shutDown(ctx: ShutdownContext): Promise<void> {
  const { jobs, log } = ctx;
  log.info("stopping: no new claims", { jobs_in_hand: jobs.size });
  ctx.stopping.abort(new Error("miner stopping"));
  const inHand = [...jobs.values()];
  const timer = setTimeout(() => {
    for (const job of jobs.values()) job.stop({ kind: "shutdown" });
  }, ctx.graceMs);
  await Promise.allSettled(inHand.map((j) => j.done));
  clearTimeout(timer);
  ctx.silenced.abort();
  await Promise.allSettled(ctx.loops);
  if (ctx.executor) await ctx.executor.close();
  log.info("stopped", ctx.stats as unknown as Record<string, unknown>);
}
