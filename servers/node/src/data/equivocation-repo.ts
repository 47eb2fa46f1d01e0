// Evidence of equivocating validators (one row per pair of conflicting blocks).
import type { Knex } from "@aitbc/server-lib";
import type { Equivocation, SignedHeader } from "../domain/chain/equivocation.js";

interface EquivocationRow {
  id: number;
  proposer: string;
  height: number;
  first: string;
  second: string;
  detected_at: string;
}

export interface StoredEquivocation extends Equivocation {
  id: number;
  detectedAt: string;
}

export class EquivocationRepo {
  constructor(private readonly db: Knex) {}

  async record(e: Equivocation): Promise<void> {
    await this.db("equivocations")
      .insert({
        proposer: e.proposer,
        height: e.height,
        first_hash: e.first.hash,
        second_hash: e.second.hash,
        first: JSON.stringify(e.first),
        second: JSON.stringify(e.second),
        detected_at: new Date().toISOString(),
      })
      .onConflict(["proposer", "height", "first_hash", "second_hash"])
      .ignore();
  }

  /** Newest first, below id `beforeId` when given. */
  async list(limit: number, beforeId?: number): Promise<StoredEquivocation[]> {
    const q = this.db("equivocations").select().orderBy("id", "desc").limit(limit);
    if (beforeId !== undefined) q.where("id", "<", beforeId);
    return ((await q) as EquivocationRow[]).map((r) => ({
      id: Number(r.id),
      proposer: r.proposer,
      height: Number(r.height),
      first: JSON.parse(r.first) as SignedHeader,
      second: JSON.parse(r.second) as SignedHeader,
      detectedAt: r.detected_at,
    }));
  }
}
