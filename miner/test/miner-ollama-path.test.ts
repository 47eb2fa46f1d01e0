// The production executor path, offline: the miner uses the official `ollama` client against the
// in-repo Ollama-compatible server (the tiny model behind the Ollama API). The same job flow as
// with llama.cpp, `auto` detection, and an Ollama host that dies mid-job (failed, refunded).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { verifyReceipt, type JobEvent, type Receipt } from "@aitbc/sdk";
import {
  createLlamaCppExecutor,
  createLogger,
  OLLAMA_COMPAT_VERSION,
  startOllamaCompatServer,
  TINY_MODEL_LABEL,
  TINY_MODEL_NAME,
  type LlamaCppExecutor,
  type OllamaCompatServer,
} from "../src/index.js";
import {
  eventually,
  followJob,
  startStack,
  submitJob,
  tokenText,
  type Stack,
} from "./support/stack-harness.js";

const isToken = (e: JobEvent) =>
  e.type === "progress" && (e.data as { kind: string }).kind === "token";

describe.each(testDatabaseKinds())("miner on the Ollama path (%s)", (kind) => {
  let stack: Stack;
  let backend: LlamaCppExecutor;
  let ollama: OllamaCompatServer;
  beforeAll(async () => {
    stack = await startStack(kind);
    backend = await createLlamaCppExecutor({ threads: 1 });
    ollama = await startOllamaCompatServer({ executor: backend });
  });
  afterAll(async () => {
    await stack?.close();
    await ollama?.close();
    await backend?.close();
  });

  it("auto picks Ollama when it answers, and llama.cpp when nothing does", async () => {
    const withOllama = await stack.miner({ executor: "auto", ollamaHost: ollama.url });
    expect(withOllama.executorKind).toBe("ollama");
    expect(withOllama.banner.join("\n")).toContain(`auto: Ollama answers at ${ollama.url}`);
    await withOllama.close();
    const without = await stack.miner({ executor: "auto", ollamaHost: "http://127.0.0.1:9" });
    expect(without.executorKind).toBe("llamacpp");
    await without.close();
  });

  it("completes a job through Ollama with the host's model digest in a two-signature receipt", async () => {
    const miner = await stack.miner({ executor: "ollama", ollamaHost: ollama.url });
    expect(miner.models).toEqual([
      {
        name: TINY_MODEL_NAME,
        digest: backend.model.digest,
        sizeBytes: backend.model.sizeBytes,
        label: TINY_MODEL_LABEL,
      },
    ]);
    const job = await submitJob(stack, { prompt: "Hello AITBC", maxTokens: 48 });
    const events = await followJob(stack, job.job_id).events;
    const result = events.at(-1)!.data as {
      status: string;
      output: { text: string };
      receipt: Receipt;
    };
    expect(result.status).toBe("completed");
    const direct = await backend.run({
      model: TINY_MODEL_NAME,
      prompt: "Hello AITBC",
      maxTokens: 48,
      temperature: 0,
    });
    expect(result.output.text).toBe(direct.text);
    expect(tokenText(events)).toBe(direct.text);
    const { keys } = await stack.customer.client.coordinator.listKeys();
    expect(
      verifyReceipt(result.receipt, {
        coordinatorKeys: keys.map((k) => k.public_key),
        providerKeys: [miner.publicKey],
      }),
    ).toMatchObject({ valid: true });
    expect(result.receipt).toMatchObject({
      model_digest: backend.model.digest,
      tokens_in: 13,
      tokens_out: 48,
      temperature: "0",
      executor: "ollama",
      executor_version: OLLAMA_COMPAT_VERSION,
    });

    // A seeded, sampled job: the seed reaches the model through Ollama's options, so the output
    // is the backend's own for that seed, and the receipt records both.
    const seeded = await submitJob(stack, { maxTokens: 24, temperature: 0.8, seed: 42 });
    const seededEvents = await followJob(stack, seeded.job_id).events;
    const seededResult = seededEvents.at(-1)!.data as {
      output: { text: string };
      receipt: Receipt;
    };
    const sampled = (seed: number) =>
      backend.run({
        model: TINY_MODEL_NAME,
        prompt: "Hello AITBC",
        maxTokens: 24,
        temperature: 0.8,
        seed,
      });
    expect(seededResult.output.text).toBe((await sampled(42)).text);
    expect(seededResult.output.text).not.toBe((await sampled(43)).text);
    expect(seededResult.receipt).toMatchObject({ seed: 42, temperature: "0.8" });
    await miner.close();
  });

  it("reports an Ollama host that dies mid-job as failed (executor_error, refunded), then waits for it", async () => {
    const dying = await startOllamaCompatServer({ executor: backend });
    const lines: string[] = [];
    const miner = await stack.miner({
      executor: "ollama",
      ollamaHost: dying.url,
      logger: createLogger("info", (line) => lines.push(line)),
    });
    const job = await submitJob(stack, { maxTokens: 6000, budget: 2 });
    const follow = followJob(stack, job.job_id, (event) => {
      if (isToken(event)) void dying.close();
    });
    const events = await follow.events;
    expect(events.at(-1)).toMatchObject({ type: "result", data: { status: "failed" } });
    const status = await stack.customer.client.coordinator.getJobStatus({
      path: { job_id: job.job_id },
    });
    expect(status.failure).toMatchObject({ code: "executor_error" });
    const results = await stack.customer.client.coordinator.getJobResults({
      path: { job_id: job.job_id },
    });
    expect(results.receipt).toBeNull();
    await eventually(
      () => stack.settlement.payments.some((p) => p.jobId === job.job_id),
      "the refund",
    );
    expect(stack.settlement.payments.filter((p) => p.jobId === job.job_id)).toEqual([
      { jobId: job.job_id, paid: 0n, refund: 2_000_000n, to: null },
    ]);
    await eventually(() => miner.stats().failed === 1, "the miner to count the failure");

    // While Ollama is down the miner claims nothing (it would only fail the job); once Ollama is
    // back on the same port, the waiting job runs.
    await eventually(
      () => lines.some((l) => l.includes("executor unavailable, not claiming jobs")),
      "the miner to pause claiming",
    );
    const waiting = await submitJob(stack, { maxTokens: 16 });
    expect(
      (await stack.customer.client.coordinator.getJobStatus({ path: { job_id: waiting.job_id } }))
        .status,
    ).toBe("queued");
    const back = await startOllamaCompatServer({ executor: backend, port: dying.port });
    try {
      const after = await followJob(stack, waiting.job_id).events;
      expect(after.at(-1)).toMatchObject({ type: "result", data: { status: "completed" } });
    } finally {
      await miner.close();
      await back.close();
    }
  });
});
