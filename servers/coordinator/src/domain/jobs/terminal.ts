// The changes that end a job without paying the provider: failed, expired, cancelled. Each one
// refunds the whole budget (through the settlement outbox for an escrow, by releasing the deposit
// reservation otherwise) and ends the stream with a result event.
import type { JobRecord } from "./job-types.js";
import type { JobChange } from "./job-transitions.js";
import { renderPayment } from "./job-view.js";

export type RefundedStatus = "failed" | "expired" | "cancelled";

export function refundChange(
  job: JobRecord,
  status: RefundedStatus,
  reason: string,
  failure?: { code: string; message: string },
): JobChange {
  const now = new Date().toISOString();
  const paymentStatus = endedPaymentStatus(job, 0n);
  const after: JobRecord = {
    ...job,
    status,
    paidMicro: 0n,
    refundMicro: job.budgetMicro,
    paymentStatus,
  };
  return {
    patch: {
      status,
      finished_at: now,
      paid_micro: "0",
      refund_micro: job.budgetMicro.toString(),
      payment_status: paymentStatus,
      ...(failure ? { failure_code: failure.code, failure_message: failure.message } : {}),
    },
    events: [
      { type: "status", data: { status, reason } },
      {
        type: "result",
        data: { status, payment: renderPayment(after), ...(failure ? { failure } : {}) },
      },
    ],
    settle: {
      kind: "refund",
      paidMicro: 0n,
      refundMicro: job.budgetMicro,
      providerAddress: null,
      receiptHash: null,
    },
  };
}

/**
 * The payment status a job ends with before any settlement: a deposit job that pays nothing is
 * refunded at once, since nothing of it is on the chain; everything else stays locked until its
 * settlement is final.
 */
export function endedPaymentStatus(job: JobRecord, paidMicro: bigint): JobRecord["paymentStatus"] {
  return job.funding === "deposit" && paidMicro === 0n ? "refunded" : job.paymentStatus;
}
