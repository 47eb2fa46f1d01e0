// What a job is, in the domain's terms: its states, its requirements, and the record the stores keep.
import type { JobFunding } from "../deposits/reservation.js";
import type { UnitType } from "../services/service-store.js";

export type JobStatus =
  "pending" | "queued" | "assigned" | "running" | "completed" | "failed" | "expired" | "cancelled";
export type PublicJobStatus = Exclude<JobStatus, "pending">;
export const PUBLIC_JOB_STATUSES: readonly PublicJobStatus[] = [
  "queued",
  "assigned",
  "running",
  "completed",
  "failed",
  "expired",
  "cancelled",
];
export const ACTIVE_STATUSES = ["queued", "assigned", "running"] as const;
export const HELD_STATUSES = ["assigned", "running"] as const;

/** The kinds of event a job's stream carries. */
export type JobEventType = "status" | "progress" | "result" | "dispute";

export type InferenceRequirements = {
  task_type: "inference";
  model: string;
  prompt: string;
  max_tokens?: number;
  temperature?: number;
  seed?: number;
  verified_only?: boolean;
  /** AITBC: only providers whose active bond holds at least this. */
  min_bond?: number;
};
export type WorkloadRequirements = {
  task_type: string;
  framework?: string;
  dataset_size?: string;
  estimated_duration?: string;
  verified_only?: boolean;
  /** AITBC: only providers whose active bond holds at least this. */
  min_bond?: number;
};
export type Requirements = InferenceRequirements | WorkloadRequirements;

export function isInference(r: Requirements): r is InferenceRequirements {
  return r.task_type === "inference";
}

export interface JobOutput {
  text: string;
  finish_reason: "stop" | "length" | "budget" | "cancelled";
}
export interface JobMetering {
  duration_ms: number;
  tokens_in: number;
  tokens_out: number;
}

export interface JobRecord {
  jobId: string;
  tenantId: string;
  customerId: string;
  serviceId: string;
  providerId: string;
  status: JobStatus;
  taskType: string;
  model: string | null;
  requirements: Requirements;
  budgetMicro: bigint;
  /** Micro-AITBC per hour (`gpu_seconds`) or per 1,000 output tokens (`tokens`). */
  unitPriceMicro: bigint;
  unitType: UnitType;
  /** Micro-AITBC per 1,000 input tokens of a token-priced job; null when input is free. */
  inputPriceMicro: bigint | null;
  ttlSeconds: number;
  attempts: number;
  minerId: string | null;
  leaseId: string | null;
  leaseExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  assignedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  expiresAt: string;
  notes: string[];
  failureCode: string | null;
  failureMessage: string | null;
  output: JobOutput | null;
  metering: JobMetering | null;
  durationMs: number | null;
  paidMicro: bigint | null;
  refundMicro: bigint | null;
  paymentStatus: "locked" | "settled" | "refunded";
  /** Where the budget is held: a per-job escrow on chain, or a reservation against the deposit. */
  funding: JobFunding;
  /** The settlement batch paying a deposit job, once it is batched. */
  batchId: string | null;
  lockTxHash: string | null;
  settleTxHash: string | null;
  receiptHash: string | null;
  lastSeq: number;
  /** A re-run: only this miner (of another provider than the original's) may claim it. */
  pinnedMinerId?: string | null;
  /** A re-run: the job whose result it checks. */
  verifiesJobId?: string | null;
}
