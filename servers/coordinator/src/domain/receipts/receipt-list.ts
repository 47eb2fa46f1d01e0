// Listing stored receipts, limited to what the caller may see.
import type { CoordinatorTypes } from "@aitbc/sdk";
import type { ReceiptStore, ReceiptFilter } from "./receipt-store.js";
import type { JobStore } from "../jobs/job-store.js";
import { decodeCursor, encodeCursor } from "../cursor.js";
import { adminScope, type Caller } from "../accounts/caller.js";
import { receiptSettlementView, type SettlementReader } from "./receipt-settlement.js";

export async function listReceipts(
  deps: { receipts: ReceiptStore; jobs: JobStore; batches: SettlementReader },
  caller: Caller,
  q: { limit: number; job_id?: string; cursor?: string },
): Promise<CoordinatorTypes.ReceiptList> {
  const before = decodeCursor(q.cursor, ["c", "j"] as const);
  const scope: ReceiptFilter =
    caller.role === "admin"
      ? adminScope(caller)
        ? { tenantId: adminScope(caller)! }
        : {}
      : caller.role === "provider"
        ? { providerId: caller.id }
        : { customerId: caller.id };
  const rows = await deps.receipts.list(
    {
      ...scope,
      ...(q.job_id ? { jobId: q.job_id } : {}),
      ...(before ? { before: { createdAt: before.c, jobId: before.j } } : {}),
    },
    q.limit + 1,
  );
  const page = rows.slice(0, q.limit);
  const settled = new Map<string, string | null>();
  const batched = new Map<string, CoordinatorTypes.ReceiptSettlement | null>();
  for (const r of page) {
    settled.set(r.jobId, (await deps.jobs.byId(r.jobId))?.settleTxHash ?? null);
    batched.set(r.jobId, await receiptSettlementView(deps.batches, r.jobId));
  }
  const last = page[page.length - 1];
  return {
    receipts: page.map((r) => ({
      job_id: r.jobId,
      receipt_hash: r.receiptHash,
      created_at: r.createdAt,
      payment_tx_hash: settled.get(r.jobId) ?? null,
      receipt: r.receipt as CoordinatorTypes.Receipt,
      settlement: batched.get(r.jobId) ?? null,
    })),
    page: {
      limit: q.limit,
      next_cursor:
        rows.length > q.limit && last ? encodeCursor({ c: last.createdAt, j: last.jobId }) : null,
    },
  };
}
