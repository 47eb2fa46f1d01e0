// The one interface every executor implements. An executor runs one inference and either returns
// its output with metering or throws an ExecutorFailure: an error is never returned as output.

export type FinishReason = "stop" | "length" | "budget";

export interface InferenceRequest {
  /** The served model name, e.g. `aitbc-tiny:latest` or `llama3.2:latest`. */
  model: string;
  prompt: string;
  /** Upper bound on generated tokens; the executor's default applies when absent. */
  maxTokens?: number;
  /** Sampling temperature; 0 (the default) always takes the most likely token. */
  temperature?: number;
  /** Seeds the sampler (0..2^32-1), so a run above temperature 0 can be repeated exactly. */
  seed?: number;
  /**
   * Wall-clock execution time the job may use (its budget, converted by the price). The executor
   * stops generating before it would run past this, with finish reason `budget`.
   */
  maxDurationMs?: number;
}

export interface RunOptions {
  /** Aborting it (customer cancel, lease lost, TTL) stops generation; run() then throws `aborted`. */
  signal?: AbortSignal;
  /** Called with every piece of generated text, in order, as it is produced. */
  onChunk?: (text: string) => void;
}

export interface ExecutionResult {
  text: string;
  finishReason: FinishReason;
  tokensIn: number;
  tokensOut: number;
  /** Wall-clock execution time, from startedAt. */
  durationMs: number;
  /** Epoch milliseconds when execution started (the receipt's started_at). */
  startedAt: number;
  /** What ran the model; with the model digest it says whether another run must match byte for byte. */
  executor?: ExecutorIdentity;
}

export interface ExecutorIdentity {
  /** `llamacpp` or `ollama`. */
  name: string;
  /** The version and backend, e.g. `node-llama-cpp 3.21.1; llama.cpp b6000; cpu`. */
  version: string;
}

export interface ServedModel {
  /** The name jobs ask for, e.g. `aitbc-tiny:latest`. */
  name: string;
  /** `sha256:<hex>`: of the GGUF file, or the Ollama model digest. */
  digest: string;
  sizeBytes?: number;
  /** Shown next to the model wherever it is listed, e.g. `random-weight test model`. */
  label?: string;
}

export type ExecutorKind = "ollama" | "llamacpp";

export interface Executor {
  readonly kind: ExecutorKind;
  /** The models this executor can run right now. */
  listModels(): Promise<ServedModel[]>;
  run(request: InferenceRequest, options?: RunOptions): Promise<ExecutionResult>;
  /** Whether the backend can take work now (e.g. the Ollama host answers). */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

/** Codes reported to the coordinator's fail endpoint. */
export type FailureCode = "executor_error" | "timeout" | "model_not_found" | "aborted";

export class ExecutorFailure extends Error {
  override readonly name = "ExecutorFailure";
  constructor(
    readonly code: FailureCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Wraps anything thrown by an executor backend as a typed failure (keeping ExecutorFailures). */
export function asExecutorFailure(err: unknown, signal?: AbortSignal): ExecutorFailure {
  if (err instanceof ExecutorFailure) return err;
  if (signal?.aborted) return abortedFailure(signal);
  const message = err instanceof Error ? err.message : String(err);
  return new ExecutorFailure("executor_error", message, { cause: err });
}

/** The failure for an aborted run; the abort reason may carry a more precise code (e.g. timeout). */
export function abortedFailure(signal: AbortSignal): ExecutorFailure {
  const reason: unknown = signal.reason;
  if (reason instanceof ExecutorFailure) return reason;
  const message = reason instanceof Error ? reason.message : "execution was aborted";
  return new ExecutorFailure("aborted", message, { cause: reason });
}
