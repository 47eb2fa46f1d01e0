import type { Knex } from "@aitbc/server-lib";
import type { Receipt } from "@aitbc/sdk";
import type {
  ReceiptFilter,
  ReceiptRecord,
  ReceiptStore,
} from "../domain/receipts/receipt-store.js";
import type { Tx } from "../domain/store/transactions.js";
import { json } from "./db-kind.js";
import { knexOf } from "./knex-transactions.js";

export class ReceiptsRepo implements ReceiptStore {
  constructor(private readonly db: Knex) {}

  async insert(tx: Tx, r: ReceiptRecord): Promise<void> {
    await knexOf(
      tx,
      this.db,
    )("receipts").insert({
      job_id: r.jobId,
      tenant_id: r.tenantId,
      customer_id: r.customerId,
      provider_id: r.providerId,
      receipt_hash: r.receiptHash,
      receipt: JSON.stringify(r.receipt),
      created_at: r.createdAt,
    });
  }

  async byJob(jobId: string): Promise<ReceiptRecord | undefined> {
    const rows = await this.list({ jobId }, 1);
    return rows[0];
  }

  async list(f: ReceiptFilter, limit: number): Promise<ReceiptRecord[]> {
    const q = this.db("receipts")
      .orderBy([
        { column: "created_at", order: "desc" },
        { column: "job_id", order: "desc" },
      ])
      .limit(limit);
    if (f.tenantId) q.where({ tenant_id: f.tenantId });
    if (f.customerId) q.where({ customer_id: f.customerId });
    if (f.providerId) q.where({ provider_id: f.providerId });
    if (f.jobId) q.where({ job_id: f.jobId });
    if (f.before) {
      const { createdAt, jobId } = f.before;
      q.where((w) =>
        w
          .where("created_at", "<", createdAt)
          .orWhere((x) => x.where("created_at", "=", createdAt).andWhere("job_id", "<", jobId)),
      );
    }
    return (await q).map((r: Record<string, unknown>) => ({
      jobId: String(r.job_id),
      tenantId: String(r.tenant_id),
      customerId: String(r.customer_id),
      providerId: String(r.provider_id),
      receiptHash: String(r.receipt_hash),
      receipt: json<Receipt>(r.receipt),
      createdAt: String(r.created_at),
    }));
  }
}
