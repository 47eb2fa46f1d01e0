// The one place a settlement outbox item is made: a release or refund when a job ends, and the
// reclaim of an escrow whose job was never queued.
import type { OutboxKind, OutboxRecord } from "./outbox-store.js";

/** What a finished job's settlement pays out. */
export interface Settle {
  kind: OutboxKind;
  paidMicro: bigint;
  refundMicro: bigint;
  providerAddress: string | null;
  receiptHash: string | null;
}

/** A new pending item for the job's escrow of `amountMicro`, first tried at `firstAttemptAt`. */
export function pendingSettlement(
  jobId: string,
  amountMicro: bigint,
  settle: Settle,
  at: string,
  firstAttemptAt: string = at,
): OutboxRecord {
  return {
    jobId,
    kind: settle.kind,
    amountMicro,
    paidMicro: settle.paidMicro,
    refundMicro: settle.refundMicro,
    providerAddress: settle.providerAddress,
    receiptHash: settle.receiptHash,
    status: "pending",
    signedTx: null,
    txHash: null,
    attempts: 0,
    lastError: null,
    nextAttemptAt: firstAttemptAt,
    createdAt: at,
    updatedAt: at,
  };
}

/** Gives a never-queued job's whole budget back to its customer, if the escrow lock happened. */
export function reclaimRecord(
  job: { jobId: string; budgetMicro: bigint },
  at: string,
  firstAttemptAt: string = at,
): OutboxRecord {
  return pendingSettlement(
    job.jobId,
    job.budgetMicro,
    {
      kind: "reclaim",
      paidMicro: 0n,
      refundMicro: job.budgetMicro,
      providerAddress: null,
      receiptHash: null,
    },
    at,
    firstAttemptAt,
  );
}
