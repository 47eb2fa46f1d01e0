// POST /api/generate: the prompt runs on the backing executor. Streaming (the default) sends one
// NDJSON line per chunk and a final `done` line with Ollama's counters (durations in ns);
// `stream: false` sends one JSON object. A client that disconnects aborts the generation.
import type { IncomingMessage, ServerResponse } from "node:http";
import { ExecutorFailure, type Executor } from "../executors/executor.js";
import { HttpError, optionalNumber, readJson, requiredString, sendJson } from "./http-json.js";

const NS_PER_MS = 1_000_000;

export async function handleGenerate(
  executor: Executor,
  req: IncomingMessage,
  res: ServerResponse,
  shutdown: AbortSignal,
): Promise<void> {
  const body = await readJson(req);
  const model = requiredString(body.model, "model");
  const prompt = typeof body.prompt === "string" ? body.prompt : "";
  const stream = body.stream !== false;
  const options = (body.options ?? {}) as Record<string, unknown>;
  const numPredict = optionalNumber(options.num_predict, "options.num_predict");
  const temperature = optionalNumber(options.temperature, "options.temperature");
  const seed = optionalNumber(options.seed, "options.seed");

  const served = await executor.listModels();
  if (!served.some((m) => m.name === model)) {
    throw new HttpError(404, `model "${model}" not found, try pulling it first`);
  }

  const disconnect = new AbortController();
  const onClose = () => {
    if (!res.writableFinished) disconnect.abort(new Error("client disconnected"));
  };
  res.on("close", onClose);
  const signal = AbortSignal.any([disconnect.signal, shutdown]);
  const createdAt = () => new Date().toISOString();

  if (stream) {
    res.writeHead(200, { "Content-Type": "application/x-ndjson" });
  }
  try {
    const result = await executor.run(
      {
        model,
        prompt,
        // Ollama: num_predict < 0 means "until the context is full"; keep the executor default.
        ...(numPredict !== undefined && numPredict >= 0 ? { maxTokens: numPredict } : {}),
        ...(temperature !== undefined ? { temperature } : {}),
        ...(seed !== undefined ? { seed } : {}),
      },
      {
        signal,
        onChunk: stream
          ? (text) => {
              res.write(
                JSON.stringify({ model, created_at: createdAt(), response: text, done: false }) +
                  "\n",
              );
            }
          : undefined,
      },
    );
    const final = {
      model,
      created_at: createdAt(),
      response: stream ? "" : result.text,
      done: true,
      done_reason: result.finishReason === "length" ? "length" : "stop",
      context: [],
      total_duration: result.durationMs * NS_PER_MS,
      load_duration: 0,
      prompt_eval_count: result.tokensIn,
      prompt_eval_duration: 0,
      eval_count: result.tokensOut,
      eval_duration: result.durationMs * NS_PER_MS,
    };
    if (stream) res.end(JSON.stringify(final) + "\n");
    else sendJson(res, 200, final);
  } catch (err) {
    if (signal.aborted) {
      // Server shutting down or client gone: cut the stream without a `done` line, as a dying
      // Ollama would; the client must treat that as a failure.
      res.destroy();
      return;
    }
    const status = err instanceof ExecutorFailure && err.code === "model_not_found" ? 404 : 500;
    throw new HttpError(status, err instanceof Error ? err.message : String(err));
  } finally {
    res.off("close", onClose);
  }
}
