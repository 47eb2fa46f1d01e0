import type { Knex } from "@aitbc/server-lib";
import type { ReviewRecord, ReviewStore } from "../domain/reviews/review-store.js";

function fromRow(r: Record<string, unknown>): ReviewRecord {
  return {
    reviewId: String(r.review_id),
    jobId: String(r.job_id),
    serviceId: String(r.service_id),
    providerId: String(r.provider_id),
    customerId: String(r.customer_id),
    rating: Number(r.rating),
    review: r.review === null || r.review === undefined ? null : String(r.review),
    createdAt: String(r.created_at),
  };
}

export class ReviewsRepo implements ReviewStore {
  constructor(private readonly db: Knex) {}

  async insert(r: ReviewRecord): Promise<void> {
    await this.db("reviews").insert({
      review_id: r.reviewId,
      job_id: r.jobId,
      service_id: r.serviceId,
      provider_id: r.providerId,
      customer_id: r.customerId,
      rating: r.rating,
      review: r.review,
      created_at: r.createdAt,
    });
  }

  async reviewedJobIds(jobIds: readonly string[]): Promise<Set<string>> {
    if (jobIds.length === 0) return new Set();
    const rows = await this.db("reviews")
      .whereIn("job_id", [...jobIds])
      .select("job_id");
    return new Set(rows.map((r: { job_id: string }) => r.job_id));
  }

  async forService(
    serviceId: string,
    limit: number,
    before?: { createdAt: string; reviewId: string },
  ): Promise<ReviewRecord[]> {
    const q = this.db("reviews")
      .where({ service_id: serviceId })
      .orderBy([
        { column: "created_at", order: "desc" },
        { column: "review_id", order: "desc" },
      ])
      .limit(limit);
    if (before) {
      q.where((w) =>
        w
          .where("created_at", "<", before.createdAt)
          .orWhere((x) =>
            x
              .where("created_at", "=", before.createdAt)
              .andWhere("review_id", "<", before.reviewId),
          ),
      );
    }
    return ((await q) as Array<Record<string, unknown>>).map(fromRow);
  }

  /** Sum and count of ratings, per service or per provider. */
  async ratings(
    by: { serviceIds: readonly string[] } | { providerId: string },
  ): Promise<Map<string, { sum: number; count: number }>> {
    const key = "serviceIds" in by ? "service_id" : "provider_id";
    const q = this.db("reviews").select(key).sum({ s: "rating" }).count({ n: "*" }).groupBy(key);
    if ("serviceIds" in by) {
      if (by.serviceIds.length === 0) return new Map();
      q.whereIn("service_id", [...by.serviceIds]);
    } else q.where({ provider_id: by.providerId });
    const out = new Map<string, { sum: number; count: number }>();
    for (const r of (await q) as Array<Record<string, unknown>>)
      out.set(String(r[key]), { sum: Number(r.s), count: Number(r.n) });
    return out;
  }
}
