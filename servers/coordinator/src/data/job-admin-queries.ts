// Aggregates over all jobs (of a tenant) for the admin views.
import type { Knex } from "@aitbc/server-lib";
import type { JobAdminQueries, JobTotals } from "../domain/admin/admin-queries.js";
import {
  PUBLIC_JOB_STATUSES,
  type JobStatus,
  type PublicJobStatus,
} from "../domain/jobs/job-types.js";

export class JobAdminQueriesRepo implements JobAdminQueries {
  constructor(private readonly db: Knex) {}

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

  async volume(tenantId?: string): Promise<JobTotals> {
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
}
