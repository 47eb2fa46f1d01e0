// The miner protocol: registration, heartbeats, long-poll claims, leases that expire (re-queue and
// 409 lease_lost for the old lease), capacity.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { toBase64Url } from "@aitbc/sdk";
import {
  createAccount,
  eventually,
  failure,
  fundedCustomer,
  serviceConfig,
  startHarness,
  type Account,
  type Harness,
} from "./support/harness.js";
import { registerMiner, TINY_MODEL } from "./support/miner-double.js";

const job = (budget = 1) => ({
  service_id: "gpu-compute-001",
  requirements: { task_type: "inference" as const, model: TINY_MODEL.name, prompt: "hi" },
  budget: { max_cost: budget, currency: "AITBC" as const },
});

describe.each(testDatabaseKinds())("miner protocol (%s)", (kind) => {
  let h: Harness;
  let provider: Account;
  let customer: Account;

  beforeAll(async () => {
    h = await startHarness(kind);
    provider = await createAccount(h, "provider", "gpu-compute-pro");
    customer = await fundedCustomer(h, "customer-123", 500);
    await provider.client.coordinator.registerService({ body: serviceConfig("gpu-compute-001") });
  });
  afterAll(() => h.close());

  it("registers a miner (and updates it on re-register); refuses wrong roles, owners and keys", async () => {
    const m = await registerMiner(provider, { minerId: "rig-1" });
    expect(m.providerId).toBe("gpu-compute-pro");
    const again = await registerMiner(provider, { minerId: "rig-1", maxConcurrency: 3 });
    expect(again.minerId).toBe("rig-1");
    const row = await h.db()("miners").where({ miner_id: "rig-1" }).first();
    expect(row.max_concurrency).toBe(3);
    expect(row.public_key).toBe(toBase64Url(again.keys.publicKey));

    const other = await createAccount(h, "provider");
    expect(await failure(() => registerMiner(other, { minerId: "rig-1" }))).toMatchObject({
      status: 409,
      code: "already_exists",
    });
    expect(await failure(() => registerMiner(customer))).toMatchObject({ status: 403 });
    const badKey = await failure(() =>
      provider.client.coordinator.registerMiner({
        body: {
          name: "x",
          public_key: "not-a-key",
          capabilities: {
            executor: "llamacpp",
            gpu: null,
            cpu: { model: "c", cores: 1 },
            models: [],
            task_types: ["inference"],
            max_concurrency: 1,
          },
        },
      }),
    );
    expect(badKey).toMatchObject({ status: 400, code: "validation_failed" });
    expect(badKey.problem.errors?.[0]?.field).toBe("body.public_key");
    expect(
      await failure(() =>
        other.client.coordinator.heartbeatMiner({
          path: { miner_id: "rig-1" },
          body: { active_job_ids: [] },
        }),
      ),
    ).toMatchObject({ status: 404 });
    expect(
      await failure(() =>
        other.client.coordinator.claimJob({ path: { miner_id: "rig-1" }, body: { wait_s: 0 } }),
      ),
    ).toMatchObject({ status: 404 });
    expect(
      await failure(() =>
        provider.client.coordinator.claimJob({ path: { miner_id: "rig-1" }, body: { wait_s: 31 } }),
      ),
    ).toMatchObject({ status: 400 });
  });

  it("counts a claim as a heartbeat, also one that finds nothing", async () => {
    const m = await registerMiner(provider, { minerId: "claimer" });
    const beat = async () =>
      String((await h.db()("miners").where({ miner_id: "claimer" }).first()).last_heartbeat_at);
    const registered = await beat();
    await eventually(async () => new Date().toISOString() > registered, "the clock to move on");
    expect(await m.claim(0)).toBeUndefined();
    const claimed = await beat();
    expect(claimed > registered).toBe(true);

    await eventually(async () => new Date().toISOString() > claimed, "the clock to move on");
    const created = await customer.client.coordinator.createJob({ body: job() });
    const claim = await m.claim(0);
    expect(claim?.job.job_id).toBe(created.job_id);
    expect((await beat()) > claimed).toBe(true);
    await m.complete(claim!);
  });

  it("long-polls: a waiting claim gets a job created after it started; nothing within wait_s is 204", async () => {
    const m = await registerMiner(provider, { minerId: "poller" });
    expect(await m.claim(0)).toBeUndefined();
    const waiting = m.claim(10);
    const created = await customer.client.coordinator.createJob({ body: job() });
    const claim = await waiting;
    expect(claim?.job.job_id).toBe(created.job_id);
    expect(claim?.lease.ttl_s).toBe(30);
    await m.complete(claim!);
  });

  it("gives a miner no more jobs than its max_concurrency", async () => {
    const m = await registerMiner(provider, { minerId: "single" });
    const a = await customer.client.coordinator.createJob({ body: job() });
    const b = await customer.client.coordinator.createJob({ body: job() });
    const first = (await m.claim(0))!;
    expect(first.job.job_id).toBe(a.job_id);
    expect(await m.claim(0)).toBeUndefined();
    await m.complete(first);
    const second = (await m.claim(0))!;
    expect(second.job.job_id).toBe(b.job_id);
    await m.complete(second);
  });

  it("extends leases on heartbeat and lists jobs the miner must abort", async () => {
    const m = await registerMiner(provider, { minerId: "beater" });
    const created = await customer.client.coordinator.createJob({ body: job() });
    const claim = (await m.claim(0))!;
    const before = (await h.db()("jobs").where({ job_id: created.job_id }).first())
      .lease_expires_at;
    await new Promise((r) => setTimeout(r, 20));
    const beat = await m.heartbeat([created.job_id, "0123456789abcdef0123456789abcdef"]);
    expect(beat.extended_job_ids).toEqual([created.job_id]);
    expect(beat.cancel_job_ids).toEqual(["0123456789abcdef0123456789abcdef"]);
    const after = (await h.db()("jobs").where({ job_id: created.job_id }).first()).lease_expires_at;
    expect(after > before).toBe(true);

    await customer.client.coordinator.cancelJob({ path: { job_id: created.job_id } });
    const told = await m.heartbeat([created.job_id]);
    expect(told).toMatchObject({ cancel_job_ids: [created.job_id], extended_job_ids: [] });
    const progress = await provider.client.coordinator.reportJobProgress({
      path: { job_id: created.job_id },
      body: { lease_id: claim.lease.lease_id, events: [{ kind: "token", text: "late" }] },
    });
    expect(progress).toEqual({ accepted: 0, cancelled: true });
    expect(await failure(() => m.complete(claim))).toMatchObject({
      status: 409,
      code: "lease_lost",
    });
  });
});

describe.each(testDatabaseKinds())("leases that expire (%s)", (kind) => {
  let h: Harness;
  let provider: Account;
  let customer: Account;

  beforeAll(async () => {
    // Short leases so that expiry can be observed; the sweeper runs every 50 ms.
    h = await startHarness(kind, { leaseTtlS: 3, maxAttempts: 5 });
    provider = await createAccount(h, "provider", "gpu-compute-pro");
    customer = await fundedCustomer(h, "customer-123", 500);
    await provider.client.coordinator.registerService({ body: serviceConfig("gpu-compute-001") });
  });
  afterAll(() => h.close());

  it("re-queues the job of a dead miner when its lease expires; the old lease gets 409", async () => {
    const dead = await registerMiner(provider, { minerId: "dies" });
    const alive = await registerMiner(provider, { minerId: "lives" });
    const created = await customer.client.coordinator.createJob({ body: job(2) });
    const lost = (await dead.claim(0))!;
    expect(lost.job.job_id).toBe(created.job_id);
    // The dead miner never heartbeats. The other miner waits and gets the job once it is re-queued.
    const taken = await eventually(() => alive.claim(5), "the re-queued job");
    expect(taken.job.job_id).toBe(created.job_id);
    expect(taken.lease.lease_id).not.toBe(lost.lease.lease_id);

    const status = await customer.client.coordinator.getJobStatus({
      path: { job_id: created.job_id },
    });
    expect(status).toMatchObject({ status: "assigned", miner_id: "lives", attempts: 2 });
    const events = await h.db()("job_events").where({ job_id: created.job_id }).orderBy("seq");
    expect(events.map((e: { data: string }) => JSON.parse(e.data).status)).toEqual([
      "queued",
      "assigned",
      "queued",
      "assigned",
    ]);
    expect(JSON.parse(events[2].data)).toEqual({ status: "queued", reason: "lease_expired" });

    for (const late of [
      () => dead.complete(lost),
      () =>
        provider.client.coordinator.failJob({
          path: { job_id: created.job_id },
          body: { lease_id: lost.lease.lease_id, code: "timeout", message: "late" },
        }),
      () =>
        provider.client.coordinator.reportJobProgress({
          path: { job_id: created.job_id },
          body: { lease_id: lost.lease.lease_id, events: [{ kind: "log", text: "late" }] },
        }),
    ])
      expect(await failure(late)).toMatchObject({ status: 409, code: "lease_lost" });
    expect((await dead.heartbeat([created.job_id])).cancel_job_ids).toEqual([created.job_id]);

    const done = await alive.complete(taken);
    expect(done.status).toBe("completed");
    expect(h.settlement.escrows.get(created.job_id)?.status).toBe("released");
  });

  it("fails a job that keeps losing its lease, with a refund", async () => {
    const h2 = await startHarness(kind, { leaseTtlS: 1, maxAttempts: 1 });
    try {
      const p = await createAccount(h2, "provider", "flaky-pro");
      const c = await fundedCustomer(h2, "flaky-customer", 10);
      await p.client.coordinator.registerService({ body: serviceConfig("flaky-001") });
      const m = await registerMiner(p);
      const created = await c.client.coordinator.createJob({
        body: { ...job(3), service_id: "flaky-001" },
      });
      await m.claim(0);
      const failed = await eventually(async () => {
        const s = await c.client.coordinator.getJobStatus({ path: { job_id: created.job_id } });
        return s.status === "failed" && s.payment.status === "refunded" ? s : undefined;
      }, "the failure");
      expect(failed.failure).toMatchObject({ code: "lease_expired" });
      expect(h2.settlement.balanceOf(c.apiKey)).toBe(10_000_000n);
    } finally {
      await h2.close();
    }
  });
});
