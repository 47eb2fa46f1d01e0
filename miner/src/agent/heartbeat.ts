// Heartbeats extend the leases of jobs in hand and bring back cancellations. They go on while
// jobs in hand finish during shutdown, so those leases stay alive; `silenced` ends them.
import { NotFoundError, sleep } from "@aitbc/sdk";
import type { CoordinatorLink } from "./coordinator-link.js";
import { describeError } from "./describe-error.js";
import type { RunningJob } from "./job-runner.js";
import type { MinerLogger } from "./logger.js";
import type { RegistrationHolder } from "./registration.js";

export async function heartbeatLoop(
  link: CoordinatorLink,
  registration: RegistrationHolder,
  jobs: Map<string, RunningJob>,
  log: MinerLogger,
  silenced: AbortSignal,
): Promise<void> {
  while (!silenced.aborted) {
    await sleep(registration.current.heartbeat_interval_s * 1000, silenced);
    if (silenced.aborted) break;
    try {
      const res = await link.heartbeat(registration.current.miner_id, [...jobs.keys()]);
      for (const id of res.cancel_job_ids) jobs.get(id)?.stop({ kind: "cancelled" });
    } catch (err) {
      if (err instanceof NotFoundError) await registration.reregister();
      else log.warn("heartbeat failed", { error: describeError(err) });
    }
  }
}
