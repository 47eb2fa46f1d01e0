// The wire views of a job: status, results and payment.
import { fromMicro } from "@aitbc/sdk";
import type { CoordinatorTypes } from "@aitbc/sdk";
import type { JobRecord, PublicJobStatus } from "./job-types.js";
import { renderPriceFields } from "../services/pricing.js";

export type JobView = CoordinatorTypes.Job;
export type PaymentView = CoordinatorTypes.Payment;

export function renderPayment(j: JobRecord): PaymentView {
  return {
    status: j.paymentStatus,
    funding: j.funding,
    amount: fromMicro(j.budgetMicro),
    paid: j.paidMicro === null ? null : fromMicro(j.paidMicro),
    refund: j.refundMicro === null ? null : fromMicro(j.refundMicro),
    lock_tx_hash: j.lockTxHash,
    tx_hash: j.settleTxHash,
    batch_id: j.batchId,
  };
}

export function renderJob(j: JobRecord): JobView {
  return {
    job_id: j.jobId,
    status: j.status as PublicJobStatus,
    service_id: j.serviceId,
    provider_id: j.providerId,
    customer_id: j.customerId,
    tenant_id: j.tenantId,
    miner_id: j.minerId,
    requirements: j.requirements as JobView["requirements"],
    budget: {
      max_cost: fromMicro(j.budgetMicro),
      max_cost_micro: j.budgetMicro.toString(),
      currency: "AITBC",
    },
    pricing: renderPriceFields({
      unitType: j.unitType,
      rateMicro: j.unitPriceMicro,
      inputPriceMicro: j.inputPriceMicro,
    }),
    ttl_seconds: j.ttlSeconds,
    attempts: j.attempts,
    created_at: j.createdAt,
    updated_at: j.updatedAt,
    assigned_at: j.assignedAt,
    started_at: j.startedAt,
    finished_at: j.finishedAt,
    expires_at: j.expiresAt,
    payment: renderPayment(j),
    failure: j.failureCode ? { code: j.failureCode, message: j.failureMessage ?? "" } : null,
    notes: j.notes,
  };
}
