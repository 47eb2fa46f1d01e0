// The miner's side of the miner protocol (spec/openapi/coordinator.yaml, tag `miners`), through
// the generated SDK. Everything the agent sends or receives passes through here, typed by the spec.
import { createAitbcClient, type CoordinatorTypes } from "@aitbc/sdk";

export type RegisterBody = CoordinatorTypes.RegisterMinerRequest;
export type Registration = CoordinatorTypes.MinerRegistration;
export type Claim = CoordinatorTypes.Claim;
export type ClaimedJob = CoordinatorTypes.ClaimedJob;
export type ProgressEvent = CoordinatorTypes.ProgressEvent;
export type CompleteBody = CoordinatorTypes.CompleteJobRequest;
export type CompleteResult = CoordinatorTypes.CompleteJobResponse;
export type FailResult = CoordinatorTypes.FailJobResponse;
export type ReleaseResult = CoordinatorTypes.ReleaseJobResponse;

export interface CoordinatorLink {
  register(body: RegisterBody, signal?: AbortSignal): Promise<Registration>;
  heartbeat(minerId: string, activeJobIds: string[]): Promise<CoordinatorTypes.HeartbeatResponse>;
  /** Resolves to undefined when no job arrived within the wait (HTTP 204). */
  claim(minerId: string, waitS: number, signal?: AbortSignal): Promise<Claim | undefined>;
  progress(
    jobId: string,
    leaseId: string,
    events: ProgressEvent[],
  ): Promise<CoordinatorTypes.ProgressAccepted>;
  complete(jobId: string, body: CompleteBody): Promise<CompleteResult>;
  fail(jobId: string, leaseId: string, code: string, message: string): Promise<FailResult>;
  /** Hands the job back: the lease ends and the coordinator queues the job for another miner. */
  release(
    jobId: string,
    leaseId: string,
    reason: string,
    signal?: AbortSignal,
  ): Promise<ReleaseResult>;
}

export function createCoordinatorLink(coordinatorUrl: string, apiKey: string): CoordinatorLink {
  // The SDK's sender retries network errors and 429/502/503/504 a few times with the same
  // Idempotency-Key; the agent adds its own backoff on top for longer outages.
  const { coordinator } = createAitbcClient({ coordinatorUrl, apiKey, http: { retries: 2 } });
  return {
    register: (body, signal) => coordinator.registerMiner({ body, ...(signal ? { signal } : {}) }),
    heartbeat: (minerId, activeJobIds) =>
      coordinator.heartbeatMiner({
        path: { miner_id: minerId },
        body: { active_job_ids: activeJobIds },
      }),
    async claim(minerId, waitS, signal) {
      const data = (await coordinator.claimJob({
        path: { miner_id: minerId },
        body: { wait_s: waitS },
        ...(signal ? { signal } : {}),
      })) as Claim | Record<string, never> | undefined;
      // 204 comes back from the generated client as an empty object.
      return data && "job" in data ? (data as Claim) : undefined;
    },
    progress: (jobId, leaseId, events) =>
      coordinator.reportJobProgress({
        path: { job_id: jobId },
        body: { lease_id: leaseId, events },
      }),
    complete: (jobId, body) => coordinator.completeJob({ path: { job_id: jobId }, body }),
    fail: (jobId, leaseId, code, message) =>
      coordinator.failJob({
        path: { job_id: jobId },
        body: { lease_id: leaseId, code, message: message.slice(0, 2000) },
      }),
    release: (jobId, leaseId, reason, signal) =>
      coordinator.releaseJob({
        path: { job_id: jobId },
        body: { lease_id: leaseId, reason: reason.slice(0, 500) },
        ...(signal ? { signal } : {}),
      }),
  };
}
