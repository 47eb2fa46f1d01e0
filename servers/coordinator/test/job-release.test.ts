// releaseJob: a miner that stops hands its job back at once. Another miner claims it without
// waiting for the lease TTL, the old lease is dead (409 lease_lost), the stream says `released`,
// and a release never counts against the attempt limit. Leases here last 10 minutes, so anything
// that happens within a test cannot be a lease expiry.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds, waitingForConnection, type Knex } from "@aitbc/server-lib";
import { streamJobEvents, type JobEvent } from "@aitbc/sdk";
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
import { registerMiner, TINY_MODEL, type TestMiner } from "./support/miner-double.js";

const LONG_LEASE_S = 600;

const jobBody = (serviceId = "gpu-compute-001") => ({
  service_id: serviceId,
  requirements: { task_type: "inference" as const, model: TINY_MODEL.name, prompt: "hi" },
  budget: { max_cost: 2, currency: "AITBC" as const },
});

/** The job's row and event count: what a refused request must leave unchanged. */
async function snapshot(h: Harness, jobId: string) {
  const row = await h.db()("jobs").where({ job_id: jobId }).first();
  const [events] = await h.db()("job_events").where({ job_id: jobId }).count({ n: "*" });
  return {
    status: row.status as string,
    miner_id: row.miner_id as string | null,
    lease_id: row.lease_id as string | null,
    attempts: Number(row.attempts),
    events: Number(events?.n ?? 0),
  };
}

describe.each(testDatabaseKinds())("releasing a job (%s)", (kind) => {
  let h: Harness;
  let provider: Account;
  let customer: Account;
  let first: TestMiner;
  let second: TestMiner;

  const release = (jobId: string, leaseId: string, as: Account = provider) =>
    as.client.coordinator.releaseJob({
      path: { job_id: jobId },
      body: { lease_id: leaseId, reason: "miner shutting down" },
    });

  beforeAll(async () => {
    h = await startHarness(kind, { leaseTtlS: LONG_LEASE_S });
    provider = await createAccount(h, "provider", "gpu-compute-pro");
    customer = await fundedCustomer(h, "customer-123", 500);
    await provider.client.coordinator.registerService({ body: serviceConfig("gpu-compute-001") });
    first = await registerMiner(provider, { minerId: "stopping-rig" });
    second = await registerMiner(provider, { minerId: "other-rig" });
  });
  afterAll(() => h.close());

  it("requeues at once: a waiting miner gets the job, the old lease is dead, the stream says released, paid once", async () => {
    const created = await customer.client.coordinator.createJob({ body: jobBody() });
    const stream = (async () => {
      const seen: JobEvent[] = [];
      for await (const e of streamJobEvents(created.job_id, { client: customer.client }))
        seen.push(e);
      return seen;
    })();
    const held = (await first.claim(0))!;
    await provider.client.coordinator.reportJobProgress({
      path: { job_id: created.job_id },
      body: { lease_id: held.lease.lease_id, events: [{ kind: "token", text: "Hel" }] },
    });
    // The other miner is already long-polling: the release must wake it, not the lease TTL.
    const waiting = second.claim(25);
    expect(await release(created.job_id, held.lease.lease_id)).toEqual({
      job_id: created.job_id,
      status: "queued",
    });
    const taken = (await waiting)!;
    expect(taken.job.job_id).toBe(created.job_id);
    expect(taken.lease.lease_id).not.toBe(held.lease.lease_id);
    const status = await customer.client.coordinator.getJobStatus({
      path: { job_id: created.job_id },
    });
    // The released lease does not count: only the live one does.
    expect(status).toMatchObject({ status: "assigned", miner_id: "other-rig", attempts: 1 });

    for (const late of [
      () => release(created.job_id, held.lease.lease_id),
      () =>
        provider.client.coordinator.reportJobProgress({
          path: { job_id: created.job_id },
          body: { lease_id: held.lease.lease_id, events: [{ kind: "token", text: "lo" }] },
        }),
      () => first.complete(held),
      () =>
        provider.client.coordinator.failJob({
          path: { job_id: created.job_id },
          body: { lease_id: held.lease.lease_id, code: "aborted", message: "late" },
        }),
    ])
      expect(await failure(late)).toMatchObject({ status: 409, code: "lease_lost" });
    expect((await first.heartbeat([created.job_id])).cancel_job_ids).toEqual([created.job_id]);

    const done = await second.complete(taken, "Hello", 1500);
    expect(done.status).toBe("completed");
    expect(done.receipt.miner_id).toBe("other-rig");
    await settlementsDone(h);
    expect(h.settlement.escrows.get(created.job_id)?.status).toBe("released");
    const settlements = await h.db()("settlement_outbox").where({ job_id: created.job_id });
    expect(settlements.map((s: { kind: string }) => s.kind)).toEqual(["release"]);
    expect(h.settlement.paidTo.get(provider.address)).toBe(BigInt(done.receipt.cost));

    const events = await stream;
    expect(
      events.map((e) => [e.type, e.type === "progress" ? e.data.text : e.data.status]),
    ).toEqual([
      ["status", "queued"],
      ["status", "assigned"],
      ["status", "running"],
      ["progress", "Hel"],
      ["status", "queued"],
      ["status", "assigned"],
      ["status", "completed"],
      ["result", "completed"],
    ]);
    expect(events[4]!.data).toEqual({ status: "queued", reason: "released" });
    expect(events[5]!.data).toMatchObject({ status: "assigned", miner_id: "other-rig" });
  });

  it("only the lease holder may release: other provider 404, customer 403, stale lease 409, bad body 400; nothing changes", async () => {
    const created = await customer.client.coordinator.createJob({ body: jobBody() });
    const held = (await first.claim(0))!;
    const before = await snapshot(h, created.job_id);
    expect(before).toMatchObject({ status: "assigned", miner_id: "stopping-rig", attempts: 1 });

    const stranger = await createAccount(h, "provider", "another-pro");
    expect(
      await failure(() => release(created.job_id, held.lease.lease_id, stranger)),
    ).toMatchObject({ status: 404, code: "not_found" });
    expect(
      await failure(() => release(created.job_id, held.lease.lease_id, customer)),
    ).toMatchObject({ status: 403, code: "forbidden" });
    expect(
      await failure(() => release("0123456789abcdef0123456789abcdef", held.lease.lease_id)),
    ).toMatchObject({ status: 404, code: "not_found" });
    expect(
      await failure(() => release(created.job_id, "ffffffffffffffffffffffffffffffff")),
    ).toMatchObject({ status: 409, code: "lease_lost" });
    const missingLease = await failure(() =>
      provider.client.coordinator.releaseJob({
        path: { job_id: created.job_id },
        body: { reason: "no lease" } as never,
      }),
    );
    expect(missingLease).toMatchObject({ status: 400, code: "validation_failed" });
    expect(missingLease.problem.errors?.[0]?.field).toBe("body.lease_id");
    expect(
      await failure(() =>
        provider.client.coordinator.releaseJob({
          path: { job_id: created.job_id },
          body: { lease_id: held.lease.lease_id, requeue_at: "later" } as never,
        }),
      ),
    ).toMatchObject({ status: 400, code: "validation_failed" });
    expect(await snapshot(h, created.job_id)).toEqual(before);
    // Nobody else could claim it meanwhile.
    expect(await second.claim(0)).toBeUndefined();

    await release(created.job_id, held.lease.lease_id);
    const again = (await second.claim(0))!;
    expect(again.job.job_id).toBe(created.job_id);
    await second.complete(again);
  });

  it("answers 409 job_finished for a job cancelled, expired or completed in the meantime", async () => {
    const cancelled = await customer.client.coordinator.createJob({ body: jobBody() });
    const held = (await first.claim(0))!;
    await customer.client.coordinator.cancelJob({ path: { job_id: cancelled.job_id } });
    const beforeCancelled = await snapshot(h, cancelled.job_id);
    expect(await failure(() => release(cancelled.job_id, held.lease.lease_id))).toMatchObject({
      status: 409,
      code: "job_finished",
    });
    expect(await snapshot(h, cancelled.job_id)).toEqual(beforeCancelled);

    const expiring = await customer.client.coordinator.createJob({ body: jobBody() });
    const heldToo = (await first.claim(0))!;
    expect(heldToo.job.job_id).toBe(expiring.job_id);
    // Time passes for the job's TTL (not for the lease): the sweeper expires it and refunds.
    await h
      .db()("jobs")
      .where({ job_id: expiring.job_id })
      .update({ expires_at: new Date(Date.now() - 1000).toISOString() });
    await eventually(
      async () =>
        (await customer.client.coordinator.getJobStatus({ path: { job_id: expiring.job_id } }))
          .status === "expired",
      "the TTL expiry",
    );
    expect(await failure(() => release(expiring.job_id, heldToo.lease.lease_id))).toMatchObject({
      status: 409,
      code: "job_finished",
    });

    const completed = await customer.client.coordinator.createJob({ body: jobBody() });
    const ran = (await second.claim(0))!;
    await second.complete(ran);
    expect(await failure(() => release(completed.job_id, ran.lease.lease_id))).toMatchObject({
      status: 409,
      code: "job_finished",
    });
    await settlementsDone(h);
    for (const id of [cancelled.job_id, expiring.job_id]) {
      const job = await customer.client.coordinator.getJobStatus({ path: { job_id: id } });
      expect(job.payment).toMatchObject({ status: "refunded", paid: 0, refund: 2 });
    }
  });
});

describe.each(testDatabaseKinds())("releases and the attempt limit (%s)", (kind) => {
  it("a job released by three miners in turn survives the next lost lease and completes", async () => {
    // Two attempts allowed, two-second leases: a release that counted would fail the job at the
    // first lease that expires after it.
    const h = await startHarness(kind, { leaseTtlS: 2, maxAttempts: 2 });
    try {
      const provider = await createAccount(h, "provider", "polite-pro");
      const customer = await fundedCustomer(h, "polite-customer", 10);
      await provider.client.coordinator.registerService({ body: serviceConfig("polite-001") });
      const miners = await Promise.all(
        ["a", "b", "c", "d", "e"].map((id) => registerMiner(provider, { minerId: `rig-${id}` })),
      );
      const created = await customer.client.coordinator.createJob({
        body: jobBody("polite-001"),
      });
      for (const polite of miners.slice(0, 3)) {
        const claim = (await polite.claim(0))!;
        expect(claim.job.job_id).toBe(created.job_id);
        await provider.client.coordinator.releaseJob({
          path: { job_id: created.job_id },
          body: { lease_id: claim.lease.lease_id },
        });
      }
      // The fourth miner dies with the job: its lease expires and counts.
      const lost = (await miners[3]!.claim(0))!;
      const rescued = await eventually(() => miners[4]!.claim(5), "the requeued job");
      expect(rescued.job.job_id).toBe(created.job_id);
      const status = await customer.client.coordinator.getJobStatus({
        path: { job_id: created.job_id },
      });
      expect(status).toMatchObject({ status: "assigned", miner_id: "rig-e", attempts: 2 });
      expect(lost.lease.lease_id).not.toBe(rescued.lease.lease_id);
      const done = await miners[4]!.complete(rescued);
      expect(done.status).toBe("completed");

      const reasons = (await h.db()("job_events").where({ job_id: created.job_id }).orderBy("seq"))
        .map((e: { data: string }) => JSON.parse(e.data) as { status?: string; reason?: string })
        .filter((d) => d.status === "queued" && d.reason)
        .map((d) => d.reason);
      expect(reasons).toEqual(["released", "released", "released", "lease_expired"]);
    } finally {
      await h.close();
    }
  });
});

describe.each(testDatabaseKinds())("a claim whose miner hung up (%s)", (kind) => {
  it("puts the job back in the queue instead of leaving it under a lease nobody knows", async () => {
    // No sweeper during this test: on SQLite its queries would queue behind the held connection.
    const h = await startHarness(kind, { leaseTtlS: LONG_LEASE_S, sweepIntervalMs: 3_600_000 });
    try {
      const provider = await createAccount(h, "provider", "hangup-pro");
      const customer = await fundedCustomer(h, "hangup-customer", 10);
      await provider.client.coordinator.registerService({ body: serviceConfig("hangup-001") });
      await registerMiner(provider, { minerId: "quitter" });
      const other = await registerMiner(provider, { minerId: "stayer" });
      const created = await customer.client.coordinator.createJob({ body: jobBody("hangup-001") });

      // Hold the database so the claim is still being made when its miner hangs up: SQLite has
      // one connection; on PostgreSQL the claim's heartbeat write waits for the miner's row.
      const trx = await h.db().transaction();
      let sent: ReturnType<typeof httpRequest> | undefined;
      try {
        if (kind === "postgres")
          await trx("miners").where({ miner_id: "quitter" }).forUpdate().select("miner_id");
        sent = httpRequest(`${h.url}/v1/miners/quitter/claim`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-api-key": provider.apiKey },
        });
        sent.on("error", () => undefined);
        sent.end(JSON.stringify({ wait_s: 0 }));
        await eventually(() => claimIsWaiting(h.db(), trx, kind), "the claim to wait for the db");
        const closed = new Promise((resolve) => sent!.once("close", resolve));
        sent.destroy();
        await closed;
        // Let the server read the hang-up before it can answer.
        for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 10));
      } finally {
        await trx.commit();
      }
      const taken = await eventually(() => other.claim(1), "the job back in the queue");
      expect(taken.job.job_id).toBe(created.job_id);
      const statuses = (
        await h.db()("job_events").where({ job_id: created.job_id }).orderBy("seq")
      ).map((e: { data: string }) => JSON.parse(e.data) as Record<string, unknown>);
      expect(statuses).toEqual([
        { status: "queued" },
        { status: "assigned", miner_id: "quitter" },
        { status: "queued", reason: "released" },
        { status: "assigned", miner_id: "stayer" },
      ]);
      await other.complete(taken);
    } finally {
      await h.close();
    }
  });
});

/** Whether the server's claim is blocked behind the test's transaction. */
async function claimIsWaiting(db: Knex, trx: Knex.Transaction, kind: string): Promise<boolean> {
  if (kind === "postgres") {
    // pg_stat_activity is read once per transaction unless the snapshot is dropped.
    await trx.raw("select pg_stat_clear_snapshot()");
    const res = await trx.raw(
      "select count(*)::int as n from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))",
    );
    return Number((res.rows as Array<{ n: number }>)[0]?.n ?? 0) > 0;
  }
  return waitingForConnection(db) > 0;
}
