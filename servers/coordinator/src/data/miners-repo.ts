import { transaction, type Knex } from "@aitbc/server-lib";
import { firstRow, json } from "./db-kind.js";

export interface MinerModel {
  name: string;
  digest: string;
  size_bytes?: number;
  label?: string;
}

export interface MinerCapabilities {
  executor: "ollama" | "llamacpp";
  gpu: { name: string; memory_mb: number; count: number } | null;
  cpu: { model: string; cores: number };
  models: MinerModel[];
  task_types: string[];
  max_concurrency: number;
}

export interface MinerRecord {
  minerId: string;
  providerId: string;
  name: string;
  publicKey: string;
  capabilities: MinerCapabilities;
  lastHeartbeatAt: string;
  registeredAt: string;
}

function fromRow(r: Record<string, unknown>): MinerRecord {
  return {
    minerId: String(r.miner_id),
    providerId: String(r.provider_id),
    name: String(r.name),
    publicKey: String(r.public_key),
    capabilities: json<MinerCapabilities>(r.capabilities),
    lastHeartbeatAt: String(r.last_heartbeat_at),
    registeredAt: String(r.registered_at),
  };
}

export class MinersRepo {
  constructor(private readonly db: Knex) {}

  async upsert(m: MinerRecord): Promise<void> {
    const row = {
      miner_id: m.minerId,
      provider_id: m.providerId,
      name: m.name,
      public_key: m.publicKey,
      capabilities: JSON.stringify(m.capabilities),
      max_concurrency: m.capabilities.max_concurrency,
      last_heartbeat_at: m.lastHeartbeatAt,
      registered_at: m.registeredAt,
    };
    const models = [...new Set(m.capabilities.models.map((x) => x.name))].map((model) => ({
      miner_id: m.minerId,
      model,
      provider_id: m.providerId,
    }));
    await transaction(this.db, async (trx) => {
      await trx("miners")
        .insert(row)
        .onConflict("miner_id")
        .merge(["name", "public_key", "capabilities", "max_concurrency", "last_heartbeat_at"]);
      await trx("miner_models").where({ miner_id: m.minerId }).delete();
      if (models.length) await trx("miner_models").insert(models);
    });
  }

  /** Providers with a miner online since `onlineSince` that serves `model` (an index lookup). */
  providersServing(model: string, onlineSince: string): Knex.QueryBuilder {
    return this.db("miner_models")
      .join("miners", "miners.miner_id", "miner_models.miner_id")
      .where("miner_models.model", model)
      .where("miners.last_heartbeat_at", ">=", onlineSince)
      .distinct("miner_models.provider_id");
  }

  async byId(minerId: string, trx: Knex = this.db): Promise<MinerRecord | undefined> {
    const r = await firstRow(trx("miners").where({ miner_id: minerId }));
    return r ? fromRow(r) : undefined;
  }

  async touch(minerId: string, at: string, trx: Knex = this.db): Promise<void> {
    await trx("miners").where({ miner_id: minerId }).update({ last_heartbeat_at: at });
  }

  /** Miners of these providers seen since `onlineSince` (all of them when it is undefined). */
  async ofProviders(providerIds: readonly string[], onlineSince?: string): Promise<MinerRecord[]> {
    if (providerIds.length === 0) return [];
    const q = this.db("miners").whereIn("provider_id", [...new Set(providerIds)]);
    if (onlineSince) q.where("last_heartbeat_at", ">=", onlineSince);
    return ((await q) as Array<Record<string, unknown>>).map(fromRow);
  }

  async list(
    filter: {
      providerIds?: readonly string[];
      onlineSince?: string;
      status?: "online" | "offline";
      afterMinerId?: string;
    },
    limit: number,
  ): Promise<MinerRecord[]> {
    const q = this.db("miners").orderBy("miner_id").limit(limit);
    if (filter.providerIds) q.whereIn("provider_id", [...filter.providerIds]);
    if (filter.status === "online" && filter.onlineSince)
      q.where("last_heartbeat_at", ">=", filter.onlineSince);
    if (filter.status === "offline" && filter.onlineSince)
      q.where("last_heartbeat_at", "<", filter.onlineSince);
    if (filter.afterMinerId) q.where("miner_id", ">", filter.afterMinerId);
    return ((await q) as Array<Record<string, unknown>>).map(fromRow);
  }

  async counts(onlineSince: string, providerIds?: readonly string[]) {
    const base = () => {
      const q = this.db("miners");
      if (providerIds) q.whereIn("provider_id", [...providerIds]);
      return q;
    };
    const [total] = await base().count({ n: "*" });
    const [online] = await base().where("last_heartbeat_at", ">=", onlineSince).count({ n: "*" });
    return { total: Number(total?.n ?? 0), online: Number(online?.n ?? 0) };
  }
}
