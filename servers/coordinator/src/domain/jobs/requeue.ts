// The change that puts a held job back in the queue for another miner: the lease ends, the stream
// says why, and waiting claims of the provider wake up.
import type { JobRecord } from "./job-types.js";
import type { JobChange } from "./job-transitions.js";

/**
 * `lease_expired`: the miner went silent; the lease keeps counting as an attempt, because the job
 * itself may be what kills miners. `released`: the miner handed the job back because it is
 * stopping; that says nothing about the job, so the attempt is taken off again and a job is never
 * failed for the attempt limit just because miners restarted politely (its TTL still ends it).
 */
export type RequeueReason = "lease_expired" | "released";

export function requeueChange(job: JobRecord, reason: RequeueReason): JobChange {
  return {
    patch: {
      status: "queued",
      miner_id: null,
      lease_id: null,
      lease_expires_at: null,
      ...(reason === "released" ? { attempts: Math.max(0, job.attempts - 1) } : {}),
    },
    events: [{ type: "status", data: { status: "queued", reason } }],
    wakeClaims: true,
  };
}
