// The changes that end a job without paying the provider: failed, expired, cancelled. Each one
// refunds the whole budget through the settlement outbox and ends the stream with a result event.
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
  const after: JobRecord = {
    ...job,
    status,
    paidMicro: 0n,
    refundMicro: job.budgetMicro,
  };
  return {
    patch: {
      status,
      finished_at: now,
      paid_micro: "0",
      refund_micro: job.budgetMicro.toString(),
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
