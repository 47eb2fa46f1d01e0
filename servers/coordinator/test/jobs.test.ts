// The customer's side of jobs: create (matching, escrow, idempotency, bad input), read with
// tenancy, cancel, expiry, listing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { toMicro, type CoordinatorTypes } from "@aitbc/sdk";
import {
  createAccount,
  eventually,
  failure,
  fundedCustomer,
  serviceConfig,
  settlementsDone,
  startHarness,
  type Account,
  type Harness,
} from "./support/harness.js";
import { registerMiner } from "./support/miner-double.js";

const inference = (budget = 5, extra: Partial<CoordinatorTypes.CreateJobRequest> = {}) => ({
  requirements: {
    task_type: "inference" as const,
    model: "aitbc-tiny:latest",
    prompt: "Hello AITBC",
  },
  budget: { max_cost: budget, currency: "AITBC" as const },
  ...extra,
});

describe.each(testDatabaseKinds())("jobs (%s)", (kind) => {
  // Every test starts from the same fresh coordinator, so each one can run alone (-t) and none
  // depends on what an earlier one left behind: two providers, of which only gpu-compute-001 has
  // an online miner, and a customer with 100 AITBC.
  let h: Harness;
  let provider: Account;
  let cheapProvider: Account;
  let customer: Account;

  beforeEach(async () => {
    h = await startHarness(kind);
    provider = await createAccount(h, "provider", "gpu-compute-pro");
    cheapProvider = await createAccount(h, "provider", "cheap-gpus");
    customer = await fundedCustomer(h, "customer-123", 100);
    await provider.client.coordinator.registerService({ body: serviceConfig("gpu-compute-001") });
    await cheapProvider.client.coordinator.registerService({
      body: serviceConfig("cheap-001", { pricing: { rate_per_hour: 40, currency: "AITBC" } }),
    });
    await registerMiner(provider);
  });
  afterEach(() => h.close());

  const jobCount = async () => Number((await h.db()("jobs").count({ n: "*" }))[0]!.n);

  it("picks the cheapest service that can run the model now", async () => {
    // The cheap provider has no online miner, so it cannot run the model.
    const job = await customer.client.coordinator.createJob({ body: inference() });
    expect(job.service_id).toBe("gpu-compute-001");
    await registerMiner(cheapProvider);
    const job2 = await customer.client.coordinator.createJob({ body: inference() });
    expect(job2.service_id).toBe("cheap-001");
    expect(job2.pricing.rate_per_hour).toBe(40);
    for (const j of [job, job2])
      await customer.client.coordinator.cancelJob({ path: { job_id: j.job_id } });
  });

  it("refuses a budget above the balance with 402 and moves nothing", async () => {
    const poor = await fundedCustomer(h, undefined, 1);
    const before = await jobCount();
    const err = await failure(() => poor.client.coordinator.createJob({ body: inference(5) }));
    expect(err).toMatchObject({ status: 402, code: "insufficient_funds" });
    expect(h.settlement.balanceOf(poor.apiKey)).toBe(toMicro(1));
    expect(await jobCount()).toBe(before);
    expect((await poor.client.coordinator.listJobs()).jobs).toEqual([]);
  });

  it("validates the budget, the requirements and the caller, creating nothing", async () => {
    const before = await jobCount();
    const cases: Array<[unknown, string]> = [
      [{ ...inference(), budget: { max_cost: 0, currency: "AITBC" } }, "body.budget.max_cost"],
      [
        { ...inference(), budget: { max_cost: 1.0000001, currency: "AITBC" } },
        "body.budget.max_cost",
      ],
      [{ ...inference(), budget: { max_cost: 1, currency: "BTC" } }, "body.budget.currency"],
      [{ ...inference(), ttl_seconds: 0 }, "body.ttl_seconds"],
    ];
    for (const [body, field] of cases) {
      const err = await failure(() =>
        customer.client.coordinator.createJob({ body: body as never }),
      );
      expect(err, field).toMatchObject({ status: 400, code: "validation_failed" });
      expect(err.problem.errors?.map((e) => e.field).join(" ")).toContain(field);
    }
    const noPrompt = await failure(() =>
      customer.client.coordinator.createJob({
        body: {
          requirements: { task_type: "inference", model: "m" },
          budget: { max_cost: 1, currency: "AITBC" },
        } as never,
      }),
    );
    expect(noPrompt.status).toBe(400);
    const someoneElse = await failure(() =>
      customer.client.coordinator.createJob({
        body: inference(1, { customer_id: "customer-999" }),
      }),
    );
    expect(someoneElse).toMatchObject({ status: 403, code: "forbidden" });
    const asProvider = await failure(() =>
      provider.client.coordinator.createJob({ body: inference(1) }),
    );
    expect(asProvider).toMatchObject({ status: 403 });
    const unknownService = await failure(() =>
      customer.client.coordinator.createJob({ body: inference(1, { service_id: "nope" }) }),
    );
    expect(unknownService).toMatchObject({ status: 404 });
    expect(await jobCount()).toBe(before);
    await settlementsDone(h);
    expect(h.settlement.balanceOf(customer.apiKey)).toBe(toMicro(100));
  });

  it("explains a failed match: which filter excluded which service", async () => {
    // Both providers online, so it is the model (not a missing miner) that rules them out.
    await registerMiner(cheapProvider);
    await provider.client.coordinator.registerService({
      body: serviceConfig("old-2024", {
        availability: {
          start_time: "2024-01-01T00:00:00Z",
          end_time: "2024-12-31T23:59:59Z",
          timezone: "UTC",
        },
      }),
    });
    const err = await failure(() =>
      customer.client.coordinator.createJob({
        body: {
          ...inference(1),
          requirements: { task_type: "inference", model: "llama3.2:latest", prompt: "test" },
        },
      }),
    );
    expect(err).toMatchObject({ status: 422, code: "no_matching_service" });
    const byFilter = Object.fromEntries(err.problem.reasons!.map((r) => [r.filter, r.excluded]));
    expect(byFilter.availability).toEqual(["old-2024"]);
    expect(byFilter.model?.sort()).toEqual(["cheap-001", "gpu-compute-001"]);
    const explicit = await failure(() =>
      customer.client.coordinator.createJob({ body: inference(1, { service_id: "old-2024" }) }),
    );
    expect(explicit.problem.reasons).toEqual([
      expect.objectContaining({ filter: "availability", excluded: ["old-2024"] }),
    ]);
  });

  it("returns the first job again for a retried create with the same Idempotency-Key", async () => {
    const headers = { "Idempotency-Key": "create-job-retry-1" };
    const first = await customer.client.coordinator.createJob({ body: inference(3), headers });
    const locksBefore = h.settlement.calls.lock;
    const again = await customer.client.coordinator.createJob({ body: inference(3), headers });
    expect(again.job_id).toBe(first.job_id);
    expect(h.settlement.calls.lock).toBe(locksBefore);
    await customer.client.coordinator.cancelJob({ path: { job_id: first.job_id } });
  });

  it("hides a job from other customers and other tenants (404), not from its provider or admins", async () => {
    const job = await customer.client.coordinator.createJob({
      body: inference(1, { service_id: "gpu-compute-001" }),
    });
    const stranger = await createAccount(h, "customer");
    const otherTenantAdmin = await createAccount(h, "admin", undefined, { tenant_id: "acme" });
    const sameTenantAdmin = await createAccount(h, "admin", undefined, { tenant_id: "default" });
    for (const c of [stranger, otherTenantAdmin]) {
      for (const call of [
        () => c.client.coordinator.getJobStatus({ path: { job_id: job.job_id } }),
        () => c.client.coordinator.getJobResults({ path: { job_id: job.job_id } }),
        () => c.client.coordinator.cancelJob({ path: { job_id: job.job_id } }),
      ])
        expect(await failure(call)).toMatchObject({ status: 404, code: "not_found" });
    }
    expect(
      (await provider.client.coordinator.getJobStatus({ path: { job_id: job.job_id } })).job_id,
    ).toBe(job.job_id);
    expect(
      await failure(() => provider.client.coordinator.cancelJob({ path: { job_id: job.job_id } })),
    ).toMatchObject({ status: 403 });
    const cancelled = await sameTenantAdmin.client.coordinator.cancelJob({
      path: { job_id: job.job_id },
    });
    expect(cancelled.status).toBe("cancelled");
    expect(
      await failure(() =>
        h.as(undefined).coordinator.getJobStatus({ path: { job_id: job.job_id } }),
      ),
    ).toMatchObject({ status: 401 });
  });

  it("cancels a queued job with a full refund; a finished job cannot be cancelled", async () => {
    await settlementsDone(h);
    const before = h.settlement.balanceOf(customer.apiKey);
    const job = await customer.client.coordinator.createJob({ body: inference(7) });
    expect(h.settlement.balanceOf(customer.apiKey)).toBe(before - toMicro(7));
    const cancelled = await customer.client.coordinator.cancelJob({ path: { job_id: job.job_id } });
    expect(cancelled).toMatchObject({ status: "cancelled", payment: { paid: 0, refund: 7 } });
    await eventually(() => h.settlement.balanceOf(customer.apiKey) === before, "the refund");
    const again = await customer.client.coordinator.cancelJob({ path: { job_id: job.job_id } });
    expect(again.status).toBe("cancelled");
    expect(h.settlement.calls.refund).toBeGreaterThan(0);

    const miner = await registerMiner(provider, { minerId: "finisher" });
    const done = await customer.client.coordinator.createJob({
      body: inference(1, { service_id: "gpu-compute-001" }),
    });
    let claim = await miner.claim(0);
    while (claim && claim.job.job_id !== done.job_id) claim = await miner.claim(0);
    await miner.complete(claim!);
    expect(
      await failure(() => customer.client.coordinator.cancelJob({ path: { job_id: done.job_id } })),
    ).toMatchObject({ status: 409, code: "job_not_cancellable" });
  });

  it("expires a job nobody ran before its TTL, with a refund", async () => {
    await settlementsDone(h);
    const before = h.settlement.balanceOf(customer.apiKey);
    const job = await customer.client.coordinator.createJob({
      body: {
        service_id: "gpu-compute-001",
        requirements: { task_type: "rendering" },
        budget: { max_cost: 2, currency: "AITBC" },
        ttl_seconds: 1,
      },
    });
    const expired = await eventually(async () => {
      const s = await customer.client.coordinator.getJobStatus({ path: { job_id: job.job_id } });
      return s.status === "expired" && s.payment.status === "refunded" ? s : undefined;
    }, "the expiry");
    expect(expired.payment).toMatchObject({ paid: 0, refund: 2 });
    expect(h.settlement.balanceOf(customer.apiKey)).toBe(before);
  });

  it("lists the caller's own jobs, newest first, with stable paging and a status filter", async () => {
    const lister = await fundedCustomer(h, undefined, 50);
    const made: string[] = [];
    for (let i = 0; i < 5; i++)
      made.push((await lister.client.coordinator.createJob({ body: inference(1) })).job_id);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await lister.client.coordinator.listJobs({
        query: { limit: 2, ...(cursor ? { cursor } : {}) },
      });
      seen.push(...page.jobs.map((j) => j.job_id));
      if (!page.page.next_cursor) break;
      cursor = page.page.next_cursor;
    }
    expect(seen).toEqual([...made].reverse());
    await lister.client.coordinator.cancelJob({ path: { job_id: made[0]! } });
    const cancelled = await lister.client.coordinator.listJobs({ query: { status: "cancelled" } });
    expect(cancelled.jobs.map((j) => j.job_id)).toEqual([made[0]]);
    for (const id of made.slice(1))
      await lister.client.coordinator.cancelJob({ path: { job_id: id } });
  });
});
