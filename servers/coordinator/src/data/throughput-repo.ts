import type { Knex } from "@aitbc/server-lib";
import type { Tx } from "../domain/store/transactions.js";
import type { ThroughputRecord, ThroughputStore } from "../domain/hardware/throughput-store.js";
import { knexOf } from "./knex-transactions.js";

function fromRow(r: Record<string, unknown>): ThroughputRecord {
  return {
    serviceId: String(r.service_id),
    jobId: String(r.job_id),
    minerId: String(r.miner_id),
    gpuClass: String(r.gpu_class),
    tokensPerS: Number(r.tokens_per_s),
    expectedTokensPerS: Number(r.expected_tokens_per_s),
    shortfall: Boolean(r.shortfall),
    checkedAt: String(r.checked_at),
  };
}

export class ThroughputRepo implements ThroughputStore {
  constructor(private readonly db: Knex) {}

  async record(tx: Tx, r: ThroughputRecord): Promise<void> {
    await knexOf(
      tx,
      this.db,
    )("service_throughput")
      .insert({
        service_id: r.serviceId,
        job_id: r.jobId,
        miner_id: r.minerId,
        gpu_class: r.gpuClass,
        tokens_per_s: r.tokensPerS,
        expected_tokens_per_s: r.expectedTokensPerS,
        shortfall: r.shortfall,
        checked_at: r.checkedAt,
      })
      .onConflict("service_id")
      .merge();
  }

  async latest(serviceIds: readonly string[]): Promise<Map<string, ThroughputRecord>> {
    if (serviceIds.length === 0) return new Map();
    const rows = await this.db("service_throughput").whereIn("service_id", [...serviceIds]);
    return new Map(rows.map((r: Record<string, unknown>) => [String(r.service_id), fromRow(r)]));
  }
}
