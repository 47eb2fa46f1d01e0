// 20 concurrent claims on 200 queued jobs: every job is claimed exactly once and never held by two
// live leases, on SQLite (serialized writers) and PostgreSQL (FOR UPDATE SKIP LOCKED).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import type { CoordinatorTypes } from "@aitbc/sdk";
import {
  createAccount,
  fundedCustomer,
  serviceConfig,
  startHarness,
  type Harness,
} from "./support/harness.js";
import { registerMiner, TINY_MODEL, type TestMiner } from "./support/miner-double.js";

const JOBS = 200;
const CLAIMERS = 20;

describe.each(testDatabaseKinds())("claim concurrency (%s)", (kind) => {
  let h: Harness;
  let miners: TestMiner[];
  let jobIds: string[];

  beforeAll(async () => {
    h = await startHarness(kind);
    const provider = await createAccount(h, "provider", "busy-pro");
    const customer = await fundedCustomer(h, "busy-customer", 1000);
    await provider.client.coordinator.registerService({ body: serviceConfig("busy-001") });
    miners = [];
    for (let i = 0; i < 10; i++)
      miners.push(await registerMiner(provider, { minerId: `rig-${i}`, maxConcurrency: JOBS }));
    // Queued through the API, eight creates at a time.
    jobIds = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < JOBS) {
          const i = next++;
          const j = await customer.client.coordinator.createJob({
            body: {
              requirements: { task_type: "inference", model: TINY_MODEL.name, prompt: `job ${i}` },
              budget: { max_cost: 0.5, currency: "AITBC" },
            },
          });
          jobIds.push(j.job_id);
        }
      }),
    );
  });
  afterAll(() => h.close());

  it("hands each job to exactly one claim", async () => {
    const claims: CoordinatorTypes.Claim[] = [];
    // 20 claim loops run at once (two per miner) until the queue is empty.
    await Promise.all(
      Array.from({ length: CLAIMERS }, async (_, i) => {
        const m = miners[i % miners.length]!;
        for (;;) {
          const c = await m.claim(0);
          if (!c) return;
          claims.push(c);
        }
      }),
    );
    const claimed = claims.map((c) => c.job.job_id);
    expect(claimed).toHaveLength(JOBS);
    expect(new Set(claimed).size).toBe(JOBS);
    expect(new Set(claimed)).toEqual(new Set(jobIds));
    expect(new Set(claims.map((c) => c.lease.lease_id)).size).toBe(JOBS);

    // The database agrees: one live lease per job, the one its claim returned, one assignment event.
    const rows = await h
      .db()("jobs")
      .whereIn("job_id", jobIds)
      .select("job_id", "lease_id", "status", "attempts");
    const leaseOf = new Map(claims.map((c) => [c.job.job_id, c.lease.lease_id]));
    for (const r of rows) {
      expect(r.status).toBe("assigned");
      expect(r.attempts).toBe(1);
      expect(r.lease_id).toBe(leaseOf.get(r.job_id));
    }
    const assigned = await h
      .db()("job_events")
      .whereIn("job_id", jobIds)
      .where({ type: "status" })
      .select("job_id", "data");
    const perJob = new Map<string, number>();
    for (const e of assigned)
      if (JSON.parse(e.data).status === "assigned")
        perJob.set(e.job_id, (perJob.get(e.job_id) ?? 0) + 1);
    expect([...perJob.values()].every((n) => n === 1)).toBe(true);
    expect(perJob.size).toBe(JOBS);
  });
});
