// The `dispute` events a disputed job's stream carries, and the dispute's wire view: a dispute is
// the job's check of kind `dispute`, its states named for the customer.
import { fromMicro, type CoordinatorTypes } from "@aitbc/sdk";
import type { CheckRecord, CheckStatus, SlashRecord } from "./verification-store.js";

export type DisputeStatus = CoordinatorTypes.DisputeStatus;

const NAMES: Record<CheckStatus, DisputeStatus> = {
  open: "open",
  rerunning: "rerunning",
  failed: "upheld",
  passed: "rejected",
  unverifiable: "unverifiable",
};

export function disputeStatus(c: CheckRecord): DisputeStatus {
  return NAMES[c.status];
}

export function disputeEvent(c: CheckRecord): { type: "dispute"; data: Record<string, unknown> } {
  const status = disputeStatus(c);
  const final = status === "upheld" || status === "rejected" || status === "unverifiable";
  return {
    type: "dispute",
    data: {
      dispute_id: c.checkId,
      status,
      ...(final && c.verdict ? { verdict: c.verdict } : {}),
      ...(c.rerunJobId ? { rerun_job_id: c.rerunJobId } : {}),
      ...(status === "upheld" && c.refundMicro !== null
        ? { refund: fromMicro(c.refundMicro) }
        : {}),
      ...(status === "rejected" && c.feeMicro !== null ? { fee: fromMicro(c.feeMicro) } : {}),
    },
  };
}

export function renderDispute(
  c: CheckRecord,
  slash: SlashRecord | undefined,
): CoordinatorTypes.Dispute {
  const status = disputeStatus(c);
  return {
    dispute_id: c.checkId,
    job_id: c.jobId,
    customer_id: c.customerId,
    provider_id: c.providerId,
    reason: c.reason ?? "",
    status,
    verdict: c.verdict,
    rerun_job_id: c.rerunJobId,
    refund: status === "upheld" && c.refundMicro !== null ? fromMicro(c.refundMicro) : null,
    fee: status === "rejected" && c.feeMicro !== null ? fromMicro(c.feeMicro) : null,
    slash:
      status === "upheld" && slash
        ? {
            status: slash.status === "submitted" ? "pending" : slash.status,
            refund: fromMicro(slash.refundMicro),
            penalty: fromMicro(slash.penaltyMicro),
            tx_hash: slash.txHash,
            block_height: slash.blockHeight,
          }
        : null,
    created_at: c.createdAt,
    resolved_at: c.resolvedAt,
  };
}
