// A job's whole flow through the coordinator: a provider registers a service and a miner, a customer
// submits an inference job, the miner claims it, streams progress and completes it with a signed
// receipt, the coordinator countersigns, the escrow is released, and the customer reviews.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { fromMicro, toMicro, verifyReceipt } from "@aitbc/sdk";
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
import { registerMiner, type TestMiner } from "./support/miner-double.js";

describe.each(testDatabaseKinds())("job lifecycle (%s)", (kind) => {
  let h: Harness;
  let provider: Account;
  let customer: Account;
  let miner: TestMiner;

  beforeAll(async () => {
    h = await startHarness(kind);
    provider = await createAccount(h, "provider", "gpu-compute-pro");
    customer = await fundedCustomer(h, "customer-123", 1000);
    await provider.client.coordinator.registerService({ body: serviceConfig("gpu-compute-001") });
    miner = await registerMiner(provider);
  });
  afterAll(() => h.close());

  it("runs an inference job end to end: escrow, claim, progress, receipt, release", async () => {
    const job = await customer.client.coordinator.createJob({
      body: {
        requirements: {
          task_type: "inference",
          model: "aitbc-tiny:latest",
          prompt: "Hello AITBC",
          max_tokens: 16,
        },
        budget: { max_cost: 5, currency: "AITBC" },
      },
    });
    expect(job.status).toBe("queued");
    expect(job.service_id).toBe("gpu-compute-001");
    expect(job.payment).toMatchObject({ status: "locked", amount: 5, paid: null });
    expect(h.settlement.balanceOf(customer.apiKey)).toBe(toMicro(995));

    const claim = (await miner.claim(0))!;
    expect(claim.job.job_id).toBe(job.job_id);
    expect(claim.job.pricing).toEqual({ unit_type: "gpu_seconds", unit_price: "100000000" });
    expect(claim.job.budget.max_cost_micro).toBe("5000000");

    const progress = await provider.client.coordinator.reportJobProgress({
      path: { job_id: job.job_id },
      body: {
        lease_id: claim.lease.lease_id,
        events: [
          { kind: "token", text: "Hello" },
          { kind: "token", text: " from" },
        ],
      },
    });
    expect(progress).toEqual({ accepted: 2, cancelled: false });
    const running = await customer.client.coordinator.getJobStatus({
      path: { job_id: job.job_id },
    });
    expect(running.status).toBe("running");
    expect(running.miner_id).toBe(miner.minerId);

    const done = await miner.complete(claim, "Hello from the tiny model.", 12_345);
    expect(done.status).toBe("completed");
    // cost = floor(100 AITBC/h × 12.345 s) = 0.342916 AITBC; the rest of the 5 AITBC goes back.
    expect(done.payment).toMatchObject({ status: "settled", paid: 0.342916, refund: 4.657084 });
    expect(done.receipt.signatures).toHaveLength(2);

    const keys = await h.as(undefined).coordinator.listKeys();
    const check = verifyReceipt(done.receipt, {
      coordinatorKeys: keys.keys.map((k) => k.public_key),
      providerKeys: [done.receipt.signatures[0]!.public_key],
    });
    expect(check).toMatchObject({ valid: true, errors: [] });

    const results = await customer.client.coordinator.getJobResults({
      path: { job_id: job.job_id },
    });
    expect(results.result?.output.text).toBe("Hello from the tiny model.");
    expect(results.receipt).toEqual(done.receipt);
    expect(results.payment.tx_hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(h.settlement.paidTo.get(provider.address)).toBe(342_916n);
    expect(h.settlement.balanceOf(customer.apiKey)).toBe(toMicro(1000) - 342_916n);

    const receipts = await customer.client.coordinator.listReceipts({
      query: { job_id: job.job_id },
    });
    expect(receipts.receipts).toHaveLength(1);
    expect(receipts.receipts[0]!.payment_tx_hash).toBe(results.payment.tx_hash);

    const review = await customer.client.coordinator.rateService({
      path: { service_id: "gpu-compute-001" },
      body: { rating: 5, review: "Excellent service!", customer_id: "customer-123" },
    });
    expect(review.job_id).toBe(job.job_id);
    const rep = await h.as(undefined).coordinator.getProviderReputation({
      path: { provider_id: "gpu-compute-pro" },
    });
    expect(rep).toMatchObject({
      rating_average: 5,
      rating_count: 1,
      jobs_completed: 1,
      jobs_failed: 0,
      completion_rate: 1,
      median_duration_s: 12.345,
    });
  });

  it("fails a job the miner reports as failed and refunds the whole budget", async () => {
    const before = h.settlement.balanceOf(customer.apiKey);
    const job = await customer.client.coordinator.createJob({
      body: {
        requirements: { task_type: "inference", model: "aitbc-tiny:latest", prompt: "x" },
        budget: { max_cost: 2, currency: "AITBC" },
      },
    });
    const claim = (await miner.claim(0))!;
    const out = await provider.client.coordinator.failJob({
      path: { job_id: job.job_id },
      body: { lease_id: claim.lease.lease_id, code: "executor_error", message: "boom" },
    });
    expect(out).toMatchObject({
      status: "failed",
      payment: { status: "refunded", paid: 0, refund: 2 },
    });
    expect(h.settlement.balanceOf(customer.apiKey)).toBe(before);
    const late = await failure(() => miner.complete(claim));
    expect(late).toMatchObject({ status: 409, code: "lease_lost" });
  });

  it("refuses a receipt that does not match the job and keeps the lease", async () => {
    await customer.client.coordinator.createJob({
      body: {
        requirements: { task_type: "inference", model: "aitbc-tiny:latest", prompt: "x" },
        budget: { max_cost: 1, currency: "AITBC" },
      },
    });
    const claim = (await miner.claim(0))!;
    const cheat = await failure(() =>
      miner.complete(claim, "text", 1000, (r) => ({ ...r, cost: "1" })),
    );
    expect(cheat).toMatchObject({ status: 422, code: "receipt_invalid" });
    const forged = await failure(() =>
      miner.complete(claim, "text", 1000, (r) => ({
        ...r,
        output_hash: "sha256:" + "00".repeat(32),
      })),
    );
    expect(forged.code).toBe("receipt_invalid");
    const otherModel = await failure(() =>
      miner.complete(claim, "text", 1000, (r) => ({
        ...r,
        model_digest: "sha256:" + "cd".repeat(32),
      })),
    );
    expect(otherModel.problem.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "body.receipt.model_digest" })]),
    );
    const status = await customer.client.coordinator.getJobStatus({
      path: { job_id: claim.job.job_id },
    });
    expect(status.status).toBe("assigned");
    const ok = await miner.complete(claim, "text", 1000);
    expect(ok.status).toBe("completed");
  });

  it("answers 422 with reasons when no online miner serves the model", async () => {
    const err = await failure(() =>
      customer.client.coordinator.createJob({
        body: {
          requirements: { task_type: "inference", model: "llama3.2:latest", prompt: "test" },
          budget: { max_cost: 1, currency: "AITBC" },
        },
      }),
    );
    expect(err).toMatchObject({ status: 422, code: "no_matching_service" });
    expect(err.problem.reasons).toEqual([
      expect.objectContaining({ filter: "model", excluded: ["gpu-compute-001"] }),
    ]);
  });

  it("answers create, complete and fail with the job and payment as stored", async () => {
    const create = (prompt: string) =>
      customer.client.coordinator.createJob({
        body: {
          requirements: { task_type: "inference", model: "aitbc-tiny:latest", prompt },
          budget: { max_cost: 1, currency: "AITBC" },
        },
      });
    const read = (jobId: string) =>
      customer.client.coordinator.getJobStatus({ path: { job_id: jobId } });

    // create queues the job it inserted without reading it back: the answer is the stored job.
    const first = await create("stored a");
    expect(first).toMatchObject({ status: "queued", payment: { status: "locked" } });
    expect(first).toEqual(await read(first.job_id));

    // complete and fail answer with what the settlement worker wrote, as a read shows it.
    const claim = (await miner.claim(0))!;
    expect(claim.job.job_id).toBe(first.job_id);
    const done = await miner.complete(claim, "ok", 3600);
    expect(done.payment).toMatchObject({ status: "settled", paid: 0.1, refund: 0.9 });
    expect(done.payment).toEqual((await read(first.job_id)).payment);

    const second = await create("stored b");
    const lease = (await miner.claim(0))!;
    expect(lease.job.job_id).toBe(second.job_id);
    const failed = await provider.client.coordinator.failJob({
      path: { job_id: second.job_id },
      body: { lease_id: lease.lease.lease_id, code: "executor_error", message: "boom" },
    });
    expect(failed.payment).toMatchObject({ status: "refunded", paid: 0, refund: 1 });
    expect(failed.payment).toEqual((await read(second.job_id)).payment);
  });

  it("accepts a model-training job on an available service and says no miner runs it yet", async () => {
    const job = await customer.client.coordinator.createJob({
      body: {
        service_id: "gpu-compute-001",
        customer_id: "customer-123",
        requirements: {
          task_type: "model_training",
          framework: "PyTorch",
          dataset_size: "10GB",
          estimated_duration: "2 hours",
        },
        budget: { max_cost: 250, currency: "AITBC" },
      },
    });
    expect(job.status).toBe("queued");
    expect(job.notes.join(" ")).toMatch(/model_training/);
    expect(await miner.claim(0)).toBeUndefined();
    const cancelled = await customer.client.coordinator.cancelJob({ path: { job_id: job.job_id } });
    expect(cancelled).toMatchObject({ status: "cancelled", payment: { refund: 250 } });
    await eventually(async () => {
      const s = await customer.client.coordinator.getJobStatus({ path: { job_id: job.job_id } });
      return s.payment.status === "refunded";
    }, "the refund");
    expect(fromMicro(h.settlement.lockedTotal())).toBe(0);
  });
});
