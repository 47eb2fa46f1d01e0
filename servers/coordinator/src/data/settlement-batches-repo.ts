// Settlement batches, their items and the deposit reservations they pay (the batch worker's
// store). Claiming owed reservations and due batches is one conditional statement each (with
// SKIP LOCKED on PostgreSQL), so two replicas never take the same row.
import type { Knex } from "@aitbc/server-lib";
import type { MerkleStep } from "@aitbc/sdk";
import type {
  BatchEntry,
  BatchPatch,
  BatchStatus,
  BatchStore,
  NewBatch,
  OwedReservation,
  ReceiptSettlementRecord,
  SettlementBatchRecord,
} from "../domain/settlement/batch-store.js";
import type { Tx } from "../domain/store/transactions.js";
import { big, firstRow, forUpdate, json, limitOne } from "./db-kind.js";
import { knexOf } from "./knex-transactions.js";

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const int = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function fromRow(r: Record<string, unknown>): SettlementBatchRecord {
  return {
    batchId: String(r.batch_id),
    status: r.status as BatchStatus,
    receiptsRoot: String(r.receipts_root),
    itemCount: Number(r.item_count),
    totalMicro: big(r.total_micro),
    signedTx: str(r.signed_tx),
    txHash: str(r.tx_hash),
    blockHeight: int(r.block_height),
    attempts: Number(r.attempts),
    lastError: str(r.last_error),
    nextAttemptAt: String(r.next_attempt_at),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

export class SettlementBatchesRepo implements BatchStore {
  constructor(private readonly db: Knex) {}

  async owedBacklog(): Promise<{ count: number; oldestAt: string | null }> {
    const [r] = (await this.db("deposit_reservations")
      .where({ status: "owed" })
      .count({ n: "*" })
      .min({ oldest: "updated_at" })) as Array<{ n: unknown; oldest: unknown }>;
    return { count: Number(r?.n ?? 0), oldestAt: str(r?.oldest) };
  }

  async claimOwed(tx: Tx, batchId: string, limit: number, now: string): Promise<OwedReservation[]> {
    const k = knexOf(tx, this.db);
    // Locked until the transaction ends (skipping rows another replica is batching), and
    // re-checked by the update: a row batched meanwhile no longer matches and is left out.
    const candidates = (await forUpdate(
      k,
      k("deposit_reservations")
        .select("*")
        .where({ status: "owed" })
        .orderBy([
          { column: "updated_at", order: "asc" },
          { column: "job_id", order: "asc" },
        ])
        .limit(Math.floor(limit), { skipBinding: true }),
      true,
    )) as Array<Record<string, unknown>>;
    if (candidates.length === 0) return [];
    const taken = new Set<string>();
    for (let i = 0; i < candidates.length; i += CHUNK) {
      const ids = candidates.slice(i, i + CHUNK).map((r) => String(r.job_id));
      const rows = (await k("deposit_reservations")
        .whereIn("job_id", ids)
        .where({ status: "owed" })
        .update({ status: "batched", batch_id: batchId, updated_at: now }, ["job_id"])) as Array<{
        job_id: string;
      }>;
      for (const r of rows) taken.add(String(r.job_id));
    }
    return candidates
      .filter((r) => taken.has(String(r.job_id)))
      .map((r) => ({
        jobId: String(r.job_id),
        ownerAddress: String(r.owner_address),
        providerAddress: String(r.provider_address),
        amountMicro: big(r.amount_micro),
        receiptHash: String(r.receipt_hash),
        updatedAt: String(r.updated_at),
      }));
  }

  async insertBatch(tx: Tx, b: NewBatch): Promise<void> {
    const k = knexOf(tx, this.db);
    await k("settlement_batches").insert({
      batch_id: b.batchId,
      status: "pending",
      receipts_root: b.receiptsRoot,
      item_count: b.items.length,
      total_micro: b.totalMicro.toString(),
      signed_tx: null,
      tx_hash: null,
      block_height: null,
      attempts: 0,
      last_error: null,
      next_attempt_at: b.now,
      created_at: b.now,
      updated_at: b.now,
    });
    for (let i = 0; i < b.items.length; i += CHUNK)
      await k("settlement_batch_items").insert(
        b.items.slice(i, i + CHUNK).map((item) => ({
          job_id: item.jobId,
          batch_id: b.batchId,
          leaf_index: item.leafIndex,
          receipt_hash: item.receiptHash,
          proof: JSON.stringify(item.proof),
        })),
      );
  }

  async claimNextDue(now: string, until: string): Promise<SettlementBatchRecord | undefined> {
    const due = limitOne(
      this.db("settlement_batches")
        .select("batch_id")
        .whereIn("status", ["pending", "signed"])
        .where("next_attempt_at", "<=", now)
        .orderBy([
          { column: "created_at", order: "asc" },
          { column: "batch_id", order: "asc" },
        ]),
    );
    const rows = (await this.db("settlement_batches")
      .where("batch_id", forUpdate(this.db, due, true))
      .whereIn("status", ["pending", "signed"])
      .update({ next_attempt_at: until }, "*")) as Array<Record<string, unknown>>;
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async byId(batchId: string): Promise<SettlementBatchRecord | undefined> {
    const r = await firstRow(this.db("settlement_batches").where({ batch_id: batchId }));
    return r ? fromRow(r) : undefined;
  }

  async entries(batchId: string): Promise<BatchEntry[]> {
    const rows = (await this.db("settlement_batch_items as i")
      .join("deposit_reservations as r", "r.job_id", "i.job_id")
      .where("i.batch_id", batchId)
      .where("r.batch_id", batchId)
      .orderBy("i.leaf_index")
      .select(
        "i.job_id",
        "i.leaf_index",
        "i.receipt_hash",
        "r.owner_address",
        "r.provider_address",
        "r.amount_micro",
      )) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      jobId: String(r.job_id),
      ownerAddress: String(r.owner_address),
      providerAddress: String(r.provider_address),
      amountMicro: big(r.amount_micro),
      receiptHash: String(r.receipt_hash),
      leafIndex: Number(r.leaf_index),
    }));
  }

  async update(tx: Tx | undefined, batchId: string, patch: BatchPatch): Promise<void> {
    await knexOf(tx, this.db)("settlement_batches").where({ batch_id: batchId }).update(patch);
  }

  async markFinal(
    tx: Tx,
    batchId: string,
    txHash: string,
    blockHeight: number,
    now: string,
  ): Promise<void> {
    const k = knexOf(tx, this.db);
    await k("settlement_batches").where({ batch_id: batchId }).update({
      status: "final",
      tx_hash: txHash,
      block_height: blockHeight,
      last_error: null,
      updated_at: now,
    });
    const jobs = k("deposit_reservations").select("job_id").where({ batch_id: batchId });
    await k("jobs").whereIn("job_id", jobs).update({
      payment_status: "settled",
      settle_tx_hash: txHash,
      updated_at: now,
    });
    await k("deposit_reservations")
      .where({ batch_id: batchId, status: "batched" })
      .update({ status: "settled", settled_height: blockHeight, updated_at: now });
  }

  async returnToOwed(tx: Tx, batchId: string, jobIds: string[], now: string): Promise<void> {
    const k = knexOf(tx, this.db);
    for (let i = 0; i < jobIds.length; i += CHUNK) {
      const ids = jobIds.slice(i, i + CHUNK);
      await k("settlement_batch_items").where({ batch_id: batchId }).whereIn("job_id", ids).del();
      await k("deposit_reservations")
        .where({ batch_id: batchId, status: "batched" })
        .whereIn("job_id", ids)
        .update({ status: "owed", batch_id: null, updated_at: now });
    }
  }

  async receiptSettlement(jobId: string): Promise<ReceiptSettlementRecord | null> {
    const r = await firstRow(
      this.db("settlement_batch_items as i")
        .join("settlement_batches as b", "b.batch_id", "i.batch_id")
        .where("i.job_id", jobId)
        .whereNot("b.status", "refused")
        .select(
          "i.batch_id",
          "i.leaf_index",
          "i.proof",
          "b.receipts_root",
          "b.status",
          "b.tx_hash",
          "b.block_height",
        ),
    );
    if (!r) return null;
    const status = r.status as BatchStatus;
    return {
      batchId: String(r.batch_id),
      receiptsRoot: String(r.receipts_root),
      leafIndex: Number(r.leaf_index),
      proof: json<MerkleStep[]>(r.proof),
      status,
      txHash: str(r.tx_hash),
      blockHeight: status === "final" ? int(r.block_height) : null,
    };
  }
}

/** Rows per statement: well under SQLite's limit on bound parameters. */
const CHUNK = 200;
