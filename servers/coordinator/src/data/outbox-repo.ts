import type { Knex } from "@aitbc/server-lib";
import type {
  OutboxPatch,
  OutboxRecord,
  OutboxStatus,
  OutboxStore,
} from "../domain/settlement/outbox-store.js";
import type { Tx } from "../domain/store/transactions.js";
import { big, firstRow, forUpdate, limitOne } from "./db-kind.js";
import { knexOf } from "./knex-transactions.js";

function fromRow(r: Record<string, unknown>): OutboxRecord {
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    jobId: String(r.job_id),
    kind: r.kind as OutboxRecord["kind"],
    amountMicro: big(r.amount_micro),
    paidMicro: big(r.paid_micro),
    refundMicro: big(r.refund_micro),
    providerAddress: s(r.provider_address),
    receiptHash: s(r.receipt_hash),
    status: r.status as OutboxStatus,
    signedTx: s(r.signed_tx),
    txHash: s(r.tx_hash),
    attempts: Number(r.attempts),
    lastError: s(r.last_error),
    nextAttemptAt: String(r.next_attempt_at),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

export class OutboxRepo implements OutboxStore {
  constructor(private readonly db: Knex) {}

  async insert(tx: Tx | undefined, o: OutboxRecord): Promise<void> {
    await knexOf(
      tx,
      this.db,
    )("settlement_outbox")
      .insert({
        job_id: o.jobId,
        kind: o.kind,
        amount_micro: o.amountMicro.toString(),
        paid_micro: o.paidMicro.toString(),
        refund_micro: o.refundMicro.toString(),
        provider_address: o.providerAddress,
        receipt_hash: o.receiptHash,
        status: o.status,
        signed_tx: o.signedTx,
        tx_hash: o.txHash,
        attempts: o.attempts,
        last_error: o.lastError,
        next_attempt_at: o.nextAttemptAt,
        created_at: o.createdAt,
        updated_at: o.updatedAt,
      })
      .onConflict("job_id")
      .ignore();
  }

  async byJob(jobId: string): Promise<OutboxRecord | undefined> {
    const r = await firstRow(this.db("settlement_outbox").where({ job_id: jobId }));
    return r ? fromRow(r) : undefined;
  }

  /**
   * Claims the oldest due item: pushes its next attempt to `until` and returns it, in one
   * statement (the subquery locks with SKIP LOCKED on PostgreSQL), so that only one replica
   * works on it. Items are worked on one at a time because the settlement key's nonces are
   * sequential.
   */
  async claimNextDue(now: string, until: string): Promise<OutboxRecord | undefined> {
    const due = limitOne(
      this.db("settlement_outbox")
        .select("job_id")
        .where({ status: "pending" })
        .where("next_attempt_at", "<=", now)
        .orderBy([
          { column: "created_at", order: "asc" },
          { column: "job_id", order: "asc" },
        ]),
    );
    const rows = (await this.db("settlement_outbox")
      .where("job_id", forUpdate(this.db, due, true))
      .update({ next_attempt_at: until }, "*")) as Array<Record<string, unknown>>;
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async update(tx: Tx | undefined, jobId: string, patch: OutboxPatch): Promise<void> {
    await knexOf(tx, this.db)("settlement_outbox").where({ job_id: jobId }).update(patch);
  }

  async countPending(): Promise<number> {
    const [r] = await this.db("settlement_outbox").where({ status: "pending" }).count({ n: "*" });
    return Number(r?.n ?? 0);
  }
}
