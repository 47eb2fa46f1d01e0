// Releases and refunds survive node outages and restarts: they sit in the settlement outbox until
// the chain (here the settlement double) confirms them, and the job's payment says so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
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
import { registerMiner, TINY_MODEL, type TestMiner } from "./support/miner-double.js";

describe.each(testDatabaseKinds())("settlement outbox (%s)", (kind) => {
  let h: Harness;
  let provider: Account;
  let customer: Account;
  let miner: TestMiner;

  beforeAll(async () => {
    h = await startHarness(kind, { settleWaitMs: 200 });
    provider = await createAccount(h, "provider", "gpu-compute-pro");
    customer = await fundedCustomer(h, "customer-123", 100);
    await provider.client.coordinator.registerService({ body: serviceConfig("gpu-compute-001") });
    miner = await registerMiner(provider, { minerId: "rig-1" });
  });
  afterAll(() => h.close());

  it("keeps a completed job's payment locked while the node is down, and settles it after a restart", async () => {
    const job = await customer.client.coordinator.createJob({
      body: {
        requirements: { task_type: "inference", model: TINY_MODEL.name, prompt: "hi" },
        budget: { max_cost: 3, currency: "AITBC" },
      },
    });
    const claim = (await miner.claim(0))!;
    h.settlement.outage = true;
    const done = await miner.complete(claim, "ok", 18_000); // 0.5 AITBC
    expect(done.status).toBe("completed");
    expect(done.payment).toMatchObject({ status: "locked", paid: 0.5, refund: 2.5, tx_hash: null });
    await eventually(async () => {
      const row = await h.db()("settlement_outbox").where({ job_id: job.job_id }).first();
      return row && row.attempts >= 1 && row.last_error;
    }, "a failed settlement attempt");

    await h.restart();
    h.settlement.outage = false;
    const settled = await eventually(
      async () => {
        const r = await customer.client.coordinator.getJobResults({ path: { job_id: job.job_id } });
        return r.payment.status === "settled" ? r : undefined;
      },
      "the settlement after the restart",
      20_000,
    );
    expect(settled.payment.tx_hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(h.settlement.paidTo.get(provider.address)).toBe(500_000n);
  });

  it("answers 503 and creates nothing when the wallet is down at create", async () => {
    h.settlement.outage = true;
    try {
      const err = await failure(() =>
        customer.client.coordinator.createJob({
          body: {
            requirements: { task_type: "inference", model: TINY_MODEL.name, prompt: "hi" },
            budget: { max_cost: 1, currency: "AITBC" },
          },
        }),
      );
      expect(err).toMatchObject({ status: 503, code: "unavailable" });
      expect(
        (await customer.client.coordinator.listJobs({ query: { status: "queued" } })).jobs,
      ).toEqual([]);
    } finally {
      h.settlement.outage = false;
    }
  });
});
