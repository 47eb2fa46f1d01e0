import type { Knex } from "@aitbc/server-lib";
import { normalizeBlockRow, type BlockRow } from "./rows.js";

const SUMMARY_COLUMNS = [
  "height",
  "hash",
  "prev_hash",
  "timestamp",
  "proposer",
  "round",
  "tx_count",
  "tx_root",
  "state_root",
  "signature",
  "weight",
];

export type BlockSummaryRow = Omit<BlockRow, "undo">;

export class BlockRepo {
  constructor(private readonly db: Knex) {}

  async head(): Promise<BlockSummaryRow | undefined> {
    const row = await this.db("blocks").select(SUMMARY_COLUMNS).orderBy("height", "desc").first();
    return row ? normalizeBlockRow(row as BlockRow) : undefined;
  }

  async byHeight(height: number): Promise<BlockSummaryRow | undefined> {
    const row = await this.db("blocks").select(SUMMARY_COLUMNS).where({ height }).first();
    return row ? normalizeBlockRow(row as BlockRow) : undefined;
  }

  async hashAt(height: number): Promise<string | undefined> {
    const row = (await this.db("blocks").select("hash").where({ height }).first()) as
      { hash: string } | undefined;
    return row?.hash;
  }

  async heightOf(hash: string): Promise<number | undefined> {
    const row = (await this.db("blocks").select("height").where({ hash }).first()) as
      { height: number } | undefined;
    return row ? Number(row.height) : undefined;
  }

  async range(fromHeight: number, count: number): Promise<BlockSummaryRow[]> {
    const rows = await this.db("blocks")
      .select(SUMMARY_COLUMNS)
      .where("height", ">=", fromHeight)
      .andWhere("height", "<", fromHeight + count)
      .orderBy("height", "asc");
    return (rows as BlockRow[]).map(normalizeBlockRow);
  }

  /** Undo records from the head down to (not including) `aboveHeight`, newest first. */
  async undoAbove(aboveHeight: number): Promise<Array<{ height: number; undo: string }>> {
    const rows = await this.db("blocks")
      .select("height", "undo")
      .where("height", ">", aboveHeight)
      .orderBy("height", "desc");
    return (rows as Array<{ height: number; undo: string }>).map((r) => ({
      height: Number(r.height),
      undo: r.undo,
    }));
  }

  /** Newest first, below `beforeHeight` when given. */
  async list(limit: number, beforeHeight?: number): Promise<BlockSummaryRow[]> {
    const q = this.db("blocks").select(SUMMARY_COLUMNS).orderBy("height", "desc").limit(limit);
    if (beforeHeight !== undefined) q.where("height", "<", beforeHeight);
    return ((await q) as BlockRow[]).map(normalizeBlockRow);
  }

  /** Each proposer's highest block above `aboveHeight`. */
  async latestProposals(aboveHeight: number): Promise<Map<string, number>> {
    const rows = (await this.db("blocks")
      .select("proposer")
      .max({ height: "height" })
      .where("height", ">", aboveHeight)
      .groupBy("proposer")) as Array<{ proposer: string; height: number | string }>;
    return new Map(rows.map((r) => [r.proposer, Number(r.height)]));
  }

  static async insert(trx: Knex.Transaction, rows: BlockRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 50) await trx("blocks").insert(rows.slice(i, i + 50));
  }

  static async deleteAbove(trx: Knex.Transaction, height: number): Promise<void> {
    await trx("blocks").where("height", ">", height).delete();
  }
}
