// Admin views: miners (with provider, status, models, in-flight jobs), jobs by status, stats.
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
import { registerMiner, TINY_MODEL } from "./support/miner-double.js";

describe.each(testDatabaseKinds())("admin (%s)", (kind) => {
  let h: Harness;
  let provider: Account;
  let customer: Account;
  let runningJob: string;

  beforeAll(async () => {
    h = await startHarness(kind);
    provider = await createAccount(h, "provider", "gpu-compute-pro");
    customer = await fundedCustomer(h, "customer-123", 100);
    await provider.client.coordinator.registerService({ body: serviceConfig("gpu-compute-001") });
    const miner = await registerMiner(provider, { minerId: "rig-1" });
    const mk = () =>
      customer.client.coordinator.createJob({
        body: {
          requirements: { task_type: "inference", model: TINY_MODEL.name, prompt: "hi" },
          budget: { max_cost: 2, currency: "AITBC" },
        },
      });
    await mk();
    await miner.complete((await miner.claim(0))!, "done", 36_000); // 1 AITBC at 100 AITBC/h
    runningJob = (await mk()).job_id;
    await miner.claim(0);
    await mk();
  });
  afterAll(() => h.close());

  it("lists miners with their provider, status, models and in-flight jobs", async () => {
    const list = await h.admin.coordinator.listAdminMiners();
    expect(list.miners).toHaveLength(1);
    expect(list.miners[0]).toMatchObject({
      miner_id: "rig-1",
      provider_id: "gpu-compute-pro",
      status: "online",
      models: [expect.objectContaining({ name: TINY_MODEL.name })],
      active_job_ids: [runningJob],
    });
    expect(
      (await h.admin.coordinator.listAdminMiners({ query: { status: "offline" } })).miners,
    ).toEqual([]);
  });

  it("lists jobs by status", async () => {
    const queued = await h.admin.coordinator.listAdminJobs({ query: { status: "queued" } });
    expect(queued.jobs).toHaveLength(1);
    const all = await h.admin.coordinator.listAdminJobs({ query: { customer_id: "customer-123" } });
    expect(all.jobs.map((j) => j.status).sort()).toEqual(["assigned", "completed", "queued"]);
    const bad = await failure(() =>
      h.admin.coordinator.listAdminJobs({ query: { status: "done" as never } }),
    );
    expect(bad).toMatchObject({ status: 400, code: "validation_failed" });
  });

  it("reports stats: jobs by status, volume, miners", async () => {
    const stats = await h.admin.coordinator.getAdminStats();
    expect(stats.jobs_by_status).toMatchObject({ queued: 1, assigned: 1, completed: 1 });
    expect(stats.jobs_total).toBe(3);
    expect(stats.volume).toMatchObject({
      settled: 1,
      settled_micro: "1000000",
      refunded: 1,
      locked: 4,
      currency: "AITBC",
    });
    expect(stats.miners).toEqual({ online: 1, total: 1 });
    expect(stats.accounts).toEqual({ customer: 1, provider: 1, admin: 0 });
  });

  it("is for admins only, and a tenant admin sees only its tenant", async () => {
    for (const call of [
      () => customer.client.coordinator.getAdminStats(),
      () => provider.client.coordinator.listAdminMiners(),
      () => customer.client.coordinator.listAdminJobs(),
    ])
      expect(await failure(call)).toMatchObject({ status: 403, code: "forbidden" });
    expect(await failure(() => h.as(undefined).coordinator.getAdminStats())).toMatchObject({
      status: 401,
    });
    const acme = await createAccount(h, "admin", "acme-admin", { tenant_id: "acme" });
    const stats = await acme.client.coordinator.getAdminStats();
    expect(stats.jobs_total).toBe(0);
    expect((await acme.client.coordinator.listAdminMiners()).miners).toEqual([]);
    expect((await acme.client.coordinator.listAdminJobs()).jobs).toEqual([]);
  });
});
