// The Ollama path, offline: the official `ollama` client inside the Ollama executor talks to the
// in-repo Ollama-compatible server, which runs the tiny model on the llama.cpp executor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Ollama } from "ollama";
import {
  createLlamaCppExecutor,
  createOllamaExecutor,
  ExecutorFailure,
  probeOllama,
  startOllamaCompatServer,
  TINY_MODEL_LABEL,
  TINY_MODEL_NAME,
  type LlamaCppExecutor,
  type OllamaCompatServer,
} from "../src/index.js";

let backend: LlamaCppExecutor;
let server: OllamaCompatServer;
beforeAll(async () => {
  backend = await createLlamaCppExecutor({ concurrency: 2, threads: 1 });
  server = await startOllamaCompatServer({ executor: backend });
});
afterAll(async () => {
  await server?.close();
  await backend?.close();
});

const job = { model: TINY_MODEL_NAME, prompt: "Hello AITBC", maxTokens: 40, temperature: 0 };

describe("Ollama-compatible server", () => {
  it("answers the probe, /api/version, /api/tags and /api/show like Ollama", async () => {
    expect(await probeOllama(server.url)).toBe(true);
    const client = new Ollama({ host: server.url });
    expect((await client.version()).version).toMatch(/^\d+\.\d+\.\d+/);
    const { models } = await client.list();
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({
      name: TINY_MODEL_NAME,
      digest: backend.model.digest.replace("sha256:", ""),
      size: backend.model.sizeBytes,
      details: { family: "llama", format: "gguf" },
    });
    const show = await client.show({ model: TINY_MODEL_NAME });
    expect(show.capabilities).toEqual(["completion"]);
    expect(show.modelfile).toContain(TINY_MODEL_LABEL);
    await expect(client.show({ model: "nope:latest" })).rejects.toMatchObject({ status_code: 404 });
  });

  it("answers stream:false with one JSON object carrying the whole text and counters", async () => {
    const direct = await backend.run(job);
    const res = await new Ollama({ host: server.url }).generate({
      model: TINY_MODEL_NAME,
      prompt: job.prompt,
      stream: false,
      options: { num_predict: 40, temperature: 0 },
    });
    expect(res).toMatchObject({
      response: direct.text,
      done: true,
      done_reason: "length",
      prompt_eval_count: 13,
      eval_count: 40,
    });
  });

  it("rejects bad requests with Ollama's error shape", async () => {
    const bad = await fetch(`${server.url}/api/generate`, { method: "POST", body: "{not json" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "invalid JSON body" });
    const noModel = await fetch(`${server.url}/api/generate`, {
      method: "POST",
      body: JSON.stringify({ prompt: "hi" }),
    });
    expect(noModel.status).toBe(400);
    expect(((await noModel.json()) as { error: string }).error).toContain("model");
    const unknown = await fetch(`${server.url}/api/nothing`);
    expect(unknown.status).toBe(404);
  });
});

describe("Ollama executor (real ollama client)", () => {
  it("advertises the host's models with sha256 digests and labels", async () => {
    const executor = createOllamaExecutor({ host: server.url });
    expect(await executor.listModels()).toEqual([
      {
        name: TINY_MODEL_NAME,
        digest: backend.model.digest,
        sizeBytes: backend.model.sizeBytes,
        label: TINY_MODEL_LABEL,
      },
    ]);
  });

  it("streams NDJSON tokens and returns the same text as the model run directly", async () => {
    const direct = await backend.run(job);
    const chunks: string[] = [];
    const res = await createOllamaExecutor({ host: server.url }).run(job, {
      onChunk: (c) => chunks.push(c),
    });
    expect(res).toMatchObject({
      text: direct.text,
      finishReason: "length",
      tokensIn: 13,
      tokensOut: 40,
    });
    expect(chunks.length).toBe(40);
    expect(chunks.join("")).toBe(direct.text);
  });

  it("aborts the stream on cancel, and the server's model is free again", async () => {
    const executor = createOllamaExecutor({ host: server.url });
    const controller = new AbortController();
    let chunks = 0;
    const err = await executor
      .run(
        { ...job, maxTokens: 5000 },
        {
          signal: controller.signal,
          onChunk: () => {
            if (++chunks === 10) controller.abort(new Error("cancelled"));
          },
        },
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExecutorFailure);
    expect((err as ExecutorFailure).code).toBe("aborted");
    // The disconnect aborted the generation server-side: both sequences serve new jobs at once.
    const again = await Promise.all([executor.run(job), executor.run(job)]);
    expect(again.map((r) => r.finishReason)).toEqual(["length", "length"]);
  });

  it("stops at the budget's time limit with finish reason budget", async () => {
    const res = await createOllamaExecutor({ host: server.url }).run({
      ...job,
      maxTokens: 8000,
      maxDurationMs: 150,
    });
    expect(res.finishReason).toBe("budget");
    expect(res.tokensOut).toBeGreaterThan(0);
    expect(res.tokensOut).toBeLessThan(8000);
  });

  it("fails typed for an unknown model and for an unreachable host", async () => {
    const missing = await createOllamaExecutor({ host: server.url })
      .run({ ...job, model: "llama3.2:latest" })
      .catch((e: unknown) => e);
    expect((missing as ExecutorFailure).code).toBe("model_not_found");
    const down = await createOllamaExecutor({ host: "http://127.0.0.1:9" })
      .run(job)
      .catch((e: unknown) => e);
    expect(down).toBeInstanceOf(ExecutorFailure);
    expect((down as ExecutorFailure).code).toBe("executor_error");
    expect(await probeOllama("http://127.0.0.1:9")).toBe(false);
  });

  it("reports a host that dies mid-stream as an executor error, never as output", async () => {
    const crashing = await startOllamaCompatServer({ executor: backend });
    let chunks = 0;
    const err = await createOllamaExecutor({ host: crashing.url })
      .run(
        { ...job, maxTokens: 5000 },
        {
          onChunk: () => {
            if (++chunks === 10) void crashing.close();
          },
        },
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExecutorFailure);
    expect((err as ExecutorFailure).code).toBe("executor_error");
  });
});
