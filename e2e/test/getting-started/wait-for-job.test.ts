// client.waitForJob against the real coordinator, miner and chain of a running stack: it returns
// a finished job whose receipt verifies (learning of the end from the job stream, not a poll),
// waits for the settlement on chain when asked, and its timeout and abort leave the job running.
import { randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import {
  createAitbcClient,
  JobWaitAbortedError,
  JobWaitTimeoutError,
  NotFoundError,
  verifyReceipt,
  type AitbcClient,
} from "@aitbc/sdk";

const stack = inject("outsiderStack");
const customer = createAitbcClient({
  coordinatorUrl: stack.urls.coordinator,
  apiKey: stack.credentials.customer.api_key,
});

async function submit(client: AitbcClient = customer): Promise<string> {
  const job = await client.coordinator.createJob({
    body: {
      requirements: {
        task_type: "inference",
        model: "aitbc-tiny:latest",
        prompt: "Hello AITBC",
        max_tokens: 8,
      },
      budget: { max_cost: 1, currency: "AITBC" },
    },
  });
  return job.job_id;
}

describe("client.waitForJob against a running stack", () => {
  it("returns the completed job with a receipt that verifies, as soon as the stream says so", async () => {
    const jobId = await submit();
    const started = Date.now();
    // A minute between polls: only the job stream can end this wait within the test's time.
    const results = await customer.waitForJob(jobId, { pollIntervalMs: 60_000 });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(results.status).toBe("completed");
    expect(results.result?.output.text.length).toBeGreaterThan(0);
    const { keys } = await customer.coordinator.listKeys();
    const check = verifyReceipt(results.receipt, {
      coordinatorKeys: keys.map((k) => k.public_key),
    });
    expect(check.errors).toEqual([]);
    expect(check.valid).toBe(true);
  });

  it("with until: settled, returns once the payment is on chain: paid + refund = budget", async () => {
    const jobId = await submit();
    const results = await customer.waitForJob(jobId, { until: "settled", timeoutMs: 45_000 });
    expect(results.payment.status).toBe("settled");
    expect(results.payment.tx_hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(results.payment.paid! + results.payment.refund!).toBeCloseTo(results.payment.amount, 6);
  });

  it("times out with JobWaitTimeoutError and the job goes on to complete", async () => {
    const jobId = await submit();
    const err = await customer.waitForJob(jobId, { timeoutMs: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobWaitTimeoutError);
    expect(err).toMatchObject({ code: "wait_timeout", jobId });
    expect((await customer.waitForJob(jobId, { timeoutMs: 45_000 })).status).toBe("completed");
  });

  it("stops on abort with JobWaitAbortedError and the job goes on to complete", async () => {
    const jobId = await submit();
    const controller = new AbortController();
    const waiting = customer.waitForJob(jobId, { signal: controller.signal });
    controller.abort(new Error("the user closed the page"));
    const err = await waiting.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobWaitAbortedError);
    expect((err as JobWaitAbortedError).cause).toMatchObject({
      message: "the user closed the page",
    });
    expect((await customer.waitForJob(jobId, { timeoutMs: 45_000 })).status).toBe("completed");
  });

  it("answers NotFoundError for a job that does not exist, without waiting", async () => {
    const unknown = randomBytes(16).toString("hex");
    const started = Date.now();
    await expect(customer.waitForJob(unknown)).rejects.toBeInstanceOf(NotFoundError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
