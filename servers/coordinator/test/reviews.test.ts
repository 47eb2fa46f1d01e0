// Reviews and reputation: only a customer with a completed job on the service, one per job; the
// reputation reflects it at once, with measured facts (completed, failed, rate, median time).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import {
  createAccount,
  failure,
  fundedCustomer,
  serviceConfig,
  startHarness,
  type Account,
  type Harness,
} from "./support/harness.js";
import { registerMiner, TINY_MODEL, type TestMiner } from "./support/miner-double.js";

describe.each(testDatabaseKinds())("reviews and reputation (%s)", (kind) => {
  let h: Harness;
  let provider: Account;
  let customer: Account;
  let miner: TestMiner;

  const runJob = async (
    c: Account,
    durationMs: number,
    outcome: "complete" | "fail" = "complete",
  ) => {
    const job = await c.client.coordinator.createJob({
      body: {
        service_id: "gpu-compute-001",
        requirements: { task_type: "inference", model: TINY_MODEL.name, prompt: "hi" },
        budget: { max_cost: 1, currency: "AITBC" },
      },
    });
    const claim = (await miner.claim(0))!;
    if (outcome === "complete") await miner.complete(claim, "ok", durationMs);
    else
      await provider.client.coordinator.failJob({
        path: { job_id: job.job_id },
        body: { lease_id: claim.lease.lease_id, code: "executor_error", message: "x" },
      });
    return job.job_id;
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    provider = await createAccount(h, "provider", "gpu-compute-pro", { name: "GPUCompute Pro" });
    customer = await fundedCustomer(h, "customer-123", 100);
    await provider.client.coordinator.registerService({ body: serviceConfig("gpu-compute-001") });
    miner = await registerMiner(provider);
  });
  afterAll(() => h.close());

  it("has a public reputation with nulls before any data; unknown providers are 404", async () => {
    const anon = h.as(undefined).coordinator;
    expect(await anon.getProviderReputation({ path: { provider_id: "gpu-compute-pro" } })).toEqual({
      provider_id: "gpu-compute-pro",
      name: "GPUCompute Pro",
      rating_average: null,
      rating_count: 0,
      jobs_completed: 0,
      jobs_failed: 0,
      completion_rate: null,
      median_duration_s: null,
      services: ["gpu-compute-001"],
      checks: { checked: 0, passed: 0, failed: 0 },
    });
    expect(
      await failure(() => anon.getProviderReputation({ path: { provider_id: "customer-123" } })),
    ).toMatchObject({ status: 404 });
  });

  it("refuses a review without a completed job (422) and a second review of the same job (409)", async () => {
    const rate = (c: Account, body: object) =>
      c.client.coordinator.rateService({
        path: { service_id: "gpu-compute-001" },
        body: { rating: 4, ...body },
      });
    expect(await failure(() => rate(customer, {}))).toMatchObject({
      status: 422,
      code: "review_not_allowed",
    });
    const first = await runJob(customer, 1000);
    const second = await runJob(customer, 3000);
    await runJob(customer, 5000, "fail");
    const r1 = await rate(customer, { review: "good", customer_id: "customer-123" });
    expect(r1.job_id).toBe(second); // the most recent completed job without a review
    const r2 = await rate(customer, { job_id: first, rating: 2 });
    expect(r2.job_id).toBe(first);
    expect(await failure(() => rate(customer, {}))).toMatchObject({
      status: 409,
      code: "already_reviewed",
    });
    expect(await failure(() => rate(customer, { job_id: first }))).toMatchObject({
      status: 409,
      code: "already_reviewed",
    });
    expect(await failure(() => rate(customer, { customer_id: "someone-else" }))).toMatchObject({
      status: 403,
    });
    expect(await failure(() => rate(provider, {}))).toMatchObject({ status: 403 });
    expect(await failure(() => rate(customer, { rating: 6 }))).toMatchObject({
      status: 400,
      code: "validation_failed",
    });
    const stranger = await fundedCustomer(h);
    expect(await failure(() => rate(stranger, { job_id: first }))).toMatchObject({
      status: 422,
      code: "review_not_allowed",
    });
    expect(
      await failure(() =>
        customer.client.coordinator.rateService({
          path: { service_id: "nope" },
          body: { rating: 3 },
        }),
      ),
    ).toMatchObject({ status: 404 });

    const rep = await h.as(undefined).coordinator.getProviderReputation({
      path: { provider_id: "gpu-compute-pro" },
    });
    expect(rep).toMatchObject({
      rating_average: 3,
      rating_count: 2,
      jobs_completed: 2,
      jobs_failed: 1,
      completion_rate: 0.6667,
      median_duration_s: 2,
    });
    const reviews = await h.as(undefined).coordinator.listServiceReviews({
      path: { service_id: "gpu-compute-001" },
    });
    expect(reviews.reviews.map((r) => r.rating)).toEqual([2, 4]);
    const service = await h.as(undefined).coordinator.getService({
      path: { service_id: "gpu-compute-001" },
    });
    expect(service).toMatchObject({ rating_average: 3, rating_count: 2 });
  });
});
