// The offline executor: node-llama-cpp on the CPU with a local GGUF file (by default the generated
// tiny model). Tokens stream through onChunk as they are produced; an abort stops generation
// at the next token, and the budget guard stops it before the time limit runs out.
import { basename } from "node:path";
import { availableParallelism } from "node:os";
import { LlamaCompletion, type LlamaContext, type LlamaModel } from "node-llama-cpp";
import {
  abortedFailure,
  asExecutorFailure,
  ExecutorFailure,
  type ExecutionResult,
  type Executor,
  type FinishReason,
  type InferenceRequest,
  type RunOptions,
  type ServedModel,
} from "./executor.js";
import { budgetExhausted, createBudgetGuard } from "./budget-guard.js";
import { defaultThreads, getLlamaRuntime, llamaRuntimeVersion } from "./llama-runtime.js";
import { createSequencePool, type SequencePool } from "./sequence-pool.js";
import { describeModelFile, ensureTinyModel, type ModelFile } from "../model/ensure-tiny-model.js";
import { TINY_MODEL_LABEL, TINY_MODEL_NAME } from "../model/tiny-model.js";

export interface LlamaCppExecutorOptions {
  /** A GGUF file; default: the generated tiny model (written on first use). */
  modelPath?: string;
  /** Where to write the tiny model if the package's models/ directory is read-only. */
  tinyModelFallbackPath?: string;
  /** The name jobs ask for; default `aitbc-tiny:latest` for the tiny model, else `<file>:latest`. */
  modelName?: string;
  /** Shown next to the model; default `random-weight test model` for the tiny model. */
  label?: string;
  /** llama.cpp threads; default 1 on machines with ≤ 2 cores. */
  threads?: number;
  /** How many jobs may generate at once (context sequences). Default 1. */
  concurrency?: number;
  /** Tokens generated when a job gives no max_tokens. Default 128. */
  defaultMaxTokens?: number;
  /** Largest context per sequence, for big models. Default 4096 (the tiny model has 256). */
  maxContextSize?: number;
}

export interface LlamaCppExecutor extends Executor {
  readonly kind: "llamacpp";
  readonly model: ServedModel;
  readonly modelFile: ModelFile;
  readonly threads: number;
}

/** Raised internally to stop generation when the budget's time is up (not an error). */
const BUDGET_STOP = Symbol("budget");

export async function createLlamaCppExecutor(
  options: LlamaCppExecutorOptions = {},
): Promise<LlamaCppExecutor> {
  const isTiny = options.modelPath === undefined;
  const modelFile = isTiny
    ? await ensureTinyModel(undefined, options.tinyModelFallbackPath)
    : await describeModelFile(options.modelPath!).catch((err: unknown) => {
        throw new ExecutorFailure(
          "model_not_found",
          `cannot read model file ${options.modelPath}: ${(err as Error).message}`,
          { cause: err },
        );
      });
  const served: ServedModel = {
    name: options.modelName ?? (isTiny ? TINY_MODEL_NAME : nameFromPath(modelFile.path)),
    digest: modelFile.digest,
    sizeBytes: modelFile.sizeBytes,
    ...(options.label !== undefined
      ? { label: options.label }
      : isTiny
        ? { label: TINY_MODEL_LABEL }
        : {}),
  };
  const threads = options.threads ?? defaultThreads(availableParallelism());
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const defaultMaxTokens = options.defaultMaxTokens ?? 128;

  const llama = await getLlamaRuntime();
  const identity = { name: "llamacpp", version: llamaRuntimeVersion(llama) };
  let model: LlamaModel;
  let context: LlamaContext;
  try {
    model = await llama.loadModel({ modelPath: modelFile.path });
    context = await model.createContext({
      sequences: concurrency,
      contextSize: Math.min(model.trainContextSize, options.maxContextSize ?? 4096),
      threads,
    });
  } catch (err) {
    throw new ExecutorFailure("executor_error", `cannot load ${modelFile.path}: ${String(err)}`, {
      cause: err,
    });
  }
  const pool: SequencePool = createSequencePool(context);
  const bosTokens = model.tokens.bos === null ? 0 : 1;
  let closed = false;
  // close() stops the runs in flight and waits for them before it frees the native context.
  const closing = new AbortController();
  const inFlight = new Set<Promise<unknown>>();

  function run(request: InferenceRequest, opts: RunOptions = {}): Promise<ExecutionResult> {
    const signal = opts.signal ? AbortSignal.any([opts.signal, closing.signal]) : closing.signal;
    const running = generate(request, { ...opts, signal });
    inFlight.add(running);
    void running.catch(() => undefined).finally(() => inFlight.delete(running));
    return running;
  }

  async function generate(
    request: InferenceRequest,
    opts: RunOptions & { signal: AbortSignal },
  ): Promise<ExecutionResult> {
    const { signal, onChunk } = opts;
    if (request.model !== served.name) {
      throw new ExecutorFailure("model_not_found", `this miner does not serve ${request.model}`);
    }
    if (closed) throw new ExecutorFailure("executor_error", "the executor is closed");
    if (signal.aborted) throw abortedFailure(signal);
    const sequence = await pool.acquire(signal).catch(() => {
      throw signal.aborted
        ? abortedFailure(signal)
        : new ExecutorFailure("executor_error", "no sequence");
    });
    const startedAt = Date.now();
    const tokensIn = model.tokenize(request.prompt).length + bosTokens;
    const done = (
      text: string,
      finishReason: FinishReason,
      tokensOut: number,
    ): ExecutionResult => ({
      text,
      finishReason,
      tokensIn,
      tokensOut,
      startedAt,
      durationMs: Math.max(0, Date.now() - startedAt),
      executor: identity,
    });
    try {
      if (budgetExhausted(request.maxDurationMs)) return done("", "budget", 0);
      const guard = createBudgetGuard(request.maxDurationMs, startedAt);
      const stop = new AbortController();
      const forward = () => stop.abort(signal.reason);
      signal.addEventListener("abort", forward, { once: true });
      let tokensOut = 0;
      let text = "";
      try {
        const completion = new LlamaCompletion({ contextSequence: sequence });
        const result = await completion.generateCompletionWithMeta(request.prompt, {
          maxTokens: request.maxTokens ?? defaultMaxTokens,
          temperature: request.temperature ?? 0,
          ...(request.seed !== undefined ? { seed: request.seed } : {}),
          signal: stop.signal,
          stopOnAbortSignal: true,
          onTextChunk(chunk) {
            text += chunk;
            onChunk?.(chunk);
          },
          onToken(tokens) {
            tokensOut += tokens.length;
            if (!stop.signal.aborted && guard.shouldStop()) stop.abort(BUDGET_STOP);
          },
        });
        if (signal.aborted) throw abortedFailure(signal);
        // Text that was still held back (an incomplete UTF-8 sequence) when generation stopped.
        if (result.response.length > text.length && result.response.startsWith(text)) {
          const rest = result.response.slice(text.length);
          text += rest;
          onChunk?.(rest);
        }
        const finishReason: FinishReason =
          stop.signal.reason === BUDGET_STOP
            ? "budget"
            : result.metadata.stopReason === "maxTokens"
              ? "length"
              : "stop";
        return done(text, finishReason, tokensOut);
      } finally {
        signal.removeEventListener("abort", forward);
      }
    } catch (err) {
      throw asExecutorFailure(err, signal);
    } finally {
      pool.release(sequence);
    }
  }

  return {
    kind: "llamacpp",
    model: served,
    modelFile,
    threads,
    async listModels() {
      return [served];
    },
    run,
    async healthy() {
      return !closed;
    },
    async close() {
      if (closed) return;
      closed = true;
      closing.abort(new ExecutorFailure("aborted", "the executor is closing"));
      await Promise.allSettled([...inFlight]);
      await context.dispose();
      await model.dispose();
    },
  };
}

function nameFromPath(path: string): string {
  return (
    basename(path)
      .replace(/\.gguf$/i, "")
      .toLowerCase() + ":latest"
  );
}
