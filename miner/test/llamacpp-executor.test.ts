// The offline llama.cpp executor on the tiny model: deterministic at temperature 0, streams every
// token, stops at max_tokens, at the budget's time limit and on abort, and fails typed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createLlamaCppExecutor,
  ensureTinyModel,
  ExecutorFailure,
  TINY_MODEL_LABEL,
  TINY_MODEL_NAME,
  type LlamaCppExecutor,
} from "../src/index.js";

let executor: LlamaCppExecutor;
beforeAll(async () => {
  executor = await createLlamaCppExecutor({ concurrency: 2, threads: 1 });
});
afterAll(async () => {
  await executor?.close();
});

const job = { model: TINY_MODEL_NAME, prompt: "Hello AITBC", maxTokens: 48, temperature: 0 };

describe("llama.cpp executor", () => {
  it("serves aitbc-tiny:latest with the GGUF digest, labelled as a test model", async () => {
    const file = await ensureTinyModel();
    expect(await executor.listModels()).toEqual([
      {
        name: TINY_MODEL_NAME,
        digest: file.digest,
        sizeBytes: file.sizeBytes,
        label: TINY_MODEL_LABEL,
      },
    ]);
  });

  it("gives identical output at temperature 0 across runs and across executor instances", async () => {
    const chunks: string[] = [];
    const a = await executor.run(job, { onChunk: (c) => chunks.push(c) });
    const b = await executor.run(job);
    const other = await createLlamaCppExecutor({ threads: 1 });
    try {
      const c = await other.run(job);
      expect(c.text).toBe(a.text);
    } finally {
      await other.close();
    }
    expect(b.text).toBe(a.text);
    expect(a.text.split(" ").filter(Boolean).length).toBeGreaterThan(10);
    expect(chunks.join("")).toBe(a.text);
    expect(chunks.length).toBe(48);
    expect(a).toMatchObject({ finishReason: "length", tokensOut: 48, tokensIn: 13 });
    expect(Number.isInteger(a.durationMs)).toBe(true);
  });

  it("runs concurrent jobs on separate sequences with the same deterministic result", async () => {
    const reference = (await executor.run(job)).text;
    const results = await Promise.all([executor.run(job), executor.run(job), executor.run(job)]);
    expect(results.map((r) => r.text)).toEqual([reference, reference, reference]);
  });

  it("aborts mid-generation with a typed failure and frees the sequence", async () => {
    const controller = new AbortController();
    let chunks = 0;
    const run = executor.run(
      { ...job, maxTokens: 4000 },
      {
        signal: controller.signal,
        onChunk: () => {
          if (++chunks === 20) controller.abort(new Error("cancelled by the customer"));
        },
      },
    );
    const err = await run.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExecutorFailure);
    expect((err as ExecutorFailure).code).toBe("aborted");
    expect(chunks).toBeLessThan(4000);
    // Both sequences are usable again.
    const after = await Promise.all([executor.run(job), executor.run(job)]);
    expect(after.every((r) => r.finishReason === "length")).toBe(true);
  });

  it("refuses an already aborted signal without generating", async () => {
    const chunks: string[] = [];
    const err = await executor
      .run(job, { signal: AbortSignal.abort(), onChunk: (c) => chunks.push(c) })
      .catch((e: unknown) => e);
    expect((err as ExecutorFailure).code).toBe("aborted");
    expect(chunks).toEqual([]);
  });

  it("stops with finish reason budget when the time limit comes first", async () => {
    const res = await executor.run({ ...job, maxTokens: 8000, maxDurationMs: 120 });
    expect(res.finishReason).toBe("budget");
    expect(res.tokensOut).toBeGreaterThan(0);
    expect(res.tokensOut).toBeLessThan(8000);
    const none = await executor.run({ ...job, maxDurationMs: 0 });
    expect(none).toMatchObject({ finishReason: "budget", tokensOut: 0, text: "" });
  });

  it("generates past the 256-token context by shifting it", async () => {
    const res = await executor.run({ ...job, maxTokens: 600 });
    expect(res).toMatchObject({ finishReason: "length", tokensOut: 600 });
  });

  it("fails typed for a model it does not serve and for a missing model file", async () => {
    const err = await executor.run({ ...job, model: "llama3.2:latest" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExecutorFailure);
    expect((err as ExecutorFailure).code).toBe("model_not_found");
    const missing = await createLlamaCppExecutor({ modelPath: "/nonexistent/model.gguf" }).catch(
      (e: unknown) => e,
    );
    expect((missing as ExecutorFailure).code).toBe("model_not_found");
  });
});
