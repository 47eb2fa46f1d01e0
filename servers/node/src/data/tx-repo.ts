import type { Knex } from "@aitbc/server-lib";
import { normalizeTxRow, type TxRow } from "./rows.js";
import { insertTxParties, txPartyRows } from "./tx-parties.js";

export interface TxListFilter {
  address?: string;
  type?: string;
  jobId?: string;
  /** Keyset cursor: rows strictly before (height, position). */
  before?: { height: number; position: number };
  limit: number;
}

export class TxRepo {
  constructor(private readonly db: Knex) {}

  async byHash(hash: string): Promise<TxRow | undefined> {
    const row = await this.db("txs").where({ hash }).first();
    return row ? normalizeTxRow(row as TxRow) : undefined;
  }

  async byBlocks(fromHeight: number, toHeight: number): Promise<TxRow[]> {
    const rows = await this.db("txs")
      .where("block_height", ">=", fromHeight)
      .andWhere("block_height", "<=", toHeight)
      .orderBy([
        { column: "block_height", order: "asc" },
        { column: "position", order: "asc" },
      ]);
    return (rows as TxRow[]).map(normalizeTxRow);
  }

  /** The confirmed escrow_lock and escrow_release of a job, oldest first. */
  async escrowTxs(jobId: string): Promise<TxRow[]> {
    const rows = await this.db("txs")
      .where({ job_id: jobId })
      .whereIn("type", ["escrow_lock", "escrow_release"])
      .orderBy([
        { column: "block_height", order: "asc" },
        { column: "position", order: "asc" },
      ]);
    return (rows as TxRow[]).map(normalizeTxRow);
  }

  /** Newest first. */
  async list(filter: TxListFilter): Promise<TxRow[]> {
    const q = this.db("txs")
      .orderBy([
        { column: "block_height", order: "desc" },
        { column: "position", order: "desc" },
      ])
      .limit(filter.limit);
    if (filter.address) {
      const a = filter.address;
      q.where((w) =>
        w
          .where("from_address", a)
          .orWhere("to_address", a)
          .orWhere("refund_to", a)
          .orWhereIn("hash", this.db("tx_parties").select("tx_hash").where("address", a)),
      );
    }
    if (filter.type) q.where("type", filter.type);
    if (filter.jobId) q.where("job_id", filter.jobId);
    if (filter.before) {
      const { height, position } = filter.before;
      q.where((w) =>
        w
          .where("block_height", "<", height)
          .orWhere((w2) => w2.where("block_height", height).andWhere("position", "<", position)),
      );
    }
    return ((await q) as TxRow[]).map(normalizeTxRow);
  }

  static async insert(trx: Knex.Transaction, rows: TxRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 50) await trx("txs").insert(rows.slice(i, i + 50));
    await insertTxParties(trx, rows.flatMap(txPartyRows));
  }

  static async deleteAbove(trx: Knex.Transaction, height: number): Promise<void> {
    await trx("txs").where("block_height", ">", height).delete();
    await trx("tx_parties").where("block_height", ">", height).delete();
  }
}
