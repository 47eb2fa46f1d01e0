import { transaction, type Knex } from "@aitbc/server-lib";
import type {
  MinerCapabilities,
  MinerListFilter,
  MinerRecord,
  MinerStore,
} from "../domain/miners/miner-store.js";
import type { Tx } from "../domain/store/transactions.js";
import { firstRow, json } from "./db-kind.js";
import { knexOf } from "./knex-transactions.js";

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

export class MinersRepo implements MinerStore {
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

  async byId(minerId: string, tx?: Tx): Promise<MinerRecord | undefined> {
    const r = await firstRow(knexOf(tx, this.db)("miners").where({ miner_id: minerId }));
    return r ? fromRow(r) : undefined;
  }

  async touch(minerId: string, at: string, tx?: Tx): Promise<void> {
    await knexOf(
      tx,
      this.db,
    )("miners")
      .where({ miner_id: minerId })
      .update({ last_heartbeat_at: at });
  }

  /** Miners of these providers seen since `onlineSince` (all of them when it is undefined). */
  async ofProviders(providerIds: readonly string[], onlineSince?: string): Promise<MinerRecord[]> {
    if (providerIds.length === 0) return [];
    const q = this.db("miners").whereIn("provider_id", [...new Set(providerIds)]);
    if (onlineSince) q.where("last_heartbeat_at", ">=", onlineSince);
    return ((await q) as Array<Record<string, unknown>>).map(fromRow);
  }

  async list(filter: MinerListFilter, limit: number): Promise<MinerRecord[]> {
    const q = this.db("miners").orderBy("miner_id").limit(limit);
    if (filter.providerIds) q.whereIn("provider_id", [...filter.providerIds]);
    if (filter.status === "online" && filter.onlineSince)
      q.where("last_heartbeat_at", ">=", filter.onlineSince);
    if (filter.status === "offline" && filter.onlineSince)
      q.where("last_heartbeat_at", "<", filter.onlineSince);
    if (filter.afterMinerId) q.where("miner_id", ">", filter.afterMinerId);
    return ((await q) as Array<Record<string, unknown>>).map(fromRow);
  }

  async counts(
    onlineSince: string,
    providerIds?: readonly string[],
  ): Promise<{ total: number; online: number }> {
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
