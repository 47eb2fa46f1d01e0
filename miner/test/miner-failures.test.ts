// Jobs that do not end with a normal completion: a customer cancel mid-generation, a TTL that
// runs out while the miner works, and a budget that runs out first. Each is observed the way the
// customer sees it (job status, WebSocket, receipt, refund) and on the miner (it stops working).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMicro, verifyReceipt, type JobEvent, type Receipt } from "@aitbc/sdk";
import { meter, TINY_MODEL_LABEL, TINY_MODEL_NAME, type RunningMiner } from "../src/index.js";
import {
  eventually,
  followJob,
  startStack,
  submitJob,
  tokenText,
  type Stack,
} from "./support/stack-harness.js";
import { slowGpuExecutor } from "./support/slow-gpu-executor.js";

const isToken = (e: JobEvent) =>
  e.type === "progress" && (e.data as { kind: string }).kind === "token";

// The miner keeps no database; the coordinator's storage is exercised on SQLite and PostgreSQL by
// the job-flow and Ollama-path suites (and the coordinator's own). These slower scenarios (TTLs,
// lease expiries) test the miner's behaviour, so they run once, on SQLite, to keep the suite lean.
describe.each(["sqlite"] as const)("miner failure paths (%s)", (kind) => {
  let stack: Stack;
  let miner: RunningMiner;
  beforeAll(async () => {
    stack = await startStack(kind);
    miner = await stack.miner();
  });
  afterAll(() => stack?.close());

  it("aborts a job the customer cancels mid-generation: no receipt, full refund", async () => {
    const before = miner.stats();
    const job = await submitJob(stack, { maxTokens: 8000, budget: 5 });
    let cancelled: Promise<unknown> | undefined;
    const follow = followJob(stack, job.job_id, (event) => {
      if (isToken(event) && !cancelled) {
        cancelled = stack.customer.client.coordinator.cancelJob({ path: { job_id: job.job_id } });
      }
    });
    const events = await follow.events;
    await cancelled;
    expect(events.at(-1)).toMatchObject({ type: "result", data: { status: "cancelled" } });
    expect(tokenText(events).length).toBeGreaterThan(0);

    // The miner let the job go without reporting a result, and is free for the next one.
    await eventually(
      () => miner.stats().abandoned === before.abandoned + 1,
      "the miner to abort the job",
    );
    expect(miner.stats().completed).toBe(before.completed);
    expect(miner.activeJobIds()).toEqual([]);
    const results = await stack.customer.client.coordinator.getJobResults({
      path: { job_id: job.job_id },
    });
    expect(results).toMatchObject({ status: "cancelled", receipt: null });
    await eventually(
      () => stack.settlement.payments.some((p) => p.jobId === job.job_id),
      "the refund",
    );
    expect(stack.settlement.payments.filter((p) => p.jobId === job.job_id)).toEqual([
      { jobId: job.job_id, paid: 0n, refund: 5_000_000n, to: null },
    ]);

    const next = await submitJob(stack, { maxTokens: 16 });
    const nextEvents = await followJob(stack, next.job_id).events;
    expect(nextEvents.at(-1)).toMatchObject({ type: "result", data: { status: "completed" } });
  });

  it("stops at the budget: finish reason budget, cost never above it, paid exactly the cost", async () => {
    // 3,600 AITBC/hour = 1 micro-AITBC per millisecond; a 0.3 AITBC budget buys 300 ms.
    await stack.addService("gpu-budget-001", 3600);
    const job = await submitJob(stack, {
      serviceId: "gpu-budget-001",
      maxTokens: 8000,
      budget: 0.3,
    });
    const events = await followJob(stack, job.job_id).events;
    const result = events.at(-1)!.data as {
      status: string;
      output: { text: string; finish_reason: string };
      receipt: Receipt;
    };
    expect(result.status).toBe("completed");
    expect(result.output.finish_reason).toBe("budget");
    expect(tokenText(events)).toBe(result.output.text);
    const receipt = result.receipt;
    expect(verifyReceipt(receipt).valid).toBe(true);
    expect(receipt.tokens_out).toBeLessThan(8000);
    const cost = parseMicro(receipt.cost);
    expect(cost).toBeLessThanOrEqual(300_000n);
    const durationMs = Date.parse(receipt.completed_at) - Date.parse(receipt.started_at);
    expect(cost).toBe(meter(durationMs, 3_600_000_000n, 300_000n).cost);
    await eventually(
      () => stack.settlement.payments.some((p) => p.jobId === job.job_id),
      "settlement",
    );
    const [payment] = stack.settlement.payments.filter((p) => p.jobId === job.job_id);
    expect(payment).toMatchObject({ paid: cost, refund: 300_000n - cost });
  });

  it("gives up a job whose TTL runs out while it is still generating: no receipt, refunded", async () => {
    const slow = slowGpuExecutor(
      { name: TINY_MODEL_NAME, digest: "sha256:" + "5".repeat(64), label: TINY_MODEL_LABEL },
      20,
    );
    await miner.close(); // only the slow miner may take this job
    const slowMiner = await stack.miner({ executor: slow, name: "slow-gpu" });
    try {
      // 8000 tokens at 20 ms each would take 160 s; the TTL is the minimum, 10 s.
      const job = await submitJob(stack, { maxTokens: 8000, ttlSeconds: 10 });
      const events = await followJob(stack, job.job_id).events;
      const final = events.at(-1)!;
      expect(final.type).toBe("result");
      // The coordinator's sweeper and the miner's own TTL timer race for the same instant: the job
      // ends expired, or failed with the miner's `timeout` code. Never completed.
      const status = (final.data as { status: string }).status;
      expect(["expired", "failed"]).toContain(status);
      const view = await stack.customer.client.coordinator.getJobStatus({
        path: { job_id: job.job_id },
      });
      if (view.status === "failed") expect(view.failure?.code).toBe("timeout");
      const results = await stack.customer.client.coordinator.getJobResults({
        path: { job_id: job.job_id },
      });
      expect(results.receipt).toBeNull();
      await eventually(() => slowMiner.activeJobIds().length === 0, "the miner to drop the job");
      expect(slowMiner.stats().completed).toBe(0);
      await eventually(
        () => stack.settlement.payments.some((p) => p.jobId === job.job_id),
        "the refund",
      );
      expect(stack.settlement.payments.find((p) => p.jobId === job.job_id)).toMatchObject({
        paid: 0n,
      });
    } finally {
      await slowMiner.close();
    }
  });
});
