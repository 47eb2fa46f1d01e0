// Hardware claims are checked: a listing is verified only when an online miner of its provider has
// the claimed GPU and memory; matching prefers verified listings and verified_only requires them;
// a completed job far slower than the claimed GPU flags a throughput shortfall on the service.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import type { CoordinatorTypes } from "@aitbc/sdk";
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

const A100 = { name: "NVIDIA A100-SXM4-80GB", memory_mb: 81920, count: 1 };
// The size of a 7B model at 4 bits: an A100 or a 4090 generates at least 100 tokens/s on it.
const SEVEN_B = { ...TINY_MODEL, size_bytes: 4_000_000_000 };
// The test miner signs every receipt with the tiny model's digest.
const ONLY_CHEAP = { name: "only-cheap:latest", digest: TINY_MODEL.digest };

describe.each(testDatabaseKinds())("hardware claims (%s)", (kind) => {
  let h: Harness;
  let real: Account;
  let fake: Account;
  let customer: Account;
  let fakeMiner: TestMiner;
  let realMiner: TestMiner;

  beforeAll(async () => {
    h = await startHarness(kind, { meteringToleranceMs: 60_000 });
    real = await createAccount(h, "provider", "real-gpus");
    fake = await createAccount(h, "provider", "fake-gpus");
    customer = await fundedCustomer(h, "hw-customer");
    const a100 = { gpu_type: "NVIDIA A100 80GB", memory: "80GB" };
    await real.client.coordinator.registerService({
      body: serviceConfig("real-a100", {
        specs: a100,
        pricing: { rate_per_hour: 200, currency: "AITBC" },
      }),
    });
    // The cheaper listing claims the same card; its only miner is a 2-core CPU.
    await fake.client.coordinator.registerService({
      body: serviceConfig("fake-a100", {
        specs: a100,
        pricing: { rate_per_hour: 50, currency: "AITBC" },
      }),
    });
    realMiner = await registerMiner(real, {
      gpu: A100,
      cpu: { model: "AMD EPYC 7763", cores: 64, memory_mb: 512_000 },
      models: [SEVEN_B],
      tokensOut: 400,
    });
    fakeMiner = await registerMiner(fake, { models: [SEVEN_B, ONLY_CHEAP], tokensOut: 100 });
  });
  afterAll(() => h.close());

  const service = (id: string) =>
    customer.client.coordinator.getService({ path: { service_id: id } });
  const submit = (model: string, extra: { verified_only?: boolean } = {}) =>
    customer.client.coordinator.createJob({
      body: {
        requirements: { task_type: "inference", model, prompt: "Hello", ...extra },
        budget: { max_cost: 5, currency: "AITBC" },
      },
    });

  it("marks the listing whose miner reports no GPU unverified, and the real A100 verified", async () => {
    const fakeView = await service("fake-a100");
    expect(fakeView.hardware).toMatchObject({
      verified: false,
      detected: [{ miner_id: fakeMiner.minerId, gpu: null, cpu: { cores: 2 } }],
      throughput_shortfall: null,
    });
    expect(fakeView.hardware.reason).toMatch(/no GPU/);
    const realView = await service("real-a100");
    expect(realView.hardware).toMatchObject({
      verified: true,
      detected: [{ miner_id: realMiner.minerId, gpu: A100, cpu: { memory_mb: 512_000 } }],
    });
    expect(realView.hardware.reason).toContain("NVIDIA A100-SXM4-80GB");
  });

  it("filters with verified_only=true and keeps both without it", async () => {
    const ids = async (query: { verified_only?: boolean }) =>
      (await customer.client.coordinator.listServices({ query })).services.map((s) => s.service_id);
    expect(await ids({ verified_only: true })).toEqual(["real-a100"]);
    expect(await ids({})).toEqual(["fake-a100", "real-a100"]);
    expect(await ids({ verified_only: false })).toEqual(["fake-a100", "real-a100"]);
  });

  it("picks the verified listing over a cheaper unverified one", async () => {
    const job = await submit(SEVEN_B.name);
    expect(job.service_id).toBe("real-a100");
  });

  it("still picks an unverified listing when it is the only one, unless verified_only", async () => {
    const job = await submit(ONLY_CHEAP.name);
    expect(job.service_id).toBe("fake-a100");
    const err = await failure(() => submit(ONLY_CHEAP.name, { verified_only: true }));
    expect(err).toMatchObject({ status: 422, code: "no_matching_service" });
    const reasons = (
      err.problem as { reasons: Array<{ filter: string; excluded: string[]; message: string }> }
    ).reasons;
    const hw = reasons.find((r) => r.filter === "hardware");
    expect(hw?.excluded).toEqual(["fake-a100"]);
    expect(hw?.message).toMatch(/unverified hardware/);
    // The real A100 is excluded for the model, not the hardware.
    expect(reasons.find((r) => r.filter === "model")?.excluded).toEqual(["real-a100"]);
  });

  it("flags a throughput shortfall when a job runs far below the claimed GPU, and not otherwise", async () => {
    // Drain what the earlier tests queued, then run one job on each provider.
    const runAll = async (miner: TestMiner, durationMs: number) => {
      for (let claim = await miner.claim(); claim; claim = await miner.claim())
        await miner.complete(claim, "x".repeat(500), durationMs);
    };
    await submit(SEVEN_B.name, { verified_only: true });
    await runAll(realMiner, 2_000); // 400 tokens in 2 s: 200 tokens/s
    await customer.client.coordinator.createJob({
      body: {
        service_id: "fake-a100",
        requirements: { task_type: "inference", model: SEVEN_B.name, prompt: "Hello" },
        budget: { max_cost: 5, currency: "AITBC" },
      },
    });
    await runAll(fakeMiner, 20_000); // 100 tokens in 20 s: 5 tokens/s
    expect((await service("real-a100")).hardware.throughput_shortfall).toBeNull();
    const flagged = (await service("fake-a100")).hardware
      .throughput_shortfall as CoordinatorTypes.ThroughputShortfall;
    expect(flagged).toMatchObject({
      miner_id: fakeMiner.minerId,
      gpu_class: "A100",
      tokens_per_s: 5,
      expected_tokens_per_s: 100,
    });
  });
});
