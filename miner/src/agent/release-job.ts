// Handing a job back when the miner stops without finishing it, so another miner can claim it at
// once instead of after the lease TTL. Best effort and quick: a stopping miner must not hang on
// a coordinator that is gone, and when the release does not get through the lease simply lapses
// and the coordinator requeues the job then, as it does for a miner that died.
import type { CoordinatorLink } from "./coordinator-link.js";
import { describeError } from "./describe-error.js";
import type { MinerLogger } from "./logger.js";

/** How long one release may take, retries included. */
export const RELEASE_TIMEOUT_MS = 3_000;

/** True when the coordinator took the job back; false when the lease is left to lapse. */
export async function releaseJob(
  link: CoordinatorLink,
  held: { jobId: string; leaseId: string },
  reason: string,
  logger: MinerLogger,
  timeoutMs = RELEASE_TIMEOUT_MS,
): Promise<boolean> {
  try {
    await link.release(held.jobId, held.leaseId, reason, AbortSignal.timeout(timeoutMs));
    logger.info("job released", { job_id: held.jobId, reason });
    return true;
  } catch (err) {
    // 409 (lease lost, job finished): nothing is held any more. Anything else: the lease lapses.
    logger.warn("job not released; its lease will lapse", {
      job_id: held.jobId,
      error: describeError(err),
    });
    return false;
  }
}
