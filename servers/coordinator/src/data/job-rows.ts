// A jobs table row turned into the domain's JobRecord.
import { big, bigOrNull, json, jsonOrNull } from "./db-kind.js";
import type {
  JobMetering,
  JobOutput,
  JobRecord,
  JobStatus,
  Requirements,
} from "../domain/jobs/job-types.js";

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function jobFromRow(r: Record<string, unknown>): JobRecord {
  return {
    jobId: String(r.job_id),
    tenantId: String(r.tenant_id),
    customerId: String(r.customer_id),
    serviceId: String(r.service_id),
    providerId: String(r.provider_id),
    status: r.status as JobStatus,
    taskType: String(r.task_type),
    model: str(r.model),
    requirements: json<Requirements>(r.requirements),
    budgetMicro: big(r.budget_micro),
    unitPriceMicro: big(r.unit_price_micro),
    unitType: r.unit_type === "tokens" ? "tokens" : "gpu_seconds",
    inputPriceMicro: bigOrNull(r.input_price_micro),
    ttlSeconds: Number(r.ttl_seconds),
    attempts: Number(r.attempts),
    minerId: str(r.miner_id),
    leaseId: str(r.lease_id),
    leaseExpiresAt: str(r.lease_expires_at),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
    assignedAt: str(r.assigned_at),
    startedAt: str(r.started_at),
    finishedAt: str(r.finished_at),
    expiresAt: String(r.expires_at),
    notes: json<string[]>(r.notes),
    failureCode: str(r.failure_code),
    failureMessage: str(r.failure_message),
    output: jsonOrNull<JobOutput>(r.output),
    metering: jsonOrNull<JobMetering>(r.metering),
    durationMs:
      r.duration_ms === null || r.duration_ms === undefined ? null : Number(r.duration_ms),
    paidMicro: bigOrNull(r.paid_micro),
    refundMicro: bigOrNull(r.refund_micro),
    paymentStatus: r.payment_status as JobRecord["paymentStatus"],
    funding: r.funding === "deposit" || r.funding === "verification" ? r.funding : "escrow",
    batchId: str(r.batch_id),
    lockTxHash: str(r.lock_tx_hash),
    settleTxHash: str(r.settle_tx_hash),
    receiptHash: str(r.receipt_hash),
    lastSeq: Number(r.last_seq),
    pinnedMinerId: str(r.pinned_miner_id),
    verifiesJobId: str(r.verifies_job_id),
  };
}
