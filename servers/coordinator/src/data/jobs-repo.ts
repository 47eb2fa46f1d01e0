// The jobs table: a job's record, its state changes, and the lookups of claims and sweeps.
import type { Knex } from "@aitbc/server-lib";
import type {
  ClaimableQuery,
  JobLeaseStore,
  JobListFilter,
  JobPatch,
  JobStore,
  JobSweepQueries,
  LockedJob,
} from "../domain/jobs/job-store.js";
import {
  ACTIVE_STATUSES,
  HELD_STATUSES,
  type JobRecord,
  type JobStatus,
} from "../domain/jobs/job-types.js";
import type { Tx } from "../domain/store/transactions.js";
import { firstRow, forUpdate, limitOne } from "./db-kind.js";
import { jobFromRow } from "./job-rows.js";
import { knexOf } from "./knex-transactions.js";

/**
 * Selects the job's columns and the settlement batch of its deposit reservation (null for escrow
 * jobs and until batched): the batch worker writes the batch on the reservation only.
 */
function withBatchId(db: Knex, q: Knex.QueryBuilder): Knex.QueryBuilder {
  return q.select(
    "jobs.*",
    db.raw(
      "(select r.batch_id from deposit_reservations r where r.job_id = jobs.job_id) as batch_id",
    ),
  );
}

export class JobsRepo implements JobStore, JobLeaseStore, JobSweepQueries {
  constructor(private readonly db: Knex) {}

  async insert(tx: Tx | undefined, j: JobRecord): Promise<void> {
    await knexOf(
      tx,
      this.db,
    )("jobs").insert({
      job_id: j.jobId,
      tenant_id: j.tenantId,
      customer_id: j.customerId,
      service_id: j.serviceId,
      provider_id: j.providerId,
      status: j.status,
      task_type: j.taskType,
      model: j.model,
      requirements: JSON.stringify(j.requirements),
      budget_micro: j.budgetMicro.toString(),
      unit_price_micro: j.unitPriceMicro.toString(),
      unit_type: j.unitType,
      input_price_micro: j.inputPriceMicro === null ? null : j.inputPriceMicro.toString(),
      ttl_seconds: j.ttlSeconds,
      attempts: j.attempts,
      created_at: j.createdAt,
      updated_at: j.updatedAt,
      expires_at: j.expiresAt,
      notes: JSON.stringify(j.notes),
      payment_status: j.paymentStatus,
      funding: j.funding,
      last_seq: j.lastSeq,
      ...(j.pinnedMinerId ? { pinned_miner_id: j.pinnedMinerId } : {}),
      ...(j.verifiesJobId ? { verifies_job_id: j.verifiesJobId } : {}),
    });
  }

  async byId(jobId: string, tx?: Tx): Promise<JobRecord | undefined> {
    const trx = knexOf(tx, this.db);
    const r = await firstRow(withBatchId(trx, trx("jobs")).where({ job_id: jobId }));
    return r ? jobFromRow(r) : undefined;
  }

  /** Reads the job's row and, on PostgreSQL, locks it until the transaction ends. */
  async lockById(tx: Tx, jobId: string): Promise<LockedJob | undefined> {
    const trx = knexOf(tx, this.db);
    const row = await firstRow(
      forUpdate(trx, withBatchId(trx, trx("jobs")).where({ job_id: jobId })),
    );
    if (!row) return undefined;
    return { job: jobFromRow(row), withPatch: (patch) => jobFromRow({ ...row, ...patch }) };
  }

  async update(tx: Tx | undefined, jobId: string, patch: JobPatch): Promise<void> {
    await knexOf(tx, this.db)("jobs").where({ job_id: jobId }).update(patch);
  }

  async updateIfStatus(
    tx: Tx,
    jobId: string,
    status: JobStatus,
    patch: JobPatch,
  ): Promise<boolean> {
    const changed = await knexOf(
      tx,
      this.db,
    )("jobs")
      .where({ job_id: jobId, status })
      .update(patch);
    return Number(changed) > 0;
  }

  async delete(jobId: string): Promise<void> {
    await this.db("jobs").where({ job_id: jobId }).delete();
  }

  async deleteIfPending(tx: Tx, jobId: string): Promise<void> {
    await knexOf(tx, this.db)("jobs").where({ job_id: jobId, status: "pending" }).delete();
  }

  async list(filter: JobListFilter, limit: number): Promise<JobRecord[]> {
    const q = withBatchId(this.db, this.db("jobs"))
      .whereNot({ status: "pending" })
      .orderBy([
        { column: "created_at", order: "desc" },
        { column: "job_id", order: "desc" },
      ])
      .limit(limit);
    if (filter.tenantId) q.where({ tenant_id: filter.tenantId });
    if (filter.customerId) q.where({ customer_id: filter.customerId });
    if (filter.providerId) q.where({ provider_id: filter.providerId });
    if (filter.status) q.where({ status: filter.status });
    if (filter.before) {
      const { createdAt, jobId } = filter.before;
      q.where((w) =>
        w
          .where("created_at", "<", createdAt)
          .orWhere((x) => x.where("created_at", "=", createdAt).andWhere("job_id", "<", jobId)),
      );
    }
    return ((await q) as Array<Record<string, unknown>>).map(jobFromRow);
  }

  /**
   * The oldest queued job a miner may run: one of its provider's, not expired, whose model (for
   * inference) or task type (otherwise) the miner serves. Locked with SKIP LOCKED on PostgreSQL, so
   * concurrent claimers pass over each other's candidates instead of waiting on them.
   */
  async nextClaimable(tx: Tx, q: ClaimableQuery): Promise<JobRecord | undefined> {
    const trx = knexOf(tx, this.db);
    const otherTypes = q.taskTypes.filter((t) => t !== "inference");
    const servesInference = q.taskTypes.includes("inference") && q.models.length > 0;
    if (!servesInference && otherTypes.length === 0) return undefined;
    const query = limitOne(trx("jobs"))
      .where({ status: "queued", provider_id: q.providerId })
      .where("expires_at", ">", q.now)
      .where((w) => {
        w.whereNull("pinned_miner_id");
        if (q.minerId) w.orWhere("pinned_miner_id", q.minerId);
      })
      .where((w) => {
        if (servesInference)
          w.orWhere((x) => x.where("task_type", "inference").whereIn("model", q.models));
        if (otherTypes.length) w.orWhereIn("task_type", otherTypes);
      })
      .orderBy([
        { column: "created_at", order: "asc" },
        { column: "job_id", order: "asc" },
      ]);
    const r = await firstRow(forUpdate(trx, query, true));
    return r ? jobFromRow(r) : undefined;
  }

  async countHeldBy(tx: Tx, minerId: string): Promise<number> {
    const [r] = await knexOf(
      tx,
      this.db,
    )("jobs")
      .where({ miner_id: minerId })
      .whereIn("status", [...HELD_STATUSES])
      .count({ n: "*" });
    return Number(r?.n ?? 0);
  }

  async heldBy(minerIds: readonly string[]): Promise<Array<{ minerId: string; jobId: string }>> {
    if (minerIds.length === 0) return [];
    const rows = await this.db("jobs")
      .whereIn("miner_id", [...minerIds])
      .whereIn("status", [...HELD_STATUSES])
      .select("miner_id", "job_id");
    return rows.map((r: { miner_id: string; job_id: string }) => ({
      minerId: r.miner_id,
      jobId: r.job_id,
    }));
  }

  async liveLeases(
    tx: Tx,
    minerId: string,
    jobIds: readonly string[],
    now: string,
  ): Promise<string[]> {
    const rows = await knexOf(
      tx,
      this.db,
    )("jobs")
      .whereIn("job_id", [...jobIds])
      .where({ miner_id: minerId })
      .whereIn("status", [...HELD_STATUSES])
      .where("lease_expires_at", ">=", now)
      .select("job_id");
    return rows.map((r: { job_id: string }) => r.job_id);
  }

  async extendLeases(tx: Tx, jobIds: readonly string[], until: string, now: string) {
    await knexOf(
      tx,
      this.db,
    )("jobs")
      .whereIn("job_id", [...jobIds])
      .update({ lease_expires_at: until, updated_at: now });
  }

  async idsWithExpiredLease(now: string, limit: number): Promise<string[]> {
    const rows = await this.db("jobs")
      .whereIn("status", [...HELD_STATUSES])
      .where("lease_expires_at", "<", now)
      .limit(limit)
      .select("job_id");
    return rows.map((r: { job_id: string }) => r.job_id);
  }

  async idsPastTtl(now: string, limit: number): Promise<string[]> {
    const rows = await this.db("jobs")
      .whereIn("status", [...ACTIVE_STATUSES])
      .where("expires_at", "<=", now)
      .limit(limit)
      .select("job_id");
    return rows.map((r: { job_id: string }) => r.job_id);
  }

  async pendingOlderThan(before: string, limit: number): Promise<string[]> {
    const rows = await this.db("jobs")
      .where({ status: "pending" })
      .where("created_at", "<", before)
      .limit(limit)
      .select("job_id");
    return rows.map((r: { job_id: string }) => r.job_id);
  }

  /** Completed jobs of a customer on a service, newest first. */
  async completedJobIds(customerId: string, serviceId: string): Promise<string[]> {
    const rows = await this.db("jobs")
      .where({ customer_id: customerId, service_id: serviceId, status: "completed" })
      .orderBy([
        { column: "finished_at", order: "desc" },
        { column: "job_id", order: "desc" },
      ])
      .select("job_id");
    return rows.map((r: { job_id: string }) => r.job_id);
  }
}
