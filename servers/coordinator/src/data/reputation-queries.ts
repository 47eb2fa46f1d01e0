// What a provider's reputation is computed from: counts and durations of its finished jobs.
import type { Knex } from "@aitbc/server-lib";
import type { ProviderFacts, ReputationQueries } from "../domain/reviews/review-store.js";

export class ReputationQueriesRepo implements ReputationQueries {
  constructor(private readonly db: Knex) {}

  /**
   * Counts and the median duration of a provider's finished jobs, answered by SQL over the
   * (provider_id, status, duration_ms) index: at most two rows come back however many jobs
   * the provider ran.
   */
  async providerFacts(providerId: string): Promise<ProviderFacts> {
    const counts = await this.db("jobs")
      .where({ provider_id: providerId })
      .whereIn("status", ["completed", "failed"])
      .select("status")
      .count({ n: "*" })
      .groupBy("status");
    let completed = 0;
    let failed = 0;
    for (const r of counts as Array<{ status: string; n: unknown }>) {
      if (r.status === "completed") completed = Number(r.n);
      else failed = Number(r.n);
    }
    const timed = () =>
      this.db("jobs")
        .where({ provider_id: providerId, status: "completed" })
        .whereNotNull("duration_ms");
    const [c] = (await timed().count({ n: "*" })) as Array<{ n: unknown }>;
    const n = Number(c?.n ?? 0);
    if (n === 0) return { completed, failed, medianDurationMs: null };
    const middle = (await timed()
      .orderBy("duration_ms")
      .offset(Math.floor((n - 1) / 2))
      .limit(n % 2 ? 1 : 2)
      .select("duration_ms")) as Array<{ duration_ms: unknown }>;
    const sum = middle.reduce((acc, r) => acc + Number(r.duration_ms), 0);
    return { completed, failed, medianDurationMs: sum / middle.length };
  }
}
