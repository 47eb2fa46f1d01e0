// Anyone, without a key, asks for a provider's reputation and browses services by model. As the
// marketplace grows (hundreds of finished jobs, hundreds of services nobody serves the model of),
// the rows the coordinator reads for one such request must stay the same, not grow with the data.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { type Account, type Harness } from "./support/harness.js";
import { startMarket } from "./support/market.js";
import { TINY_MODEL, type TestMiner } from "./support/miner-double.js";

describe.each(testDatabaseKinds())("public queries stay bounded (%s)", (kind) => {
  let h: Harness;
  let customer: Account;
  let miner: TestMiner;

  beforeAll(async () => {
    ({ h, customer, miner } = await startMarket(kind, {
      provider: "busy-gpu",
      customer: "busy-customer",
      service: "zz-busy-svc",
      aitbc: 100,
    }));
  });
  afterAll(() => h.close());

  /** Rows the database handed back while `fn` ran. */
  const rowsRead = async (fn: () => Promise<unknown>) => {
    let rows = 0;
    const count = (response: unknown) => {
      if (Array.isArray(response)) rows += response.length;
    };
    h.db().on("query-response", count);
    try {
      await fn();
    } finally {
      h.db().off("query-response", count);
    }
    return rows;
  };

  const reputation = () =>
    h.as(undefined).coordinator.getProviderReputation({ path: { provider_id: "busy-gpu" } });

  it("answers a reputation from aggregates, whatever the number of finished jobs", async () => {
    await customer.client.coordinator.createJob({
      body: {
        requirements: { task_type: "inference", model: TINY_MODEL.name, prompt: "hi" },
        budget: { max_cost: 1, currency: "AITBC" },
      },
    });
    await miner.complete((await miner.claim(0))!, "ok", 1000);
    const few = await rowsRead(reputation);

    const [template] = (await h.db()("jobs").where({ provider_id: "busy-gpu" })) as Array<
      Record<string, unknown>
    >;
    // 400 more completed jobs of 1..400 s: with the first (1 s) the median of 401 is 200 s.
    const clones = Array.from({ length: 400 }, (_, i) => ({
      ...template,
      job_id: randomBytes(16).toString("hex"),
      duration_ms: (i + 1) * 1000,
      receipt_hash: null,
    }));
    for (let i = 0; i < clones.length; i += 50)
      await h
        .db()("jobs")
        .insert(clones.slice(i, i + 50));

    let after: Awaited<ReturnType<typeof reputation>> | undefined;
    const many = await rowsRead(async () => (after = await reputation()));
    expect(after).toMatchObject({ jobs_completed: 401, median_duration_s: 200 });
    expect(many).toBeLessThanOrEqual(few + 2);
  });

  it("filters services by model through an index, not by walking the catalogue", async () => {
    const list = () =>
      h.as(undefined).coordinator.listServices({ query: { model: TINY_MODEL.name, limit: 5 } });
    await miner.heartbeat([]);
    const small = await rowsRead(list);

    // 400 services, sorted before ours, from providers with no miner for the model.
    const [template] = (await h.db()("services").where({ service_id: "zz-busy-svc" })) as Array<
      Record<string, unknown>
    >;
    const idle = Array.from({ length: 400 }, (_, i) => ({
      ...template,
      service_id: `idle-${String(i).padStart(4, "0")}`,
      provider_id: `idle-provider-${i}`,
    }));
    for (let i = 0; i < idle.length; i += 50)
      await h
        .db()("services")
        .insert(idle.slice(i, i + 50));

    await miner.heartbeat([]);
    let page: Awaited<ReturnType<typeof list>> | undefined;
    const large = await rowsRead(async () => (page = await list()));
    expect(page?.services.map((s) => s.service_id)).toEqual(["zz-busy-svc"]);
    expect(large).toBeLessThanOrEqual(small + 2);
  });
});
