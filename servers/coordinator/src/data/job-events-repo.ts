import type { Knex } from "@aitbc/server-lib";
import type { JobEventRecord, JobEventStore } from "../domain/jobs/job-store.js";
import type { JobEventType } from "../domain/jobs/job-types.js";
import type { Tx } from "../domain/store/transactions.js";
import { json } from "./db-kind.js";
import { knexOf } from "./knex-transactions.js";

export class JobEventsRepo implements JobEventStore {
  constructor(private readonly db: Knex) {}

  /** Appends events with the next sequence numbers (see JobEventStore.append). */
  async append(
    tx: Tx,
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
      await knexOf(
        tx,
        this.db,
      )("job_events").insert(
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
