// The miner against the real coordinator, as a provider runs it on a machine without Ollama:
// it registers what it serves, claims a customer's inference job, streams the tokens to the job's
// WebSocket, and completes it with a receipt both it and the coordinator signed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { contentDigest, parseMicro, verifyReceipt, type Receipt } from "@aitbc/sdk";
import { createLlamaCppExecutor, meter, TINY_MODEL_LABEL, TINY_MODEL_NAME } from "../src/index.js";
import {
  eventually,
  followJob,
  PROVIDER_ID,
  SERVICE_ID,
  startStack,
  submitJob,
  tokenText,
  type Stack,
} from "./support/stack-harness.js";

describe.each(testDatabaseKinds())("miner job flow (%s)", (kind) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(kind);
  });
  afterAll(() => stack?.close());

  it("registers its key, hardware and the labelled tiny model with the coordinator", async () => {
    const miner = await stack.miner({ name: "rig-01" });
    expect(miner.providerId).toBe(PROVIDER_ID);
    expect(miner.executorKind).toBe("llamacpp");
    expect(miner.models).toEqual([
      expect.objectContaining({ name: TINY_MODEL_NAME, label: TINY_MODEL_LABEL }),
    ]);
    expect(miner.banner.join("\n")).toMatch(
      /serves: aitbc-tiny:latest \[random-weight test model\] sha256:[0-9a-f]{64}/,
    );
    expect(miner.banner.join("\n")).toMatch(
      /GPU: none \(neither nvidia-smi nor llama.cpp finds one\) — CPU only: .+, \d+ cores, \d+ MiB RAM/,
    );
    const { miners } = await stack.admin.coordinator.listAdminMiners();
    const listed = miners.find((m) => m.miner_id === miner.minerId);
    expect(listed).toMatchObject({ name: "rig-01", provider_id: PROVIDER_ID });
    const service = await stack.customer.client.coordinator.getService({
      path: { service_id: SERVICE_ID },
    });
    expect(service.models).toContain(TINY_MODEL_NAME);
    await miner.close();
  });

  it("completes an inference job: tokens reach the WebSocket, the receipt has both signatures", async () => {
    const miner = await stack.miner();
    const job = await submitJob(stack, { prompt: "Hello AITBC", maxTokens: 64, budget: 5 });
    const follow = followJob(stack, job.job_id);
    const events = await follow.events;

    const result = events.at(-1)!;
    expect(result.type).toBe("result");
    const data = result.data as {
      status: string;
      output: { text: string; finish_reason: string };
      receipt: Receipt;
    };
    expect(data.status).toBe("completed");
    expect(data.output.finish_reason).toBe("length");
    // Every generated token was streamed, in order, before the result.
    expect(tokenText(events)).toBe(data.output.text);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));

    // Deterministic at temperature 0: the same text as the model run directly.
    const direct = await createLlamaCppExecutor({ threads: 1 });
    try {
      const expected = await direct.run({
        model: TINY_MODEL_NAME,
        prompt: "Hello AITBC",
        maxTokens: 64,
        temperature: 0,
      });
      expect(data.output.text).toBe(expected.text);
    } finally {
      await direct.close();
    }

    const results = await stack.customer.client.coordinator.getJobResults({
      path: { job_id: job.job_id },
    });
    expect(results.status).toBe("completed");
    const receipt = results.receipt as Receipt;
    const { keys } = await stack.customer.client.coordinator.listKeys();
    const verdict = verifyReceipt(receipt, {
      coordinatorKeys: keys.map((k) => k.public_key),
      providerKeys: [miner.publicKey],
    });
    expect(verdict).toMatchObject({ valid: true, errors: [] });
    expect(receipt.signatures.map((s) => s.key_id.split(":")[0])).toEqual([
      "provider",
      "coordinator",
    ]);
    expect(receipt.signatures[0]!.key_id).toBe(`provider:${PROVIDER_ID}`);
    expect(receipt).toMatchObject({
      job_id: job.job_id,
      service_id: SERVICE_ID,
      provider_id: PROVIDER_ID,
      customer_id: "customer-123",
      miner_id: miner.minerId,
      model: TINY_MODEL_NAME,
      model_digest: miner.models[0]!.digest,
      input_hash: contentDigest("Hello AITBC"),
      output_hash: contentDigest(data.output.text),
      unit_type: "gpu_seconds",
      unit_price: "100000000",
      tokens_out: 64,
      // The job gave no seed: the miner drew one and says which, with what ran the model.
      seed: expect.any(Number),
      temperature: "0",
      executor: "llamacpp",
      executor_version: expect.stringMatching(/^node-llama-cpp \S+; llama\.cpp \S+; cpu$/),
    });
    // Metering: units and cost follow the rule from the receipt's own duration.
    const durationMs = Date.parse(receipt.completed_at) - Date.parse(receipt.started_at);
    const metered = meter(durationMs, 100_000_000n, 5_000_000n);
    expect(receipt.units).toBe(metered.units);
    expect(receipt.cost).toBe(metered.cost.toString());
    expect(results.result?.metering).toMatchObject({ duration_ms: durationMs, tokens_out: 64 });

    // Paid once: the provider got the cost, the customer the rest.
    await eventually(
      () => stack.settlement.payments.some((p) => p.jobId === job.job_id),
      "settlement",
    );
    const payments = stack.settlement.payments.filter((p) => p.jobId === job.job_id);
    expect(payments).toHaveLength(1);
    expect(payments[0]!.paid).toBe(parseMicro(receipt.cost));
    expect(payments[0]!.paid + payments[0]!.refund).toBe(5_000_000n);
    // The customer can see the result before the coordinator's answer reaches the miner.
    await eventually(() => miner.stats().completed === 1, "the miner to count the job");
    expect(miner.stats().failed).toBe(0);
    await miner.close();
  });

  it("runs --concurrency 2 jobs at the same time, each with its own deterministic output", async () => {
    const miner = await stack.miner({ concurrency: 2, name: "rig-2x" });
    const jobs = await Promise.all([
      submitJob(stack, { prompt: "the river", maxTokens: 800 }),
      submitJob(stack, { prompt: "the river", maxTokens: 800 }),
    ]);
    const streams = jobs.map((j) => followJob(stack, j.job_id));
    await eventually(() => miner.activeJobIds().length === 2, "both jobs to run at once");
    const results = await Promise.all(streams.map((s) => s.events));
    const texts = results.map((events) => {
      expect(events.at(-1)).toMatchObject({ type: "result", data: { status: "completed" } });
      return tokenText(events);
    });
    expect(texts[0]!.length).toBeGreaterThan(0);
    expect(texts[1]).toBe(texts[0]);
    await miner.close();
  });

  it("keeps its key and miner id across restarts (the same data directory)", async () => {
    const dataDir = await stack.dataDir();
    const first = await stack.miner({ dataDir, name: "rig-restart" });
    await first.close();
    const second = await stack.miner({ dataDir, name: "rig-restart" });
    expect(second.minerId).toBe(first.minerId);
    expect(second.publicKey).toBe(first.publicKey);
    await second.close();
  });

  it("refuses to start with a bad key, changing nothing", async () => {
    const before = (await stack.admin.coordinator.listAdminMiners()).miners.length;
    const err = await stack.miner({ apiKey: "not-a-real-key" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 401, code: "unauthorized" });
    const asCustomer = await stack
      .miner({ apiKey: stack.customer.apiKey })
      .catch((e: unknown) => e);
    expect(asCustomer).toMatchObject({ status: 403 });
    expect((await stack.admin.coordinator.listAdminMiners()).miners.length).toBe(before);
  });
});
