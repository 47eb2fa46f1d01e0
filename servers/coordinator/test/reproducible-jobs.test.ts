// A customer asks for a seeded, sampled inference so that the run can be repeated. The seed and
// temperature reach the miner with the claim, and the receipt the coordinator countersigns must
// record the ones the job asked for (and may say which executor ran it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { signReceipt, type CoordinatorTypes, type Receipt } from "@aitbc/sdk";
import { failure, type Account, type Harness } from "./support/harness.js";
import { startMarket } from "./support/market.js";
import { type TestMiner } from "./support/miner-double.js";

describe.each(testDatabaseKinds())("reproducible inference jobs (%s)", (kind) => {
  let h: Harness;
  let customer: Account;
  let miner: TestMiner;

  beforeAll(async () => {
    ({ h, customer, miner } = await startMarket(kind, {
      provider: "seeded-gpu",
      customer: "seeded-customer",
      service: "seeded-svc",
    }));
  });
  afterAll(() => h.close());

  const inference = (extra: Record<string, unknown>) => ({
    task_type: "inference" as const,
    model: "aitbc-tiny:latest",
    prompt: "Hello AITBC",
    max_tokens: 16,
    ...extra,
  });
  const create = (extra: Record<string, unknown>) =>
    customer.client.coordinator.createJob({
      body: { requirements: inference(extra), budget: { max_cost: 5, currency: "AITBC" } },
    });

  const resign = (receipt: Receipt, fields: Partial<Receipt>, claim: CoordinatorTypes.Claim) => {
    const { signatures: _old, ...unsigned } = receipt;
    return signReceipt(
      { ...unsigned, ...fields },
      { secretKey: miner.keys.secretKey, keyId: `provider:${claim.job.provider_id}` },
    );
  };

  const fields = (err: { problem: { errors?: unknown } }) =>
    ((err.problem.errors ?? []) as Array<{ field: string }>).map((e) => e.field);

  it("carries seed and temperature to the miner and keeps what the receipt records", async () => {
    const created = await create({ temperature: 0.8, seed: 4294967295 });
    expect(created.requirements).toMatchObject({ temperature: 0.8, seed: 4294967295 });
    const claim = (await miner.claim(0))!;
    expect(claim.job.requirements).toMatchObject({ temperature: 0.8, seed: 4294967295 });

    const how = {
      seed: 4294967295,
      temperature: "0.8",
      executor: "llamacpp",
      executor_version: "node-llama-cpp 3.21.1; llama.cpp b6000; cpu",
    };
    const wrongSeed = await failure(() =>
      miner.complete(claim, undefined, undefined, (r) => resign(r, { ...how, seed: 1 }, claim)),
    );
    expect(wrongSeed).toMatchObject({ status: 422, code: "receipt_invalid" });
    expect(fields(wrongSeed)).toEqual(["body.receipt.seed"]);
    const wrongTemperature = await failure(() =>
      miner.complete(claim, undefined, undefined, (r) =>
        resign(r, { ...how, temperature: "0.80" }, claim),
      ),
    );
    expect(fields(wrongTemperature)).toEqual(["body.receipt.temperature"]);

    const done = await miner.complete(claim, undefined, undefined, (r) => resign(r, how, claim));
    expect(done.status).toBe("completed");
    const results = await customer.client.coordinator.getJobResults({
      path: { job_id: claim.job.job_id },
    });
    expect(results.receipt).toMatchObject(how);
  });

  it("accepts a seed the miner drew for a job without one, and temperature 0 by default", async () => {
    await create({});
    const claim = (await miner.claim(0))!;
    expect(claim.job.requirements).not.toHaveProperty("seed");
    const hot = await failure(() =>
      miner.complete(claim, undefined, undefined, (r) =>
        resign(r, { seed: 7, temperature: "0.7" }, claim),
      ),
    );
    expect(fields(hot)).toEqual(["body.receipt.temperature"]);
    const done = await miner.complete(claim, undefined, undefined, (r) =>
      resign(r, { seed: 7, temperature: "0" }, claim),
    );
    expect(done.status).toBe("completed");
  });

  it.each([
    ["a negative seed", { seed: -1 }],
    ["a seed above 2^32 - 1", { seed: 4294967296 }],
    ["a fractional seed", { seed: 1.5 }],
    ["a temperature above 2", { temperature: 2.5 }],
  ])("refuses %s with nothing created", async (_what, extra) => {
    const before = await customer.client.coordinator.listJobs({});
    const err = await failure(() => create(extra));
    expect(err).toMatchObject({ status: 400, code: "validation_failed" });
    const after = await customer.client.coordinator.listJobs({});
    expect(after.jobs.length).toBe(before.jobs.length);
  });
});
