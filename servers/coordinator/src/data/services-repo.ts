import type { Knex } from "@aitbc/server-lib";
import type {
  ServiceQuery,
  ServiceRecord,
  ServiceSpecs,
  ServiceStore,
} from "../domain/services/service-store.js";
import { big, bigOrNull, firstRow, json } from "./db-kind.js";
import type { Tx } from "../domain/store/transactions.js";
import { knexOf } from "./knex-transactions.js";

function fromRow(r: Record<string, unknown>): ServiceRecord {
  return {
    serviceId: String(r.service_id),
    providerId: String(r.provider_id),
    tenantId: String(r.tenant_id),
    name: String(r.name),
    type: String(r.type),
    description: r.description === null ? null : String(r.description),
    specs: json<ServiceSpecs>(r.specs),
    rateMicro: big(r.rate_micro),
    unitType: r.unit_type === "tokens" ? "tokens" : "gpu_seconds",
    inputPriceMicro: bigOrNull(r.input_price_micro),
    currency: "AITBC",
    availStart: (r.avail_start as string | null) ?? null,
    availEnd: (r.avail_end as string | null) ?? null,
    timezone: (r.timezone as string | null) ?? null,
    status: r.status as "active" | "inactive",
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

function toRow(s: ServiceRecord) {
  return {
    service_id: s.serviceId,
    provider_id: s.providerId,
    tenant_id: s.tenantId,
    name: s.name,
    type: s.type,
    description: s.description,
    specs: JSON.stringify(s.specs),
    rate_micro: s.rateMicro.toString(),
    unit_type: s.unitType,
    input_price_micro: s.inputPriceMicro === null ? null : s.inputPriceMicro.toString(),
    currency: s.currency,
    avail_start: s.availStart,
    avail_end: s.availEnd,
    timezone: s.timezone,
    status: s.status,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

export class ServicesRepo implements ServiceStore {
  constructor(private readonly db: Knex) {}

  async insert(s: ServiceRecord): Promise<void> {
    await this.db("services").insert(toRow(s));
  }

  async update(s: ServiceRecord): Promise<void> {
    const { service_id, ...rest } = toRow(s);
    await this.db("services").where({ service_id }).update(rest);
  }

  async byId(serviceId: string, tx?: Tx): Promise<ServiceRecord | undefined> {
    const r = await firstRow(knexOf(tx, this.db)("services").where({ service_id: serviceId }));
    return r ? fromRow(r) : undefined;
  }

  /** Services in `service_id` order, filtered by what SQL can filter; `limit` rows at most. */
  async find(q: ServiceQuery, limit: number): Promise<ServiceRecord[]> {
    const query = this.db("services").orderBy("service_id", "asc").limit(limit);
    if (q.status) query.where({ status: q.status });
    if (q.type) query.where({ type: q.type });
    if (q.providerId) query.where({ provider_id: q.providerId });
    // Compare as integers on both databases: the column is a bigint.
    if (q.minRateMicro !== undefined || q.maxRateMicro !== undefined)
      query.where({ unit_type: "gpu_seconds" });
    if (q.minRateMicro !== undefined) query.where("rate_micro", ">=", q.minRateMicro.toString());
    if (q.maxRateMicro !== undefined) query.where("rate_micro", "<=", q.maxRateMicro.toString());
    if (q.unitType) query.where({ unit_type: q.unitType });
    if (q.maxTokenPriceMicro !== undefined)
      query
        .where({ unit_type: "tokens" })
        .where("rate_micro", "<=", q.maxTokenPriceMicro.toString());
    if (q.afterServiceId) query.where("service_id", ">", q.afterServiceId);
    if (q.servedBy) query.whereIn("provider_id", this.providersServing(q.servedBy));
    const rows = (await query) as Array<Record<string, unknown>>;
    return rows.map(fromRow);
  }

  async serviceIdsOfProvider(providerId: string): Promise<string[]> {
    const rows = await this.db("services")
      .where({ provider_id: providerId })
      .orderBy("service_id")
      .select("service_id");
    return rows.map((r: { service_id: string }) => r.service_id);
  }

  async counts(tenantId?: string): Promise<{ active: number; total: number }> {
    const q = this.db("services").select("status").count({ n: "*" }).groupBy("status");
    if (tenantId) q.where({ tenant_id: tenantId });
    let active = 0;
    let total = 0;
    for (const r of (await q) as Array<{ status: string; n: unknown }>) {
      total += Number(r.n);
      if (r.status === "active") active += Number(r.n);
    }
    return { active, total };
  }

  /** Providers with a miner online since `onlineSince` that serves `model` (an index lookup). */
  private providersServing(by: { model: string; onlineSince: string }): Knex.QueryBuilder {
    return this.db("miner_models")
      .join("miners", "miners.miner_id", "miner_models.miner_id")
      .where("miner_models.model", by.model)
      .where("miners.last_heartbeat_at", ">=", by.onlineSince)
      .distinct("miner_models.provider_id");
  }
}
