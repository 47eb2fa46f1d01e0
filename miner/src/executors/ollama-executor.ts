// The production executor: the official `ollama` client against an Ollama host. It advertises the
// models the host lists (with their digests), streams /api/generate, and aborts the HTTP stream on
// cancel, TTL or budget. Errors from Ollama become typed failures, never output.
import { Ollama, type GenerateResponse } from "ollama";
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

export const DEFAULT_OLLAMA_HOST = "http://127.0.0.1:11434";

export interface OllamaExecutorOptions {
  /** Default `OLLAMA_HOST` semantics: http://127.0.0.1:11434. */
  host?: string;
  /** Tokens generated when a job gives no max_tokens. Default 128. */
  defaultMaxTokens?: number;
  /** Labels shown next to listed models, by model name. */
  labels?: Record<string, string>;
}

export interface OllamaExecutor extends Executor {
  readonly kind: "ollama";
  readonly host: string;
}

/** Ollama lists bare hex digests; receipts and registration use `sha256:<hex>`. */
export function normalizeDigest(digest: string): string {
  return digest.includes(":") ? digest : `sha256:${digest}`;
}

/** Accepts `host:port`, `http://host:port` or a bare host, like the ollama CLI does. */
export function normalizeOllamaHost(host: string | undefined): string {
  const value = (host ?? "").trim() || DEFAULT_OLLAMA_HOST;
  const withScheme = /^https?:\/\//i.test(value) ? value : `http://${value}`;
  return withScheme.replace(/\/+$/, "");
}

/** True when an Ollama server answers at the host within the timeout. */
export async function probeOllama(host: string, timeoutMs = 1500): Promise<boolean> {
  try {
    const res = await fetch(`${normalizeOllamaHost(host)}/api/version`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

function clientFor(host: string, signal?: AbortSignal): Ollama {
  // A client per run whose fetch also obeys the job's signal: the library's own abort() only
  // exists once the response headers are in, and a model that is still loading can take a while.
  return new Ollama({
    host,
    fetch: (input, init) =>
      fetch(input, {
        ...init,
        signal: signal
          ? init?.signal
            ? AbortSignal.any([init.signal, signal])
            : signal
          : (init?.signal ?? null),
      }),
  });
}

export function createOllamaExecutor(options: OllamaExecutorOptions = {}): OllamaExecutor {
  const host = normalizeOllamaHost(options.host);
  const defaultMaxTokens = options.defaultMaxTokens ?? 128;
  const labels = options.labels ?? {};

  async function listModels(): Promise<ServedModel[]> {
    try {
      const { models } = await clientFor(host).list();
      return models.map((m) => {
        // The in-repo Ollama-compatible server adds `label` (e.g. random-weight test model).
        const label = labels[m.name] ?? (m as { label?: unknown }).label;
        return {
          name: m.name,
          digest: normalizeDigest(m.digest),
          sizeBytes: m.size,
          ...(typeof label === "string" && label ? { label } : {}),
        };
      });
    } catch (err) {
      throw new ExecutorFailure("executor_error", `Ollama at ${host}: ${errorText(err)}`, {
        cause: err,
      });
    }
  }

  async function run(request: InferenceRequest, opts: RunOptions = {}): Promise<ExecutionResult> {
    const { signal, onChunk } = opts;
    if (signal?.aborted) throw abortedFailure(signal);
    const startedAt = Date.now();
    const stop = new AbortController();
    const forward = () => stop.abort(signal?.reason);
    signal?.addEventListener("abort", forward, { once: true });
    let text = "";
    let tokensOut = 0;
    let final: GenerateResponse | undefined;
    let budgetHit = budgetExhausted(request.maxDurationMs);
    let version: Promise<string | undefined> = Promise.resolve(undefined);
    try {
      if (!budgetHit) {
        const guard = createBudgetGuard(request.maxDurationMs, startedAt);
        const client = clientFor(host, stop.signal);
        // Asked alongside the run: the version is what the receipt names as having run it.
        version = client.version().then(
          (v) => v.version,
          () => undefined,
        );
        const stream = await client.generate({
          model: request.model,
          prompt: request.prompt,
          stream: true,
          options: {
            num_predict: request.maxTokens ?? defaultMaxTokens,
            temperature: request.temperature ?? 0,
            ...(request.seed !== undefined ? { seed: request.seed } : {}),
          },
        });
        try {
          for await (const part of stream) {
            if (part.response) {
              text += part.response;
              tokensOut++;
              onChunk?.(part.response);
            }
            if (part.done) {
              final = part;
              break;
            }
            if (guard.shouldStop()) {
              budgetHit = true;
              break;
            }
          }
        } finally {
          if (!final) stream.abort();
        }
      }
    } catch (err) {
      if (signal?.aborted) throw abortedFailure(signal);
      throw toFailure(err, request.model, host);
    } finally {
      signal?.removeEventListener("abort", forward);
    }
    if (signal?.aborted) throw abortedFailure(signal);
    const durationMs = Math.max(0, Date.now() - startedAt);
    const ollamaVersion = await version;
    const finishReason: FinishReason = budgetHit
      ? "budget"
      : final?.done_reason === "length"
        ? "length"
        : "stop";
    return {
      text,
      finishReason,
      // Ollama reports token counts only in its last message; after an early stop, the prompt
      // count is estimated (≈4 bytes per token) and the output count is the chunks received.
      tokensIn: final?.prompt_eval_count ?? Math.ceil(Buffer.byteLength(request.prompt) / 4),
      tokensOut: final?.eval_count ?? tokensOut,
      startedAt,
      durationMs,
      ...(ollamaVersion ? { executor: { name: "ollama", version: ollamaVersion } } : {}),
    };
  }

  return {
    kind: "ollama",
    host,
    listModels,
    run,
    healthy: () => probeOllama(host),
    async close() {},
  };
}

function toFailure(err: unknown, model: string, host: string): ExecutorFailure {
  if (err instanceof ExecutorFailure) return err;
  const status = (err as { status_code?: unknown }).status_code;
  if (status === 404) {
    return new ExecutorFailure("model_not_found", `Ollama at ${host} has no model ${model}`, {
      cause: err,
    });
  }
  return asExecutorFailure(new Error(`Ollama at ${host}: ${errorText(err)}`, { cause: err }));
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
