import type { Knex } from "@aitbc/server-lib";
import { json } from "./db-kind.js";

export type JobEventType = "status" | "progress" | "result";

export interface JobEventRecord {
  seq: number;
  job_id: string;
  type: JobEventType;
  at: string;
  data: Record<string, unknown>;
}

export class JobEventsRepo {
  constructor(private readonly db: Knex) {}

  /**
   * Appends events with the next sequence numbers. The caller must hold the job's row (locked in
   * the same transaction), pass its current `lastSeq`, and store the new last seq (the last
   * record's `seq`) in the job's `last_seq` in the same transaction.
   */
  async append(
    trx: Knex,
    jobId: string,
    lastSeq: number,
    events: ReadonlyArray<{ type: JobEventType; data: Record<string, unknown> }>,
    at: string,
  ): Promise<JobEventRecord[]> {
    const records = events.map((e, i) => ({
      seq: lastSeq + i + 1,
      job_id: jobId,
      type: e.type,
      at,
      data: e.data,
    }));
    if (records.length === 0) return [];
    // Chunked so a large progress batch stays under SQLite's bound-parameter limit.
    for (let i = 0; i < records.length; i += 150) {
      await trx("job_events").insert(
        records.slice(i, i + 150).map((r) => ({ ...r, data: JSON.stringify(r.data) })),
      );
    }
    return records;
  }

  async after(jobId: string, afterSeq: number, limit = 1000): Promise<JobEventRecord[]> {
    const rows = await this.db("job_events")
      .where({ job_id: jobId })
      .where("seq", ">", afterSeq)
      .orderBy("seq")
      .limit(limit);
    return (rows as Array<Record<string, unknown>>).map((r) => ({
      seq: Number(r.seq),
      job_id: String(r.job_id),
      type: r.type as JobEventType,
      at: String(r.at),
      data: json<Record<string, unknown>>(r.data),
    }));
  }
}
