import type { Knex } from "@aitbc/server-lib";
import { big, bigOrNull, firstRow, forUpdate, json, jsonOrNull, limitOne } from "./db-kind.js";

export type JobStatus =
  "pending" | "queued" | "assigned" | "running" | "completed" | "failed" | "expired" | "cancelled";
export type PublicJobStatus = Exclude<JobStatus, "pending">;
export const PUBLIC_JOB_STATUSES: readonly PublicJobStatus[] = [
  "queued",
  "assigned",
  "running",
  "completed",
  "failed",
  "expired",
  "cancelled",
];
export const ACTIVE_STATUSES = ["queued", "assigned", "running"] as const;
export const HELD_STATUSES = ["assigned", "running"] as const;

export type InferenceRequirements = {
  task_type: "inference";
  model: string;
  prompt: string;
  max_tokens?: number;
  temperature?: number;
};
export type WorkloadRequirements = {
  task_type: string;
  framework?: string;
  dataset_size?: string;
  estimated_duration?: string;
};
export type Requirements = InferenceRequirements | WorkloadRequirements;

export function isInference(r: Requirements): r is InferenceRequirements {
  return r.task_type === "inference";
}

export interface JobOutput {
  text: string;
  finish_reason: "stop" | "length" | "budget" | "cancelled";
}
export interface JobMetering {
  duration_ms: number;
  tokens_in: number;
  tokens_out: number;
}

export interface JobRecord {
  jobId: string;
  tenantId: string;
  customerId: string;
  serviceId: string;
  providerId: string;
  status: JobStatus;
  taskType: string;
  model: string | null;
  requirements: Requirements;
  budgetMicro: bigint;
  unitPriceMicro: bigint;
  ttlSeconds: number;
  attempts: number;
  minerId: string | null;
  leaseId: string | null;
  leaseExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  assignedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  expiresAt: string;
  notes: string[];
  failureCode: string | null;
  failureMessage: string | null;
  output: JobOutput | null;
  metering: JobMetering | null;
  durationMs: number | null;
  paidMicro: bigint | null;
  refundMicro: bigint | null;
  paymentStatus: "locked" | "settled" | "refunded";
  lockTxHash: string | null;
  settleTxHash: string | null;
  receiptHash: string | null;
  lastSeq: number;
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function jobFromRow(r: Record<string, unknown>): JobRecord {
  return {
    jobId: String(r.job_id),
    tenantId: String(r.tenant_id),
    customerId: String(r.customer_id),
    serviceId: String(r.service_id),
    providerId: String(r.provider_id),
    status: r.status as JobStatus,
    taskType: String(r.task_type),
    model: str(r.model),
    requirements: json<Requirements>(r.requirements),
    budgetMicro: big(r.budget_micro),
    unitPriceMicro: big(r.unit_price_micro),
    ttlSeconds: Number(r.ttl_seconds),
    attempts: Number(r.attempts),
    minerId: str(r.miner_id),
    leaseId: str(r.lease_id),
    leaseExpiresAt: str(r.lease_expires_at),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
    assignedAt: str(r.assigned_at),
    startedAt: str(r.started_at),
    finishedAt: str(r.finished_at),
    expiresAt: String(r.expires_at),
    notes: json<string[]>(r.notes),
    failureCode: str(r.failure_code),
    failureMessage: str(r.failure_message),
    output: jsonOrNull<JobOutput>(r.output),
    metering: jsonOrNull<JobMetering>(r.metering),
    durationMs:
      r.duration_ms === null || r.duration_ms === undefined ? null : Number(r.duration_ms),
    paidMicro: bigOrNull(r.paid_micro),
    refundMicro: bigOrNull(r.refund_micro),
    paymentStatus: r.payment_status as JobRecord["paymentStatus"],
    lockTxHash: str(r.lock_tx_hash),
    settleTxHash: str(r.settle_tx_hash),
    receiptHash: str(r.receipt_hash),
    lastSeq: Number(r.last_seq),
  };
}

/** Columns a state change may write, in the database's names. */
export interface JobPatch {
  status?: JobStatus;
  attempts?: number;
  miner_id?: string | null;
  lease_id?: string | null;
  lease_expires_at?: string | null;
  updated_at: string;
  assigned_at?: string | null;
  started_at?: string | null;
  finished_at?: string | null;
  failure_code?: string | null;
  failure_message?: string | null;
  output?: string | null;
  metering?: string | null;
  duration_ms?: number | null;
  paid_micro?: string | null;
  refund_micro?: string | null;
  payment_status?: JobRecord["paymentStatus"];
  lock_tx_hash?: string | null;
  settle_tx_hash?: string | null;
  receipt_hash?: string | null;
  last_seq?: number;
}

export interface JobListFilter {
  tenantId?: string;
  customerId?: string;
  providerId?: string;
  status?: PublicJobStatus;
  before?: { createdAt: string; jobId: string };
}

export class JobsRepo {
  constructor(private readonly db: Knex) {}

  async insert(trx: Knex, j: JobRecord): Promise<void> {
    await trx("jobs").insert({
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
      ttl_seconds: j.ttlSeconds,
      attempts: j.attempts,
      created_at: j.createdAt,
      updated_at: j.updatedAt,
      expires_at: j.expiresAt,
      notes: JSON.stringify(j.notes),
      payment_status: j.paymentStatus,
      last_seq: 0,
    });
  }

  async byId(jobId: string, trx: Knex = this.db): Promise<JobRecord | undefined> {
    const r = await firstRow(trx("jobs").where({ job_id: jobId }));
    return r ? jobFromRow(r) : undefined;
  }

  /** Reads the job's row and, on PostgreSQL, locks it until the transaction ends. */
  async lockRow(
    trx: Knex.Transaction,
    jobId: string,
  ): Promise<Record<string, unknown> | undefined> {
    return firstRow(forUpdate(trx, trx("jobs").where({ job_id: jobId })));
  }

  async update(trx: Knex, jobId: string, patch: JobPatch): Promise<void> {
    await trx("jobs").where({ job_id: jobId }).update(patch);
  }

  /** Applies the patch if the job is still in `status`; whether it was. */
  async updateIfStatus(
    trx: Knex,
    jobId: string,
    status: JobStatus,
    patch: JobPatch,
  ): Promise<boolean> {
    const changed = await trx("jobs").where({ job_id: jobId, status }).update(patch);
    return Number(changed) > 0;
  }

  async delete(jobId: string): Promise<void> {
    await this.db("jobs").where({ job_id: jobId }).delete();
  }

  async list(filter: JobListFilter, limit: number): Promise<JobRecord[]> {
    const q = this.db("jobs")
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
  async nextClaimable(
    trx: Knex.Transaction,
    q: { providerId: string; models: string[]; taskTypes: string[]; now: string },
  ): Promise<JobRecord | undefined> {
    const otherTypes = q.taskTypes.filter((t) => t !== "inference");
    const servesInference = q.taskTypes.includes("inference") && q.models.length > 0;
    if (!servesInference && otherTypes.length === 0) return undefined;
    const query = limitOne(trx("jobs"))
      .where({ status: "queued", provider_id: q.providerId })
      .where("expires_at", ">", q.now)
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

  async countHeldBy(trx: Knex, minerId: string): Promise<number> {
    const [r] = await trx("jobs")
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

  async countByStatus(tenantId?: string): Promise<Record<PublicJobStatus, number>> {
    const q = this.db("jobs").select("status").count({ n: "*" }).groupBy("status");
    if (tenantId) q.where({ tenant_id: tenantId });
    const out = Object.fromEntries(PUBLIC_JOB_STATUSES.map((s) => [s, 0])) as Record<
      PublicJobStatus,
      number
    >;
    for (const r of (await q) as Array<{ status: JobStatus; n: unknown }>) {
      if (r.status !== "pending") out[r.status] = Number(r.n);
    }
    return out;
  }

  async volume(tenantId?: string): Promise<{ settled: bigint; refunded: bigint; locked: bigint }> {
    const base = () => {
      const q = this.db("jobs").whereNot({ status: "pending" });
      if (tenantId) q.where({ tenant_id: tenantId });
      return q;
    };
    const sum = async (q: Knex.QueryBuilder, col: string) => {
      const [r] = await q.sum({ s: col });
      const v = (r as { s: unknown } | undefined)?.s;
      return v === null || v === undefined ? 0n : BigInt(String(v).split(".")[0]!);
    };
    return {
      settled: await sum(base().where({ payment_status: "settled" }), "paid_micro"),
      refunded: await sum(
        base().whereIn("payment_status", ["settled", "refunded"]),
        "refund_micro",
      ),
      locked: await sum(base().where({ payment_status: "locked" }), "budget_micro"),
    };
  }

  /** Facts for a provider's reputation. */
  /**
   * Counts and the median duration of a provider's finished jobs, answered by SQL over the
   * (provider_id, status, duration_ms) index: at most two rows come back however many jobs
   * the provider ran.
   */
  async providerFacts(
    providerId: string,
  ): Promise<{ completed: number; failed: number; medianDurationMs: number | null }> {
    const counts = await this.db("jobs")
      .where({ provider_id: providerId })
      .whereIn("status", ["completed", "failed"])
      .select("status")
      .count({ n: "*" })
      .groupBy("status");
    let completed = 0;
    let failed = 0;
    for (const r of counts as Array<{ status: string; n: unknown }>) {
      if (r.status === "completed") completed = Number(r.n);
      else failed = Number(r.n);
    }
    const timed = () =>
      this.db("jobs")
        .where({ provider_id: providerId, status: "completed" })
        .whereNotNull("duration_ms");
    const [c] = (await timed().count({ n: "*" })) as Array<{ n: unknown }>;
    const n = Number(c?.n ?? 0);
    if (n === 0) return { completed, failed, medianDurationMs: null };
    const middle = (await timed()
      .orderBy("duration_ms")
      .offset(Math.floor((n - 1) / 2))
      .limit(n % 2 ? 1 : 2)
      .select("duration_ms")) as Array<{ duration_ms: unknown }>;
    const sum = middle.reduce((acc, r) => acc + Number(r.duration_ms), 0);
    return { completed, failed, medianDurationMs: sum / middle.length };
  }

  /** Completed jobs of a customer on a service without a review, newest first. */
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
